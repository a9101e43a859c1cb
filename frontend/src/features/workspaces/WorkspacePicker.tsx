import { useId, useState, type FormEvent } from "react";
import { useApi } from "../../api/ApiContext";
import type { Workspace } from "../../api/types";
import { hrefFor, navigate } from "../../app/router";
import { paths } from "../../app/paths";
import { asError, ErrorMessage } from "../../ui/ErrorMessage";

/** Switches between workspaces and creates a new one. */
export function WorkspacePicker({
  workspaces,
  selectedId,
  onCreated,
}: {
  workspaces: Workspace[];
  selectedId: string | null;
  onCreated: (workspace: Workspace) => void;
}) {
  const api = useApi();
  const id = useId();
  const [newName, setNewName] = useState("");
  const [creating, setCreating] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  async function create(event: FormEvent) {
    event.preventDefault();
    if (newName.trim() === "") {
      setError(new Error("Give the new workspace a name."));
      return;
    }
    setCreating(true);
    setError(null);
    try {
      const workspace = await api.createWorkspace(newName.trim());
      setNewName("");
      onCreated(workspace);
      navigate(hrefFor(paths.workspace, { workspaceId: workspace.id }));
    } catch (failure) {
      setError(asError(failure));
    } finally {
      setCreating(false);
    }
  }

  return (
    <div className="workspace-picker">
      {workspaces.length > 0 && (
        <div className="field-inline">
          <label htmlFor={`${id}-workspace`}>Workspace</label>
          <select
            id={`${id}-workspace`}
            value={selectedId ?? ""}
            onChange={(event) =>
              navigate(hrefFor(paths.workspace, { workspaceId: event.target.value }))
            }
          >
            {workspaces.map((workspace) => (
              <option key={workspace.id} value={workspace.id}>
                {workspace.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <form className="field-inline" aria-label="New workspace" onSubmit={create} noValidate>
        <label htmlFor={`${id}-new`}>New workspace name</label>
        <input
          id={`${id}-new`}
          type="text"
          value={newName}
          onChange={(event) => setNewName(event.target.value)}
          disabled={creating}
          autoComplete="off"
        />
        <button type="submit" disabled={creating}>
          Create workspace
        </button>
      </form>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
