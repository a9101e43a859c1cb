import { useState } from "react";
import type { GeneratedModel, ModelOptions } from "../../api/types";
import { confidenceLevel } from "../../theme/theme";
import {
  artifactKinds,
  artifactsFor,
  decisionsFor,
  scdChoices,
  scdTypes,
  type ArtifactKind,
} from "./canvasModel";

const artifactLabels: Record<ArtifactKind, string> = {
  ddl: "DDL",
  etl: "ETL",
  test: "Tests",
  docs: "Docs",
  uc: "Unity Catalog",
};

/**
 * The selected table's generated files (one tab per artifact), the design decisions with their
 * confidence, and the choices a person can change (SCD type per dimension) to re-render.
 */
export function ModelInspector({
  model,
  selected,
  onSelect,
  options,
  disabled,
  onChangeOptions,
}: {
  model: GeneratedModel;
  selected: string | null;
  onSelect: (entityName: string | null) => void;
  options: ModelOptions;
  disabled: boolean;
  onChangeOptions: (options: ModelOptions) => void;
}) {
  const [tab, setTab] = useState<ArtifactKind>("ddl");
  const artifacts = selected ? artifactsFor(model.files, selected) : {};
  const available = artifactKinds.filter((kind) => artifacts[kind] !== undefined);
  const shown = available.includes(tab) ? tab : available[0];
  const choices = scdChoices(model.spec.entities);

  return (
    <div className="inspector">
      <label>
        Table
        <select
          value={selected ?? ""}
          onChange={(event) => onSelect(event.target.value === "" ? null : event.target.value)}
        >
          <option value="">Choose a table…</option>
          {model.spec.entities.map((entity) => (
            <option key={entity.name} value={entity.name}>
              {entity.name}
            </option>
          ))}
        </select>
      </label>
      {selected && shown && (
        <div>
          <div role="tablist" aria-label="Generated files">
            {available.map((kind) => (
              <button
                key={kind}
                type="button"
                role="tab"
                id={`artifact-tab-${kind}`}
                aria-selected={kind === shown}
                aria-controls="artifact-panel"
                onClick={() => setTab(kind)}
              >
                {artifactLabels[kind]}
              </button>
            ))}
          </div>
          <pre
            id="artifact-panel"
            role="tabpanel"
            aria-labelledby={`artifact-tab-${shown}`}
            className="artifact"
          >
            <code>{artifacts[shown]}</code>
          </pre>
        </div>
      )}
      {choices.length > 0 && (
        <fieldset disabled={disabled}>
          <legend>Choices</legend>
          {choices.map((choice) => (
            <label key={choice.entity}>
              {`SCD type for ${choice.entity}`}
              <select
                value={choice.scdType}
                onChange={(event) =>
                  onChangeOptions({
                    ...options,
                    scdTypes: { ...options.scdTypes, [choice.entity]: Number(event.target.value) },
                  })
                }
              >
                {scdTypes.map((type) => (
                  <option key={type} value={type}>
                    Type {type}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </fieldset>
      )}
      <section aria-label="Decisions">
        <h3>Decisions{selected ? ` about ${selected}` : ""}</h3>
        <ul className="decisions">
          {decisionsFor(model, selected).map((decision, index) => (
            <li key={`${decision.subject}:${decision.choice}:${index}`}>
              <span className={`badge confidence-${confidenceLevel(decision.confidence)}`}>
                {Math.round(decision.confidence * 100)}%
              </span>{" "}
              <strong>{decision.subject}</strong>: {decision.choice} — {decision.reason}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
