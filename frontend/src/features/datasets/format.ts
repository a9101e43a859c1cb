import type { DatasetFormat } from "../../api/types";

export const datasetFormats: readonly { value: DatasetFormat; label: string }[] = [
  { value: "csv", label: "CSV" },
  { value: "jsonl", label: "JSON lines" },
  { value: "parquet", label: "Parquet" },
];

const formatByExtension: Record<string, DatasetFormat> = {
  csv: "csv",
  jsonl: "jsonl",
  ndjson: "jsonl",
  parquet: "parquet",
  pq: "parquet",
};

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf(".");
  return dot <= 0 ? "" : fileName.slice(dot + 1).toLowerCase();
}

/** The format a file's extension names, or null when the person has to choose. */
export function detectFormat(fileName: string): DatasetFormat | null {
  return formatByExtension[extensionOf(fileName)] ?? null;
}

/** A dataset name suggested by a file name: the name without its extension. */
export function datasetNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const dot = base.lastIndexOf(".");
  return (dot > 0 ? base.slice(0, dot) : base).trim();
}

const units = ["B", "KB", "MB", "GB"] as const;

/** A byte count for people: 1536 gives "1.5 KB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${units[unit]}`;
}
