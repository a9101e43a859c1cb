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

export type Layer = "bronze" | "silver" | "gold";

export type SuggestionStatus = "PROPOSED" | "ACCEPTED" | "ADJUSTED" | "REJECTED";

/** A setting as the suggester and the pipeline generator read it. */
export type SettingValue = Record<string, unknown>;

export interface ColumnProfile {
  name: string;
  inferredType: string;
  format?: string | null;
  nullRatio: number;
  distinct: { value: number; exact: boolean };
  min?: string | null;
  max?: string | null;
  pii?: string | null;
}

export interface ProfileChanges {
  previousVersion: number;
  newColumns: string[];
  changedColumns: { column: string; differences: string[] }[];
  unchangedColumns: string[];
  goneColumns: string[];
  affectedSuggestions: string[];
}

export interface StoredProfile {
  datasetId: string;
  version: number;
  profile: { name: string; rowCount: number; columns: ColumnProfile[] };
  changes?: ProfileChanges;
  createdAt: string;
}

export interface Suggestion {
  kind: string;
  value: SettingValue;
  confidence: number;
  reasoning: string;
  alternatives: { value: SettingValue; confidence: number; reasoning: string }[];
}

export interface StoredSuggestion {
  datasetId: string;
  layer: "BRONZE" | "SILVER" | "GOLD";
  kind: string;
  suggestion: Suggestion;
  status: SuggestionStatus;
  override?: SettingValue;
  changedSinceDecision: boolean;
  changedColumns: string[];
  version: number;
}

export interface QualityRule {
  id: string;
  kind: string;
  columns: string[];
  severity: "ERROR" | "WARN";
  confidence: number;
  evidence: string;
}

export interface LayerSuggestions {
  datasetId: string;
  layer: Layer;
  profileVersion: number;
  rowCount: number;
  items: StoredSuggestion[];
  qualityRules: QualityRule[];
}

export interface Decision {
  action: "accept" | "adjust" | "reject";
  override?: SettingValue;
  version: number;
}

export interface RuleRun {
  results: {
    rule: QualityRule;
    result: {
      checked: number;
      failed: number;
      passRate: number;
      failingRows: Record<string, string | null>[];
    };
  }[];
}

export type ExportFormat = "yaml" | "check" | "expect";

export interface RuleExport {
  format: ExportFormat;
  mediaType: string;
  content: string;
}

export type ModelStyle = "kimball" | "data_vault";

/** The generator's choices; every field optional, the server fills in defaults. */
export interface ModelOptions {
  targetSchema?: string;
  /** SCD type per dimension entity, such as `{ dim_product: 1 }`. */
  scdTypes?: Record<string, number>;
  attributes?: Record<string, string[]>;
  calendarStart?: string;
  calendarEnd?: string;
  runtime?: string;
}

export interface ModelRequestBody {
  style: ModelStyle;
  datasetIds: string[];
  options?: ModelOptions;
}

/** A column as the canvas shows it; `key` is pk, fk, bk, hk, nk or empty. */
export interface ModelColumn {
  name: string;
  type: string;
  key: string | null;
}

export interface ModelEntity {
  name: string;
  kind: string;
  pattern: string;
  label: string;
  parameters: Record<string, unknown>;
  dependsOn: string[];
  columns: ModelColumn[];
}

/** A type alias, not an interface: React Flow requires node data to be indexable. */
export type FlowNodeData = {
  label: string;
  kind: string;
  pattern: string;
  table?: string;
  columns: ModelColumn[];
  scd_type?: number;
  grain?: string;
};

export interface FlowNode {
  id: string;
  type: string;
  position: { x: number; y: number };
  data: FlowNodeData;
  width: number;
  height: number;
}

export interface FlowEdge {
  id: string;
  source: string;
  target: string;
  type: string;
  label: string | null;
}

/** One choice the model generator made, with its reason. */
export interface ModelDecision {
  subject: string;
  choice: string;
  reason: string;
  confidence: number;
}

export interface GeneratedModel {
  spec: { style: string; targetSchema: string; entities: ModelEntity[] };
  specYaml: string;
  flow: { nodes: FlowNode[]; edges: FlowEdge[] };
  /** Rendered files by path: `ddl/0010_dim_product.sql`, `model.yaml` … */
  files: Record<string, string>;
  decisions: ModelDecision[];
}

