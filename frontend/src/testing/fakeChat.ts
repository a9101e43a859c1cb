import type {
  AppliedSuggestion,
  ChatMessage,
  Conversation,
  ChatSuggestion,
  ToolCall,
} from "../api/types";

/** What the fake assistant answers to one message. */
export interface ScriptedAnswer {
  text: string;
  toolCalls: ToolCall[];
  suggestion?: ChatSuggestion;
}

function respond(status: number, body: unknown, contentType = "application/json"): Response {
  return new Response(typeof body === "string" ? body : JSON.stringify(body), {
    status,
    headers: { "Content-Type": contentType },
  });
}

/**
 * The assistant's routes of the fake server: conversations kept in memory, each message answered
 * by `answer` and streamed as the backend frames its Server-Sent Events.
 */
export class FakeChat {
  readonly conversations: Conversation[] = [];
  readonly messages = new Map<string, ChatMessage[]>();
  readonly applied = new Set<string>();
  /** The problem a message is refused with instead of an answer, when set. */
  refuseWith: { type: string; title: string; status: number; detail: string } | null = null;
  answer: (message: string) => ScriptedAnswer = (message) => ({
    text: `You said: ${message}`,
    toolCalls: [],
  });
  private nextId = 1;

  route(method: string, workspaceId: string, parts: string[], body: Record<string, unknown>) {
    const [conversationId, kind, suggestionId] = parts;
    if (conversationId === undefined) {
      if (method === "GET") {
        const items = this.conversations.filter((c) => c.workspaceId === workspaceId);
        return respond(200, { items: [...items].reverse() });
      }
      return respond(201, this.start(workspaceId));
    }
    const conversation = this.conversations.find(
      (c) => c.id === conversationId && c.workspaceId === workspaceId,
    );
    if (!conversation)
      return respond(404, { type: "about:blank", title: "Not found", status: 404 });
    if (kind === undefined) {
      return respond(200, { conversation, messages: this.messages.get(conversation.id) ?? [] });
    }
    if (kind === "messages") return this.stream(conversation, String(body.message));
    return respond(200, this.apply(conversation, String(suggestionId)));
  }

  start(workspaceId: string, title: string | null = null): Conversation {
    const conversation: Conversation = {
      id: `cv${this.nextId++}`,
      workspaceId,
      title,
      createdBy: "tester",
      createdAt: "2026-01-02T03:04:05Z",
      updatedAt: "2026-01-02T03:04:05Z",
      messageCount: 0,
      version: 1,
    };
    this.conversations.push(conversation);
    this.messages.set(conversation.id, []);
    return conversation;
  }

  private stream(conversation: Conversation, message: string): Response {
    if (this.refuseWith)
      return respond(this.refuseWith.status, this.refuseWith, "application/problem+json");
    const stored = this.messages.get(conversation.id) ?? [];
    const scripted = this.answer(message);
    const question = this.message(conversation, stored.length, "user", message, []);
    const answer: ChatMessage = {
      ...this.message(
        conversation,
        stored.length + 1,
        "assistant",
        scripted.text,
        scripted.toolCalls,
      ),
      ...(scripted.suggestion ? { suggestion: scripted.suggestion } : {}),
      answeredBy: "offline-architect",
    };
    stored.push(question, answer);
    conversation.title ??= message;
    const frames = [
      ...scripted.toolCalls.map((call) => ["tool_call", { tool: call.tool, status: call.status }]),
      ["text", { delta: scripted.text }],
      ...(scripted.suggestion ? [["suggestion", scripted.suggestion]] : []),
      ["done", { conversation, question, answer }],
    ];
    const text = frames.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
    return respond(200, text.join(""), "text/event-stream");
  }

  private apply(conversation: Conversation, suggestionId: string): AppliedSuggestion {
    const message = (this.messages.get(conversation.id) ?? []).find(
      (m) => m.suggestion?.id === suggestionId,
    );
    if (!message?.suggestion) throw new Error(`no suggestion ${suggestionId}`);
    const again = this.applied.has(suggestionId);
    this.applied.add(suggestionId);
    return {
      model: { id: "mdl1", name: "dim_product", latestVersion: 1 },
      version: 1,
      outcome: again ? "UNCHANGED" : "CREATED",
      suggestion: { ...message.suggestion, appliedModelId: "mdl1", appliedVersion: 1 },
    };
  }

  private message(
    conversation: Conversation,
    sequence: number,
    role: ChatMessage["role"],
    text: string,
    toolCalls: ToolCall[],
  ): ChatMessage {
    return {
      id: `msg${this.nextId++}`,
      conversationId: conversation.id,
      sequence,
      role,
      text,
      toolCalls,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      createdAt: "2026-01-02T03:04:05Z",
    };
  }
}
