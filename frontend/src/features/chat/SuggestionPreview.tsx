import { useId } from "react";
import { paths } from "../../app/paths";
import { hrefFor } from "../../app/router";
import type { AppliedSuggestion, ChatSuggestion, SuggestedNode } from "../../api/types";

const PREVIEW_WIDTH = 320;
const PREVIEW_HEIGHT = 160;

/**
 * A suggestion before it is applied: what it holds (tables and generated files), a miniature of
 * its canvas and the button that puts it on the canvas.
 */
export function SuggestionPreview({
  workspaceId,
  suggestion,
  applying,
  applied,
  onApply,
}: {
  workspaceId: string;
  suggestion: ChatSuggestion;
  applying: boolean;
  applied: AppliedSuggestion | null;
  onApply: () => void;
}) {
  const id = useId();
  const nodes = suggestion.content.reactflow_model?.nodes ?? [];
  const missing = suggestion.content.missing_tools ?? [];
  const modelId = applied?.model.id ?? suggestion.appliedModelId;
  return (
    <section className="chat-suggestion" aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>Suggestion: {suggestion.title}</h3>
      <p className="muted">
        {plural(suggestion.nodeCount, "table")} ·{" "}
        {plural(suggestion.templateCount, "generated file")}
      </p>
      {nodes.length > 0 && (
        <MiniCanvas
          nodes={nodes}
          edges={suggestion.content.reactflow_model?.edges ?? []}
          label={`Preview of ${suggestion.title}`}
        />
      )}
      {nodes.length > 0 && (
        <ul aria-label="Tables in the suggestion" className="node-list">
          {nodes.map((node) => (
            <li key={node.id}>
              {node.data.label ?? node.id}{" "}
              <span className="muted">({node.data.kind ?? node.type})</span>
            </li>
          ))}
        </ul>
      )}
      {missing.length > 0 && <p className="muted">Not run: {missing.join(", ")}.</p>}
      <div className="actions">
        <button type="button" onClick={onApply} disabled={applying || nodes.length === 0}>
          {applying ? "Applying…" : "Apply to canvas"}
        </button>
        <span role="status">{applied ? appliedText(applied) : appliedBefore(suggestion)}</span>
        {modelId && <a href={hrefFor(paths.model, { workspaceId, modelId })}>Open on the canvas</a>}
      </div>
    </section>
  );
}

function appliedText(applied: AppliedSuggestion): string {
  const what = `${applied.model.name}, version ${applied.version}`;
  if (applied.outcome === "UNCHANGED") return `Already on the canvas as ${what}; nothing changed.`;
  if (applied.outcome === "NEW_VERSION") return `Saved on the canvas as ${what}.`;
  return `Added to the canvas as ${what}.`;
}

function appliedBefore(suggestion: ChatSuggestion): string {
  return suggestion.appliedVersion
    ? `Applied to the canvas as version ${suggestion.appliedVersion}.`
    : "";
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

/** The suggested canvas scaled into a small picture: one box per table, a line per relationship. */
function MiniCanvas({
  nodes,
  edges,
  label,
}: {
  nodes: SuggestedNode[];
  edges: { id: string; source: string; target: string }[];
  label: string;
}) {
  const minX = Math.min(...nodes.map((n) => n.position.x));
  const minY = Math.min(...nodes.map((n) => n.position.y));
  const maxX = Math.max(...nodes.map((n) => n.position.x + n.width));
  const maxY = Math.max(...nodes.map((n) => n.position.y + n.height));
  const scale = Math.min(PREVIEW_WIDTH / (maxX - minX || 1), PREVIEW_HEIGHT / (maxY - minY || 1));
  const centre = new Map(
    nodes.map((n) => [
      n.id,
      {
        x: (n.position.x - minX + n.width / 2) * scale,
        y: (n.position.y - minY + n.height / 2) * scale,
      },
    ]),
  );
  return (
    <svg
      role="img"
      aria-label={label}
      className="mini-canvas"
      viewBox={`0 0 ${PREVIEW_WIDTH} ${PREVIEW_HEIGHT}`}
      width={PREVIEW_WIDTH}
      height={PREVIEW_HEIGHT}
    >
      {edges.map((edge) => {
        const from = centre.get(edge.source);
        const to = centre.get(edge.target);
        return from && to ? (
          <line key={edge.id} x1={from.x} y1={from.y} x2={to.x} y2={to.y} />
        ) : null;
      })}
      {nodes.map((node) => (
        <g key={node.id}>
          <rect
            x={(node.position.x - minX) * scale}
            y={(node.position.y - minY) * scale}
            width={Math.max(2, node.width * scale)}
            height={Math.max(2, node.height * scale)}
            rx={3}
          />
          <text x={(node.position.x - minX) * scale + 4} y={(node.position.y - minY) * scale + 12}>
            {node.data.label ?? node.id}
          </text>
        </g>
      ))}
    </svg>
  );
}
