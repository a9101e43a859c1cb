import { describe, expect, it } from "vitest";
import { readEvents, takeEvents, type ServerEvent } from "./eventStream";

describe("takeEvents", () => {
  it("returns complete events and keeps an unfinished one for the next chunk", () => {
    const { events, rest } = takeEvents(
      'event: text\ndata: {"delta":"a"}\n\nevent: done\ndata: {"x"',
    );

    expect(events).toEqual([{ name: "text", data: '{"delta":"a"}' }]);
    expect(rest).toBe('event: done\ndata: {"x"');
  });

  it("reads CRLF line ends, skips comments, joins data lines and defaults the name", () => {
    const { events } = takeEvents(": keep-alive\r\n\r\ndata: one\r\ndata: two\r\n\r\n");

    expect(events).toEqual([{ name: "message", data: "one\ntwo" }]);
  });
});

describe("readEvents", () => {
  it("hands over events in order even when chunks split them anywhere", async () => {
    const text =
      'event: tool_call\ndata: {"tool":"get_table_metadata"}\n\nevent: text\ndata: {"delta":"é"}\n\n';
    const bytes = new TextEncoder().encode(text);
    // Split inside the two-byte "é" and inside the blank line that ends the first event.
    const cuts = [10, text.indexOf("\n\n") + 1, bytes.length - 6, bytes.length];
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        let from = 0;
        for (const cut of cuts) {
          controller.enqueue(bytes.slice(from, cut));
          from = cut;
        }
        controller.close();
      },
    });
    const seen: ServerEvent[] = [];

    await readEvents(new Response(body), (event) => seen.push(event));

    expect(seen).toEqual([
      { name: "tool_call", data: '{"tool":"get_table_metadata"}' },
      { name: "text", data: '{"delta":"é"}' },
    ]);
  });
});
