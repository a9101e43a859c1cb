import type { ApiClient, ProgressListener } from "../../api/client";
import type { Dataset, DatasetFormat } from "../../api/types";

export interface UploadRequest {
  name: string;
  format: DatasetFormat;
  file: File;
}

/**
 * Registers a dataset, sends its file with progress, and asks the server to check it. If the
 * bytes never arrive the half-made dataset is deleted so no empty entry is left in the list; when
 * the server rejects the file on completion it removes the dataset itself.
 */
export async function uploadDataset(
  api: ApiClient,
  workspaceId: string,
  request: UploadRequest,
  onProgress: ProgressListener,
): Promise<Dataset> {
  const created = await api.createDataset(workspaceId, {
    name: request.name,
    fileName: request.file.name,
    format: request.format,
    sizeBytes: request.file.size,
  });
  try {
    await api.uploadFile(created.upload, request.file, onProgress);
  } catch (error) {
    // The failed upload is what the person must hear about; a failed clean-up must not hide it.
    await api.deleteDataset(workspaceId, created.dataset.id).catch(() => undefined);
    throw error;
  }
  return api.completeDataset(workspaceId, created.dataset.id);
}
