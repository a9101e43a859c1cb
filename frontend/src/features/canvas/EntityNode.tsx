import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import type { EntityFlowNode } from "./canvasModel";

const kindLabels: Record<string, string> = {
  hub: "Hub",
  link: "Link",
  satellite: "Satellite",
  pit: "PIT",
  bridge: "Bridge",
  dimension: "Dimension",
  date_dimension: "Date dimension",
  fact: "Fact",
  other: "Table",
};

/** One table of the model: its kind, name, and columns with their key roles. */
function EntityNodeView({ id, type, data, width, height }: NodeProps<EntityFlowNode>) {
  return (
    <article
      className={`entity-node entity-${type}${data.selected ? " entity-selected" : ""}`}
      style={{ width, height }}
      aria-label={`${kindLabels[type] ?? "Table"} ${id}`}
      data-testid={`node-${id}`}
    >
      <Handle type="target" position={Position.Left} />
      <header>
        <span className="entity-kind">{kindLabels[type] ?? "Table"}</span>
        <strong>{id}</strong>
        {data.scd_type !== undefined && <span className="entity-badge">SCD {data.scd_type}</span>}
      </header>
      <ul>
        {data.columns.map((column) => (
          <li key={column.name}>
            {column.key ? <span className="entity-key">{column.key.toUpperCase()}</span> : null}
            <span>{column.name}</span>
            <span className="muted">{column.type}</span>
          </li>
        ))}
      </ul>
      <Handle type="source" position={Position.Right} />
    </article>
  );
}

export const EntityNode = memo(EntityNodeView);