export interface SavedModel {
  id: string;
  workspaceId: string;
  name: string;
  style: string;
  latestVersion: number;
  createdAt: string;
  updatedAt: string;
}

export interface ModelVersionSummary {
  version: number;
  contentHash: string;
  createdAt: string;
}

export interface ModelVersion extends ModelVersionSummary {
  modelId: string;
  workspaceId: string;
  model: GeneratedModel;
  source: { datasetIds: string[]; style: "KIMBALL" | "DATA_VAULT"; options: ModelOptions };
}

export interface SavedModelAnswer {
  model: SavedModel;
  version: ModelVersion;
  outcome: "CREATED" | "NEW_VERSION" | "UNCHANGED";
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

export interface ChatSuggestion {
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
  suggestion?: ChatSuggestion;
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
  | { type: "suggestion"; suggestion: ChatSuggestion }
  | { type: "done"; exchange: ChatExchange };

export interface AppliedSuggestion {
  model: { id: string; name: string; latestVersion: number };
  version: number;
  outcome: "CREATED" | "NEW_VERSION" | "UNCHANGED";
  suggestion: ChatSuggestion;
}

export type Sensitivity = "LOW" | "MEDIUM" | "HIGH";

export interface ExceptionRule {
  id: string;
  monitorId: string;
  kind: "DATE" | "WEEKDAY" | "RANGE";
  description: string;
  createdAt: string;
}

/** One watched series: a job's metric such as `rows:silver.orders` or `latency:duration_seconds`. */
export interface Monitor {
  id: string;
  job: string;
  metric: string;
  sensitivity: Sensitivity;
  minHistory: number;
  country?: string | null;
  createdAt: string;
  version: number;
  rules: ExceptionRule[];
}

export interface LikelyCause {
  kind: string;
  explanation: string;
  confidence: number;
}

export interface AnomalyDetail {
  at: string;
  actual: number;
  expected: number;
  lower: number;
  upper: number;
  severity: "LOW" | "MEDIUM" | "HIGH";
  confidence: number;
  baseline: string;
  causes: LikelyCause[];
}

export interface RecordedAnomaly {
  id: string;
  monitorId: string;
  job: string;
  metric: string;
  window: string;
  detectedAt: string;
  anomaly: AnomalyDetail;
  status: "OPEN" | "EXPECTED";
  version: number;
}

export interface SeriesPoint {
  at: string;
  value: number;
  markedExpected: boolean;
  expected?: number | null;
  lower?: number | null;
  upper?: number | null;
  status: string;
}

export interface Series {
  monitor: Monitor;
  points: SeriesPoint[];
  anomalies: RecordedAnomaly[];
}

export interface SecretStatus {
  configured: boolean;
  createdAt?: string | null;
  rotatedAt?: string | null;
  previousValidUntil?: string | null;
}

export interface IssuedSecret {
  secret: string;
  createdAt: string;
  rotatedAt?: string | null;
  previousValidUntil?: string | null;
}

export interface NewExceptionRule {
  monitorId: string;
  kind: "DATE" | "WEEKDAY" | "RANGE";
  date?: string;
  weekday?: string;
  from?: string;
  to?: string;
}

export interface AlertDestination {
  id: string;
  name: string;
  kind: "SLACK" | "GENERIC";
  url: string;
  createdAt: string;
  signingSecret?: string | null;
}

export interface TestSend {
  delivered: boolean;
  attempts: number;
  error?: string | null;
}

/** A monitored job with the jobs it depends on (declared by its run reports or a person). */
export interface MonitoredJob {
  job: string;
  upstream: string[];
  upstreamSource?: "report" | "api" | null;
  upstreamUpdatedAt?: string | null;
  lastRun?: {
    runId: string;
    status: "RUNNING" | "SUCCEEDED" | "FAILED" | "SKIPPED" | "CANCELLED";
    startedAt: string;
    endedAt?: string | null;
  } | null;
}

/** A single-use ticket for the assistant's WebSocket; only valid until `expiresAt` (60 s). */
export interface StreamTicket {
  ticket: string;
  expiresAt: string;
}
