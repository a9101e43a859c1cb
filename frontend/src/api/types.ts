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
