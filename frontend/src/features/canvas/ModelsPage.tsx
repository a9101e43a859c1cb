import { useEffect, useState, type FormEvent } from "react";
import { useApi } from "../../api/ApiContext";
import type {
  GeneratedModel,
  ModelOptions,
  ModelStyle,
  SavedModel,
  SavedModelAnswer,
} from "../../api/types";
import { hrefFor, navigate } from "../../app/router";
import { paths } from "../../app/paths";
import { ErrorMessage, asError } from "../../ui/ErrorMessage";
import { useResource } from "../../ui/useResource";
import { ModelCanvas } from "./ModelCanvas";
import { ModelInspector } from "./ModelInspector";

/** What the model on screen was generated from, so a changed choice regenerates the same design. */
export interface ModelSourceState {
  style: ModelStyle;
  datasetIds: string[];
  options: ModelOptions;
}

/** A saved model on screen: which version, and how the save that showed it ended (if one did). */
interface SavedRef {
  id: string;
  name: string;
  version: number;
  outcome?: SavedModelAnswer["outcome"];
}

/** The model on screen and, once saved or opened, which saved model and version it is. */
interface Current {
  model: GeneratedModel;
  source: ModelSourceState;
  saved: SavedRef | null;
}

function savedMessage(saved: SavedRef): string {
  if (saved.outcome === "UNCHANGED") {
    return `Nothing changed since version ${saved.version}; no new version was saved.`;
  }
  return saved.outcome ? `Saved as version ${saved.version}.` : `Showing version ${saved.version}.`;
}

const styleLabels: Record<ModelStyle, string> = {
  kimball: "Kimball star",
  data_vault: "Data Vault",
};

/**
 * A workspace's models: the saved ones, a generator (Kimball or Data Vault from chosen datasets),
 * and the canvas of the model on screen with its SQL, decisions, choices, versions and download.
 * With a model id in the address it opens that model's latest version, so other features (the
 * assistant's "Apply to canvas") can link straight to a saved model.
 */
