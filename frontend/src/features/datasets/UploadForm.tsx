import { useId, useState, type FormEvent } from "react";
import { useApi } from "../../api/ApiContext";
import type { Dataset, DatasetFormat } from "../../api/types";
import { asError, ErrorMessage } from "../../ui/ErrorMessage";
import { datasetFormats, datasetNameFromFile, detectFormat, formatBytes } from "./format";
import { uploadDataset, type UploadRequest } from "./uploadDataset";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; loaded: number; total: number }
  | { kind: "failed"; error: Error }
  | { kind: "done"; dataset: Dataset };

/** Uploads a sample file (CSV, JSON lines or Parquet) as a new dataset of the workspace. */
export function UploadForm({
  workspaceId,
  onUploaded,
}: {
  workspaceId: string;
  onUploaded: (dataset: Dataset) => void;
}) {
  const api = useApi();
  const id = useId();
  const [name, setName] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState<DatasetFormat | "">("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [fileInputKey, setFileInputKey] = useState(0);
  const uploading = phase.kind === "uploading";

  function chooseFile(chosen: File | null) {
    // A name the person typed stays; one suggested by the previous file follows the new file.
    const nameWasSuggested =
      name.trim() === "" || (file !== null && name === datasetNameFromFile(file.name));
    setFile(chosen);
    if (!chosen) return;
    setFormat(detectFormat(chosen.name) ?? "");
    if (nameWasSuggested) setName(datasetNameFromFile(chosen.name));
  }

  // Checked here so a person hears what to fix before any bytes are sent.
  function checkedRequest(): UploadRequest | string {
    if (name.trim() === "") return "Give the dataset a name.";
    if (!file) return "Choose a file to upload.";
    if (file.size === 0) return `${file.name} is empty; choose a file with data in it.`;
    if (format === "") return `Choose the format of ${file.name}: CSV, JSON lines or Parquet.`;
    return { name: name.trim(), format, file };
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const request = checkedRequest();
    if (typeof request === "string") {
      setPhase({ kind: "failed", error: new Error(request) });
      return;
    }
    setPhase({ kind: "uploading", loaded: 0, total: request.file.size });
    try {
      const dataset = await uploadDataset(api, workspaceId, request, (loaded, total) =>
        setPhase({ kind: "uploading", loaded, total }),
      );
      setPhase({ kind: "done", dataset });
      setName("");
      setFile(null);
      setFormat("");
      setFileInputKey((key) => key + 1);
      onUploaded(dataset);
    } catch (error) {
      setPhase({ kind: "failed", error: asError(error) });
    }
  }

  const percent =
    phase.kind === "uploading" && phase.total > 0
      ? Math.min(100, Math.round((phase.loaded / phase.total) * 100))
      : 0;

  return (
    <form
      className="card upload"
      aria-labelledby={`${id}-title`}
      aria-busy={uploading}
      onSubmit={submit}
      noValidate
    >
      <h2 id={`${id}-title`}>Upload a dataset</h2>
      <div className="fields">
        <label htmlFor={`${id}-name`}>Dataset name</label>
        <input
          id={`${id}-name`}
          type="text"
          value={name}
          onChange={(event) => setName(event.target.value)}
          disabled={uploading}
          autoComplete="off"
          required
        />
        <label htmlFor={`${id}-file`}>File</label>
        <input
          key={fileInputKey}
          id={`${id}-file`}
          type="file"
          accept=".csv,.jsonl,.ndjson,.parquet,.pq,text/csv"
          onChange={(event) => chooseFile(event.target.files?.[0] ?? null)}
          disabled={uploading}
          aria-describedby={`${id}-file-hint`}
          required
        />
        <span id={`${id}-file-hint`} className="hint">
          {file ? `${file.name}, ${formatBytes(file.size)}` : "CSV, JSON lines or Parquet"}
        </span>
        <label htmlFor={`${id}-format`}>Format</label>
        <select
          id={`${id}-format`}
          value={format}
          onChange={(event) => setFormat(event.target.value as DatasetFormat | "")}
          disabled={uploading}
          required
        >
          <option value="">Choose a format</option>
          {datasetFormats.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      <div className="actions">
        <button type="submit" disabled={uploading}>
          {uploading ? "Uploading…" : "Upload"}
        </button>
        {uploading && (
          <>
            <progress aria-label="Upload progress" max={100} value={percent} />
            <span aria-hidden="true">{percent} %</span>
          </>
        )}
      </div>
      {phase.kind === "failed" && <ErrorMessage error={phase.error} />}
      <p role="status" className="status">
        {phase.kind === "done" && `Uploaded ${phase.dataset.name}.`}
      </p>
    </form>
  );
}
