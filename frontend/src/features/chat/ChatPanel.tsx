import { useEffect, useId, useState, type FormEvent } from "react";
import { useApi } from "../../api/ApiContext";
import type {
  AppliedSuggestion,
  ChatMessage,
  Conversation,
  ChatSuggestion,
  ToolCall,
} from "../../api/types";
import { asError, ErrorMessage } from "../../ui/ErrorMessage";
import { useResource } from "../../ui/useResource";
import { examplePrompts } from "./examplePrompts";
import { SuggestionPreview } from "./SuggestionPreview";

const NEW = "";

/** The answer being streamed: the question, tool calls so far and the text so far. */
interface Pending {
  question: string;
  toolCalls: Pick<ToolCall, "tool" | "status" | "error">[];
  text: string;
}

/**
 * The assistant on the workspace page: pick or start a conversation, ask in plain English, watch
 * the tools run and the answer arrive, preview the suggested model and apply it to the canvas.
 */
export function ChatPanel({ workspaceId }: { workspaceId: string }) {
  const api = useApi();
  const id = useId();
  const [conversations, reloadConversations] = useResource(`conversations:${workspaceId}`, () =>
    api.listConversations(workspaceId),
  );
  // null follows the most recent conversation; NEW is a conversation the next message starts.
  const [selected, setSelected] = useState<string | null>(null);
  const [messages, setMessages] = useState<ChatMessage[]>([]);
  const [draft, setDraft] = useState("");
  const [pending, setPending] = useState<Pending | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [applying, setApplying] = useState<string | null>(null);
  const [applied, setApplied] = useState<Record<string, AppliedSuggestion>>({});

  const latest = conversations.state === "ready" ? (conversations.data[0]?.id ?? null) : null;
  const conversationId = selected === null ? latest : selected === NEW ? null : selected;

  useEffect(() => {
    if (conversationId === null) {
      setMessages([]);
      return;
    }
    let current = true;
    api.getConversation(workspaceId, conversationId).then(
      (view) => current && setMessages(view.messages),
      (failure: unknown) => current && setError(asError(failure)),
    );
    return () => {
      current = false;
    };
  }, [api, workspaceId, conversationId]);

  async function send(text: string) {
    const message = text.trim();
    if (message === "") {
      setError(new Error("Write a message first, or pick one of the examples."));
      return;
    }
    setError(null);
    setPending({ question: message, toolCalls: [], text: "" });
    try {
      const target = conversationId ?? (await api.startConversation(workspaceId)).id;
      const exchange = await api.streamMessage(workspaceId, target, message, (event) => {
        if (event.type === "tool_call") {
          setPending((p) => p && { ...p, toolCalls: [...p.toolCalls, event] });
        } else if (event.type === "text") {
          setPending((p) => p && { ...p, text: p.text + event.delta });
        }
      });
      setMessages((stored) => [...stored, exchange.question, exchange.answer]);
      setSelected(target);
      setDraft("");
      reloadConversations();
    } catch (failure) {
      setError(asError(failure));
    } finally {
      setPending(null);
    }
  }

  async function apply(suggestion: ChatSuggestion) {
    if (conversationId === null) return;
    setApplying(suggestion.id);
    setError(null);
    try {
      const result = await api.applySuggestion(workspaceId, conversationId, suggestion.id);
      setApplied((all) => ({ ...all, [suggestion.id]: result }));
    } catch (failure) {
      setError(asError(failure));
    } finally {
      setApplying(null);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send(draft);
  }

  const busy = pending !== null;
  return (
    <section className="card chat" aria-labelledby={`${id}-title`}>
      <div className="chat-header">
        <h2 id={`${id}-title`}>Assistant</h2>
        {conversations.state === "ready" && conversations.data.length > 0 && (
          <ConversationPicker
            conversations={conversations.data}
            selectedId={conversationId}
            disabled={busy}
            onSelect={setSelected}
          />
        )}
        <button
          type="button"
          className="link-button"
          disabled={busy}
          onClick={() => setSelected(NEW)}
        >
          New conversation
        </button>
      </div>
      {conversations.state === "failed" && <ErrorMessage error={conversations.error} />}
      <div role="log" aria-label="Conversation" aria-busy={busy} className="chat-log">
        {messages.length === 0 && !busy && (
          <div className="examples">
            <p className="muted">
              Ask me to design something from this workspace's datasets, for example:
            </p>
            <ul aria-label="Example requests">
              {examplePrompts.map((prompt) => (
                <li key={prompt}>
                  <button type="button" className="link-button" onClick={() => void send(prompt)}>
                    {prompt}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        )}
        {messages.map((message) => (
          <MessageView
            key={message.id}
            workspaceId={workspaceId}
            message={message}
            applying={applying === message.suggestion?.id}
            applied={message.suggestion ? (applied[message.suggestion.id] ?? null) : null}
            onApply={apply}
          />
        ))}
        {pending && (
          <>
            <article className="chat-message user" aria-label="You">
              <p className="chat-text">{pending.question}</p>
            </article>
            <article className="chat-message assistant" aria-label="Assistant (answering)">
              <ToolCallList calls={pending.toolCalls} />
              <p className="chat-text">{pending.text || "Thinking…"}</p>
            </article>
          </>
        )}
      </div>
      {error && <ErrorMessage error={error} />}
      <form className="chat-form" onSubmit={submit} aria-label="Ask the assistant">
        <label htmlFor={`${id}-message`}>Message</label>
        <textarea
          id={`${id}-message`}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.shiftKey) {
              event.preventDefault();
              void send(draft);
            }
          }}
          rows={2}
          maxLength={8000}
          disabled={busy}
          placeholder="Create a dimension based on product and productcategory"
        />
        <button type="submit" disabled={busy}>
          {busy ? "Answering…" : "Send"}
        </button>
      </form>
    </section>
  );
}

function ConversationPicker({
  conversations,
  selectedId,
  disabled,
  onSelect,
}: {
  conversations: Conversation[];
  selectedId: string | null;
  disabled: boolean;
  onSelect: (id: string) => void;
}) {
  const id = useId();
  return (
    <span className="field-inline">
      <label htmlFor={id}>History</label>
      <select
        id={id}
        value={selectedId ?? ""}
        disabled={disabled}
        onChange={(event) => onSelect(event.target.value)}
      >
        {selectedId === null && <option value="">New conversation</option>}
        {conversations.map((conversation) => (
          <option key={conversation.id} value={conversation.id}>
            {conversation.title ?? "Untitled conversation"}
          </option>
        ))}
      </select>
    </span>
  );
}

function MessageView({
  workspaceId,
  message,
  applying,
  applied,
  onApply,
}: {
  workspaceId: string;
  message: ChatMessage;
  applying: boolean;
  applied: AppliedSuggestion | null;
  onApply: (suggestion: ChatSuggestion) => void;
}) {
  if (message.role === "user") {
    return (
      <article className="chat-message user" aria-label="You">
        <p className="chat-text">{message.text}</p>
      </article>
    );
  }
  const suggestion = message.suggestion;
  return (
    <article className="chat-message assistant" aria-label="Assistant">
      <ToolCallList calls={message.toolCalls} />
      <p className="chat-text">{message.text}</p>
      {suggestion && (
        <SuggestionPreview
          workspaceId={workspaceId}
          suggestion={suggestion}
          applying={applying}
          applied={applied}
          onApply={() => onApply(suggestion)}
        />
      )}
      <p className="muted chat-meta">
        {message.answeredBy}
        {message.inputTokens + message.outputTokens > 0 &&
          ` · ${message.inputTokens + message.outputTokens} tokens · $${message.costUsd.toFixed(4)}`}
      </p>
    </article>
  );
}

const STATUS_LABELS: Record<ToolCall["status"], string> = {
  OK: "done",
  FAILED: "failed",
  UNAVAILABLE: "not available",
  SKIPPED: "skipped",
};

function ToolCallList({ calls }: { calls: Pick<ToolCall, "tool" | "status" | "error">[] }) {
  if (calls.length === 0) return null;
  return (
    <ul aria-label="Tool calls" className="tool-calls">
      {calls.map((call, index) => (
        <li key={`${call.tool}-${index}`} className={`tool-${call.status.toLowerCase()}`}>
          <code>{call.tool}</code> {STATUS_LABELS[call.status]}
          {call.error && <span className="muted"> — {call.error}</span>}
        </li>
      ))}
    </ul>
  );
}
