/** One Server-Sent Event: its name and its data (FlowForge sends one line of JSON per event). */
export interface ServerEvent {
  name: string;
  data: string;
}

/**
 * Splits a growing text/event-stream buffer into complete events and the unfinished rest, which
 * the caller keeps and prepends to the next chunk. Events end with a blank line; `event:` names
 * them (`message` when absent) and `data:` lines are joined with newlines.
 */
export function takeEvents(buffer: string): { events: ServerEvent[]; rest: string } {
  const normalized = buffer.replace(/\r\n?/g, "\n");
  const blocks = normalized.split("\n\n");
  const rest = blocks.pop() ?? "";
  const events: ServerEvent[] = [];
  for (const block of blocks) {
    let name = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "event") name = value;
      else if (field === "data") data.push(value);
    }
    if (data.length > 0) events.push({ name, data: data.join("\n") });
  }
  return { events, rest };
}

/** Reads a response body as it arrives and hands over each complete event in order. */
export async function readEvents(
  response: Response,
  onEvent: (event: ServerEvent) => void,
): Promise<void> {
  const reader = response.body?.getReader?.();
  if (!reader) {
    // Environments without streaming bodies still get every event, at the end.
    const { events } = takeEvents((await response.text()) + "\n\n");
    events.forEach(onEvent);
    return;
  }
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
    const { events, rest } = takeEvents(done ? buffer + "\n\n" : buffer);
    events.forEach(onEvent);
    buffer = rest;
    if (done) return;
  }
}
