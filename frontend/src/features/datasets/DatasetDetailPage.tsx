import { useEffect, useId, useRef, useState } from "react";
import { useApi } from "../../api/ApiContext";
import type { Dataset } from "../../api/types";
import { hrefFor, navigate } from "../../app/router";
import { paths } from "../../app/paths";
import { asError, ErrorMessage } from "../../ui/ErrorMessage";
import { stepHref } from "../wizard/steps";
import { useResource } from "../../ui/useResource";
import { formatBytes } from "./format";
import { countLabel, formatLabel, statusLabel } from "./labels";

/** One dataset: its metadata, its columns and types, and deleting it. */
export function DatasetDetailPage({
  workspaceId,
  datasetId,
}: {
  workspaceId: string;
  datasetId: string;
}) {
  const api = useApi();
  const [dataset] = useResource(`${workspaceId}/${datasetId}`, () =>
    api.getDataset(workspaceId, datasetId),
  );
  const backHref = hrefFor(paths.workspace, { workspaceId });

  return (
    <>
      <p>
        <a href={backHref}>← All datasets</a>
      </p>
      {dataset.state === "loading" && <p role="status">Loading dataset…</p>}
      {dataset.state === "failed" && <ErrorMessage error={dataset.error} />}
      {dataset.state === "ready" && (
        <DatasetDetail
          dataset={dataset.data}
          onDeleted={() => navigate(backHref, { replace: true })}
        />
      )}
    </>
  );
}

function DatasetDetail({ dataset, onDeleted }: { dataset: Dataset; onDeleted: () => void }) {
  const created = new Date(dataset.createdAt);
  return (
    <>
      <div className="page-header">
        <h1>{dataset.name}</h1>
        <DeleteDataset dataset={dataset} onDeleted={onDeleted} />
      </div>
      {dataset.status === "READY" && (
        <nav aria-label="Dataset tools" className="actions">
          <a className="button-link" href={stepHref(dataset, "profile")}>
            Create job
          </a>
          <a
            className="button-link"
            href={hrefFor(paths.quality, {
              workspaceId: dataset.workspaceId,
              datasetId: dataset.id,
            })}
          >
            Quality
          </a>
        </nav>
      )}
      <section className="card" aria-labelledby="dataset-details">
        <h2 id="dataset-details">Details</h2>
        <dl className="details">
          <dt>File</dt>
          <dd>{dataset.fileName}</dd>
          <dt>Format</dt>
          <dd>{formatLabel(dataset.format)}</dd>
          <dt>Status</dt>
          <dd>{statusLabel(dataset.status)}</dd>
          <dt>Size</dt>
          <dd>{formatBytes(dataset.sizeBytes)}</dd>
          <dt>Rows</dt>
          <dd>{countLabel(dataset.rowCount)}</dd>
          <dt>Created</dt>
          <dd>
            <time dateTime={dataset.createdAt}>
              {Number.isNaN(created.getTime()) ? dataset.createdAt : created.toLocaleString()}
            </time>
          </dd>
        </dl>
      </section>
      <section className="card">
        {dataset.columns && dataset.columns.length > 0 ? (
          <table>
            <caption>Columns</caption>
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Type</th>
              </tr>
            </thead>
            <tbody>
              {dataset.columns.map((column) => (
                <tr key={column.name}>
                  <th scope="row">{column.name}</th>
                  <td>
                    <code>{column.type}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">The columns are known once the upload has been checked.</p>
        )}
      </section>
    </>
  );
}

/** Delete with a confirmation step; focus moves to "Cancel" so Enter never deletes by accident. */
function DeleteDataset({ dataset, onDeleted }: { dataset: Dataset; onDeleted: () => void }) {
  const api = useApi();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);

  useEffect(() => {
    if (confirming) {
      opened.current = true;
      cancelRef.current?.focus();
    } else if (opened.current) {
      // Back where it was, so a keyboard user keeps their place after cancelling.
      openRef.current?.focus();
    }
  }, [confirming]);

  function cancel() {
    setConfirming(false);
    setError(null);
  }

  async function confirm() {
    setDeleting(true);
    setError(null);
    try {
      await api.deleteDataset(dataset.workspaceId, dataset.id);
      onDeleted();
    } catch (failure) {
      setError(asError(failure));
      setDeleting(false);
    }
  }

  if (!confirming) {
    return (
      <button ref={openRef} type="button" className="danger" onClick={() => setConfirming(true)}>
        Delete dataset
      </button>
    );
  }
  return (
    <div
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      className="confirm"
      onKeyDown={(event) => event.key === "Escape" && cancel()}
    >
      <h2 id={`${id}-title`}>Delete {dataset.name}?</h2>
      <p id={`${id}-text`}>Its file and metadata are removed for good.</p>
      <div className="actions">
        <button type="button" className="danger" onClick={confirm} disabled={deleting}>
          {deleting ? "Deleting…" : "Delete"}
        </button>
        <button ref={cancelRef} type="button" onClick={cancel} disabled={deleting}>
          Cancel
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
