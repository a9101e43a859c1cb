/** Shapes of the HTTP API, as documented in docs/api.md and openapi.json. */

export type DatasetFormat = "csv" | "jsonl" | "parquet";

export type DatasetStatus = "PENDING_UPLOAD" | "READY";

export interface Workspace {
  id: string;
  name: string;
  createdAt: string;
  version: number;
}

export interface DatasetColumn {
  name: string;
  type: string;
}

export interface Dataset {
  id: string;
  workspaceId: string;
  name: string;
  fileName: string;
  format: DatasetFormat;
  status: DatasetStatus;
  sizeBytes: number;
  rowCount?: number;
  columns?: DatasetColumn[];
  createdAt: string;
  version: number;
}

export interface ItemList<T> {
  items: T[];
}

export interface Health {
  status: "ok";
  version: string;
  mode: "local" | "aws";
}

export interface NewDataset {
  name: string;
  fileName: string;
  format: DatasetFormat;
  sizeBytes: number;
}

/** Where and how to send a dataset's bytes: a presigned S3 URL in AWS, the local blob store locally. */
export interface UploadTarget {
  url: string;
  method: "PUT";
  headers: Record<string, string>;
}

export interface CreatedDataset {
  dataset: Dataset;
  upload: UploadTarget;
}

/** A conversation with the assistant. */
export interface Conversation {
  id: string;
  workspaceId: string;
  title?: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  messageCount: number;
  lastSuggestionId?: string | null;
  version: number;
}

export interface ToolCall {
  tool: string;
  status: "OK" | "FAILED" | "UNAVAILABLE" | "SKIPPED";
  input?: unknown;
  result?: unknown;
  error?: string | null;
}

/** A canvas node of a suggested model, as the layout tool places it. */
export interface SuggestedNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  width: number;
  height: number;
  data: { label?: string; kind?: string; table?: string };
}

export interface Suggestion {
  id: string;
  title: string;
  content: {
    request?: { kind: string; sourceTables: string[]; scdType?: number | null };
    reactflow_model?: {
      nodes: SuggestedNode[];
      edges: { id: string; source: string; target: string }[];
    };
    missing_tools?: string[];
  };
  nodeCount: number;
  templateCount: number;
  appliedModelId?: string;
  appliedVersion?: number;
}

export interface ChatMessage {
  id: string;
  conversationId: string;
  sequence: number;
  role: "user" | "assistant";
  text: string;
  toolCalls: ToolCall[];
  suggestion?: Suggestion;
  answeredBy?: string;
  notice?: string;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  createdAt: string;
}

export interface ConversationView {
  conversation: Conversation;
  messages: ChatMessage[];
}

/** One stored turn: the user's message and the assistant's answer. */
export interface ChatExchange {
  conversation: Conversation;
  question: ChatMessage;
  answer: ChatMessage;
}

/** What a streamed answer reports as it is produced. */
export type ChatEvent =
  | { type: "text"; delta: string }
  | { type: "tool_call"; tool: string; status: ToolCall["status"]; error?: string }
  | { type: "suggestion"; suggestion: Suggestion }
  | { type: "done"; exchange: ChatExchange };

export interface AppliedSuggestion {
  model: { id: string; name: string; latestVersion: number };
  version: number;
  outcome: "CREATED" | "NEW_VERSION" | "UNCHANGED";
  suggestion: Suggestion;
}