export function ModelsPage({
  workspaceId,
  modelId,
}: {
  workspaceId: string;
  modelId: string | null;
}) {
  const api = useApi();
  const [saved, reloadSaved] = useResource(`models:${workspaceId}`, () =>
    api.listModels(workspaceId),
  );
  const [current, setCurrent] = useState<Current | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const shownId = current?.saved?.id ?? null;
  useEffect(() => {
    if (modelId === null || modelId === shownId) return;
    let live = true;
    api.getModel(workspaceId, modelId).then(
      (model) => live && void open(model),
      (failure: unknown) => live && setError(asError(failure)),
    );
    return () => {
      live = false;
    };
    // Opens when the address names another model than the one on screen.
  }, [workspaceId, modelId]);

  async function open(model: SavedModel) {
    setError(null);
    try {
      const version = await api.getModelVersion(workspaceId, model.id, model.latestVersion);
      setCurrent({
        model: version.model,
        source: {
          style: version.source.style === "KIMBALL" ? "kimball" : "data_vault",
          datasetIds: version.source.datasetIds,
          options: version.source.options,
        },
        saved: { id: model.id, name: model.name, version: version.version },
      });
    } catch (failure) {
      setError(asError(failure));
    }
  }

  return (
    <>
      <div className="page-header">
        <h1>Models</h1>
        <a href={hrefFor(paths.workspace, { workspaceId })}>← Datasets</a>
      </div>
      <section className="card" aria-label="Saved models">
        <h2>Saved models</h2>
        {saved.state === "loading" && <p role="status">Loading models…</p>}
        {saved.state === "failed" && <ErrorMessage error={saved.error} />}
        {saved.state === "ready" && saved.data.length === 0 && (
          <p className="muted">No saved models yet. Generate one below and save it.</p>
        )}
        {saved.state === "ready" && saved.data.length > 0 && (
          <ul className="model-list">
            {saved.data.map((model) => (
              <li key={model.id}>
                <a href={hrefFor(paths.model, { workspaceId, modelId: model.id })}>{model.name}</a>{" "}
                <span className="muted">
                  {model.style === "kimball" ? "Kimball" : "Data Vault"} · version{" "}
                  {model.latestVersion}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <GenerateForm
        workspaceId={workspaceId}
        onGenerated={(model, source) => setCurrent({ model, source, saved: null })}
      />
      {error && <ErrorMessage error={error} />}
      {current && (
        <ModelWorkbench
          key={current.saved ? `${current.saved.id}:${current.saved.version}` : "draft"}
          workspaceId={workspaceId}
          current={current}
          onChange={setCurrent}
          onSaved={(savedId) => {
            reloadSaved();
            navigate(hrefFor(paths.model, { workspaceId, modelId: savedId }), { replace: true });
          }}
        />
      )}
    </>
  );
}

function GenerateForm({
  workspaceId,
  onGenerated,
}: {
  workspaceId: string;
  onGenerated: (model: GeneratedModel, source: ModelSourceState) => void;
}) {
  const api = useApi();
  const [datasets] = useResource(`datasets:${workspaceId}`, () => api.listDatasets(workspaceId));
  const [chosen, setChosen] = useState<string[]>([]);
  const [style, setStyle] = useState<ModelStyle>("kimball");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const source = { style, datasetIds: chosen, options: {} };
    try {
      onGenerated(await api.generateModel(workspaceId, source), source);
    } catch (failure) {
      setError(asError(failure));
    } finally {
      setBusy(false);
    }
  }

  const ready = datasets.state === "ready" ? datasets.data.filter((d) => d.status === "READY") : [];
  return (
    <form className="card" aria-label="Generate a model" onSubmit={(event) => void submit(event)}>
      <h2>Generate a model</h2>
      <fieldset>
        <legend>Datasets</legend>
        {datasets.state === "loading" && <p role="status">Loading datasets…</p>}
        {datasets.state === "failed" && <ErrorMessage error={datasets.error} />}
        {ready.map((dataset) => (
          <label key={dataset.id} className="choice">
            <input
              type="checkbox"
              checked={chosen.includes(dataset.id)}
              onChange={(event) =>
                setChosen((ids) =>
                  event.target.checked
                    ? [...ids, dataset.id]
                    : ids.filter((id) => id !== dataset.id),
                )
              }
            />
            {dataset.name}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>Style</legend>
        {(Object.keys(styleLabels) as ModelStyle[]).map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="style"
              value={value}
              checked={style === value}
              onChange={() => setStyle(value)}
            />
            {styleLabels[value]}
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <button type="submit" disabled={busy || chosen.length === 0}>
          {busy ? "Generating…" : "Generate"}
        </button>
      </div>
      {error && <ErrorMessage error={error} />}
    </form>
  );
}

function ModelWorkbench({
  workspaceId,
  current,
  onChange,
  onSaved,
}: {
  workspaceId: string;
  current: Current;
  onChange: (next: Current) => void;
  onSaved: (modelId: string) => void;
}) {
  const api = useApi();
  const [selected, setSelected] = useState<string | null>(null);
  const [name, setName] = useState(current.saved?.name ?? "");
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await action();
    } catch (failure) {
      setError(asError(failure));
    } finally {
      setBusy(false);
    }
  }

  const regenerate = (options: ModelOptions) =>
    run(async () => {
      const source = { ...current.source, options };
      const model = await api.generateModel(workspaceId, source);
      onChange({ model, source, saved: null });
      setStatus("Regenerated with your change.");
    });

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const answer: SavedModelAnswer = await api.saveModel(workspaceId, {
        ...current.source,
        name,
      });
      onChange({
        model: answer.version.model,
        source: current.source,
        saved: {
          id: answer.model.id,
          name: answer.model.name,
          version: answer.version.version,
          outcome: answer.outcome,
        },
      });
      onSaved(answer.model.id);
    });
  };

  const entityCount = current.model.spec.entities.length;
  return (
    <section className="card workbench" aria-label="Model">
      <h2>
        {current.saved
          ? `${current.saved.name} · version ${current.saved.version}`
          : "Unsaved model"}
      </h2>
      <p className="muted">
        {entityCount} tables · {current.model.spec.style === "kimball" ? "Kimball" : "Data Vault"} ·
        schema {current.model.spec.targetSchema}
      </p>
      <ModelCanvas model={current.model} selectedId={selected} onSelect={setSelected} />
      <ModelInspector
        model={current.model}
        selected={selected}
        onSelect={setSelected}
        options={current.source.options}
        disabled={busy}
        onChangeOptions={(options) => void regenerate(options)}
      />
      <form className="fields" aria-label="Save model" onSubmit={save}>
        <label>
          Model name
          <input type="text" value={name} onChange={(event) => setName(event.target.value)} />
        </label>
        <button type="submit" disabled={busy || name.trim() === ""}>
          Save model
        </button>
      </form>
      {current.saved && (
        <VersionBar
          workspaceId={workspaceId}
          saved={current.saved}
          onOpen={(model, version) =>
            onChange({
              ...current,
              model,
              saved: { id: current.saved!.id, name: current.saved!.name, version },
            })
          }
          onError={setError}
        />
      )}
      {status && (
        <p role="status" className="status">
          {status}
        </p>
      )}
      {current.saved && !status && (
        <p role="status" className="status">
          {savedMessage(current.saved)}
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

function VersionBar({
  workspaceId,
  saved,
  onOpen,
  onError,
}: {
  workspaceId: string;
  saved: SavedRef;
  onOpen: (model: GeneratedModel, version: number) => void;
  onError: (error: Error) => void;
}) {
  const api = useApi();
  const [versions] = useResource(`versions:${saved.id}:${saved.version}`, () =>
    api.listModelVersions(workspaceId, saved.id),
  );

  async function pick(version: number) {
    try {
      onOpen((await api.getModelVersion(workspaceId, saved.id, version)).model, version);
    } catch (failure) {
      onError(asError(failure));
    }
  }

  async function download() {
    try {
      const zip = await api.downloadModelVersion(workspaceId, saved.id, saved.version);
      const url = URL.createObjectURL(zip);
      const link = document.createElement("a");
      link.href = url;
      link.download = `${saved.name}-v${saved.version}.zip`;
      link.click();
      URL.revokeObjectURL(url);
    } catch (failure) {
      onError(asError(failure));
    }
  }

  return (
    <div className="fields">
      <label>
        Version
        <select value={saved.version} onChange={(event) => void pick(Number(event.target.value))}>
          {(versions.state === "ready" ? versions.data : [{ version: saved.version }]).map((v) => (
            <option key={v.version} value={v.version}>
              {v.version}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void download()}>
        Download zip
      </button>
    </div>
  );
}
