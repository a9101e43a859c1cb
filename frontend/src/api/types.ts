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
