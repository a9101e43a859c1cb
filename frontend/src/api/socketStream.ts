import type { ServerEvent } from "./eventStream";

/** The part of the browser's WebSocket the assistant stream uses; tests pass a fake. */
export interface SocketLike {
  send(data: string): void;
  close(): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
}

export type SocketFactory = (url: string) => SocketLike;

/**
 * Turns the WebSocket's messages back into the events of the Server-Sent Events stream. Each
 * message is `{event, data}`; an event too large for one message (API Gateway's 128 KB limit)
 * arrives as `{event, part, parts, chunk}` messages whose chunks, joined in order, are its JSON.
 */
export class EventAssembler {
  private chunks: string[] = [];

  /** The complete event this message finishes, or null while parts are still missing. */
  take(message: string): ServerEvent | null {
    const frame = JSON.parse(message) as {
      event: string;
      data?: unknown;
      part?: number;
      parts?: number;
      chunk?: string;
    };
    if (frame.chunk === undefined) {
      return { name: frame.event, data: JSON.stringify(frame.data) };
    }
    if (frame.part !== this.chunks.length + 1) {
      throw new Error(`Part ${frame.part} of "${frame.event}" arrived out of order`);
    }
    this.chunks.push(frame.chunk);
    if (frame.part !== frame.parts) return null;
    const data = this.chunks.join("");
    this.chunks = [];
    return { name: frame.event, data };
  }
}

/**
 * Opens the assistant's WebSocket with a single-use ticket, sends one message and hands over its
 * events in order. Resolves after `done` or `error` (the answer's last event) and closes the
 * socket; rejects when the connection fails or closes before that.
 */
export function streamOverSocket(
  url: string,
  ticket: string,
  message: string,
  onEvent: (event: ServerEvent) => void,
  createSocket: SocketFactory = (address) => new WebSocket(address),
): Promise<void> {
  const address = `${url}${url.includes("?") ? "&" : "?"}ticket=${encodeURIComponent(ticket)}`;
  return new Promise((resolve, reject) => {
    const socket = createSocket(address);
    const assembler = new EventAssembler();
    let finished = false;
    const finish = (failure?: Error) => {
      if (finished) return;
      finished = true;
      socket.onmessage = socket.onerror = socket.onclose = null;
      socket.close();
      if (failure) reject(failure);
      else resolve();
    };
    socket.onopen = () => socket.send(JSON.stringify({ action: "sendMessage", content: message }));
    socket.onmessage = (incoming) => {
      try {
        const event = assembler.take(String(incoming.data));
        if (event === null) return;
        onEvent(event);
        if (event.name === "done" || event.name === "error") finish();
      } catch (failure) {
        finish(failure instanceof Error ? failure : new Error(String(failure)));
      }
    };
    socket.onerror = () => finish(new Error("The assistant's connection failed."));
    socket.onclose = () =>
      finish(new Error("The assistant's connection closed before the answer."));
  });
}

/**
 * The deployed app's runtime settings, `runtime-config.json` next to the app: in AWS it names the
 * assistant's WebSocket URL. Anything else (the local stack answers unknown paths with the app's
 * page) means no socket, and the assistant streams over the HTTP API.
 */
export async function loadAssistantSocketUrl(
  doFetch: typeof fetch = globalThis.fetch.bind(globalThis),
): Promise<string | undefined> {
  try {
    const response = await doFetch("runtime-config.json", {
      headers: { Accept: "application/json" },
    });
    if (!response.ok || !(response.headers.get("content-type") ?? "").includes("json")) {
      return undefined;
    }
    const config = (await response.json()) as { assistantSocketUrl?: unknown };
    const url = config.assistantSocketUrl;
    return typeof url === "string" && /^wss?:\/\//.test(url) ? url : undefined;
  } catch {
    return undefined;
  }
}
