import type { DatasetFormat, DatasetStatus } from "../../api/types";
import { datasetFormats } from "./format";

const statusLabels: Record<DatasetStatus, string> = {
  READY: "Ready",
  PENDING_UPLOAD: "Waiting for upload",
};

export function statusLabel(status: DatasetStatus): string {
  return statusLabels[status] ?? status;
}

export function formatLabel(format: DatasetFormat): string {
  return datasetFormats.find((option) => option.value === format)?.label ?? format;
}

const counts = new Intl.NumberFormat();

/** A count for people, or a dash while it is not known (before the upload is checked). */
export function countLabel(count: number | undefined): string {
  return count === undefined ? "—" : counts.format(count);
}
