import { useEffect } from "react";
import { useApi } from "../../api/ApiContext";
import { hrefFor, navigate } from "../../app/router";
import { paths } from "../../app/paths";
import { DatasetTable } from "../datasets/DatasetTable";
import { UploadForm } from "../datasets/UploadForm";
import { ErrorMessage } from "../../ui/ErrorMessage";
import { useResource } from "../../ui/useResource";
import { WorkspacePicker } from "./WorkspacePicker";
import { ChatPanel } from "../chat/ChatPanel";

/**
 * The workspace home: pick a workspace, see its datasets, upload another. Without a workspace in
 * the address it opens the first one, so the seeded demo workspace is one click from nothing.
 */
export function WorkspaceHomePage({ workspaceId }: { workspaceId: string | null }) {
  const api = useApi();
  const [workspaces, reloadWorkspaces] = useResource("workspaces", () => api.listWorkspaces());
  const firstWorkspaceId = workspaces.state === "ready" ? (workspaces.data[0]?.id ?? null) : null;

  useEffect(() => {
    if (workspaceId === null && firstWorkspaceId !== null) {
      navigate(hrefFor(paths.workspace, { workspaceId: firstWorkspaceId }), { replace: true });
    }
  }, [workspaceId, firstWorkspaceId]);

  if (workspaces.state === "loading") return <p role="status">Loading workspaces…</p>;
  if (workspaces.state === "failed") return <ErrorMessage error={workspaces.error} />;

  const current = workspaces.data.find((workspace) => workspace.id === workspaceId);
  return (
    <>
      <div className="page-header">
        <h1>
          {current?.name ?? (workspaces.data.length === 0 ? "Create a workspace" : "Workspace")}
        </h1>
        <WorkspacePicker
          workspaces={workspaces.data}
          selectedId={workspaceId}
          onCreated={reloadWorkspaces}
        />
      </div>
      {workspaceId !== null && <WorkspaceDatasets workspaceId={workspaceId} />}
      {workspaceId !== null && (
        <p>
          <a href={hrefFor(paths.monitoring, { workspaceId })}>Pipeline monitoring →</a>
        </p>
      )}
    </>
  );
}

function WorkspaceDatasets({ workspaceId }: { workspaceId: string }) {
  const api = useApi();
  const [datasets, reloadDatasets] = useResource(`datasets:${workspaceId}`, () =>
    api.listDatasets(workspaceId),
  );
  return (
    <>
      <section className="card" aria-busy={datasets.state === "loading"}>
        {datasets.state === "loading" && <p role="status">Loading datasets…</p>}
        {datasets.state === "failed" && <ErrorMessage error={datasets.error} />}
        {datasets.state === "ready" && <DatasetTable datasets={datasets.data} />}
      </section>
      <UploadForm workspaceId={workspaceId} onUploaded={reloadDatasets} />
      <p>
        <a href={hrefFor(paths.models, { workspaceId })}>Models</a>: design a Kimball star or a Data
        Vault from these datasets.
      </p>
      {datasets.state === "ready" && <ChatPanel workspaceId={workspaceId} />}
    </>
  );
}
