import { describe, expect, it } from "vitest";
import { createApiClient } from "./client";
import type { ServerEvent } from "./eventStream";
import { ApiError } from "./problem";
import {
  EventAssembler,
  loadAssistantSocketUrl,
  streamOverSocket,
  type SocketLike,
} from "./socketStream";

/** A WebSocket stand-in: records what the page sends and lets the test play the server. */
class FakeSocket implements SocketLike {
  sent: string[] = [];
  closed = false;
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;

  constructor(readonly url: string) {}

  send(data: string) {
    this.sent.push(data);
  }

  close() {
    this.closed = true;
  }

  open() {
    this.onopen?.(new Event("open"));
  }

  receive(message: unknown) {
    this.onmessage?.(new MessageEvent("message", { data: JSON.stringify(message) }));
  }

  drop() {
    this.onclose?.(new Event("close") as CloseEvent);
  }
}

/** An event's JSON text sent in parts of `size` characters, as the server does for large events. */
function inParts(event: string, data: unknown, size: number) {
  const json = JSON.stringify(data);
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += size) chunks.push(json.slice(i, i + size));
  return chunks.map((chunk, i) => ({ event, part: i + 1, parts: chunks.length, chunk }));
}

const exchange = {
  conversation: { id: "cv_1" },
  question: { id: "m1", role: "user", text: "hi" },
  answer: { id: "m2", role: "assistant", text: "Hello there" },
};

describe("EventAssembler", () => {
  it("passes whole events through and joins parted ones in order", () => {
    const assembler = new EventAssembler();
    const suggestion = { id: "sg_1", title: "dim_product", files: "x".repeat(50) };
    const parts = inParts("suggestion", suggestion, 7);

    const whole = assembler.take(JSON.stringify({ event: "text", data: { delta: "Hi" } }));
    const partial = parts.slice(0, -1).map((part) => assembler.take(JSON.stringify(part)));
    const joined = assembler.take(JSON.stringify(parts[parts.length - 1]));

    expect(whole).toEqual({ name: "text", data: '{"delta":"Hi"}' });
    expect(partial.every((event) => event === null)).toBe(true);
    expect(joined?.name).toBe("suggestion");
    expect(JSON.parse(joined?.data ?? "")).toEqual(suggestion);
  });

  it("refuses a part that arrives out of order", () => {
    const parts = inParts("done", exchange, 10);

    expect(() => new EventAssembler().take(JSON.stringify(parts[1]))).toThrow("out of order");
  });
});

describe("streamOverSocket", () => {
  it("connects with the ticket, sends the message and resolves after done", async () => {
    let socket: FakeSocket | undefined;
    const events: ServerEvent[] = [];
    const streaming = streamOverSocket(
      "wss://socket.test/live",
      "ws_a.b+c",
      "make it type 1",
      (event) => events.push(event),
      (url) => (socket = new FakeSocket(url)),
    );
    socket?.open();
    socket?.receive({ event: "tool_call", data: { tool: "get_table_metadata", status: "OK" } });
    socket?.receive({ event: "done", data: exchange });
    await streaming;

    expect(socket?.url).toBe("wss://socket.test/live?ticket=ws_a.b%2Bc");
    expect(socket?.sent.map((frame) => JSON.parse(frame))).toEqual([
      { action: "sendMessage", content: "make it type 1" },
    ]);
    expect(events.map((event) => event.name)).toEqual(["tool_call", "done"]);
    expect(socket?.closed).toBe(true);
  });

  it("rejects when the connection closes before the answer is complete", async () => {
    let socket: FakeSocket | undefined;
    const streaming = streamOverSocket(
      "wss://socket.test/live",
      "t",
      "hi",
      () => {},
      (url) => {
        socket = new FakeSocket(url);
        return socket;
      },
    );
    socket?.open();
    socket?.drop();

    await expect(streaming).rejects.toThrow("closed before the answer");
  });
});

describe("streamMessage over the WebSocket", () => {
  function socketClient(onSocket: (socket: FakeSocket) => void) {
    const requests: string[] = [];
    const api = createApiClient({
      getToken: () => "t1",
      fetch: async (input, init) => {
        requests.push(`${init?.method} ${String(input)}`);
        return new Response(
          JSON.stringify({ ticket: "ws_1.secret", expiresAt: "2026-12-05T10:00:00Z" }),
          {
            status: 201,
            headers: { "content-type": "application/json" },
          },
        );
      },
      assistantSocketUrl: async () => "wss://socket.test/live",
      createSocket: (url) => {
        const socket = new FakeSocket(url);
        // The server answers once the page has sent its message.
        queueMicrotask(() => onSocket(socket));
        return socket;
      },
    });
    return { api, requests };
  }

  it("gets a ticket, streams the events and resolves with the stored turn", async () => {
    const { api, requests } = socketClient((socket) => {
      socket.open();
      socket.receive({ event: "text", data: { delta: "Hello there" } });
      inParts("suggestion", { id: "sg_1", title: "dim_product" }, 5).forEach((p) =>
        socket.receive(p),
      );
      socket.receive({ event: "done", data: exchange });
    });
    const seen: string[] = [];

    const turn = await api.streamMessage("ws_1", "cv_1", "hi", (event) => seen.push(event.type));

    expect(requests).toEqual(["POST /api/workspaces/ws_1/conversations/cv_1/stream-tickets"]);
    expect(seen).toEqual(["text", "suggestion", "done"]);
    expect(turn.answer.text).toBe("Hello there");
  });

  it("rejects with the problem an error event carries", async () => {
    const { api } = socketClient((socket) => {
      socket.open();
      socket.receive({
        event: "error",
        data: {
          type: "https://flowforge.dev/problems/rate-limited",
          title: "Too many requests",
          status: 429,
          detail: "This workspace may send 20 messages a minute and has reached that.",
        },
      });
    });

    const failure = await api.streamMessage("ws_1", "cv_1", "hi", () => {}).catch((e) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(429);
    expect((failure as ApiError).message).toContain("20 messages a minute");
  });
});

describe("loadAssistantSocketUrl", () => {
  const answer = (body: string, type: string) => async () =>
    new Response(body, { status: 200, headers: { "content-type": type } });

  it("reads the socket URL from the deployed runtime config", async () => {
    const url = await loadAssistantSocketUrl(
      answer(
        '{"assistantSocketUrl":"wss://abc.execute-api.us-east-1.amazonaws.com/live"}',
        "application/json",
      ),
    );

    expect(url).toBe("wss://abc.execute-api.us-east-1.amazonaws.com/live");
  });

  it("finds none where the server answers with the app's page or a URL that is not a socket", async () => {
    expect(await loadAssistantSocketUrl(answer("<!doctype html>", "text/html"))).toBeUndefined();
    expect(
      await loadAssistantSocketUrl(
        answer('{"assistantSocketUrl":"javascript:alert(1)"}', "application/json"),
      ),
    ).toBeUndefined();
  });
});
