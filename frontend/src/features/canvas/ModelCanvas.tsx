import { Background, Controls, ReactFlow, type NodeTypes } from "@xyflow/react";
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import type { GeneratedModel } from "../../api/types";
import { EntityNode } from "./EntityNode";
import { nodeKinds, toReactFlow } from "./canvasModel";

// Module scope: React Flow re-mounts every node when nodeTypes changes identity.
const nodeTypes: NodeTypes = Object.fromEntries(
  [...nodeKinds, "other"].map((kind) => [kind, EntityNode]),
);

/** The model's tables and relationships; clicking a table selects it for inspection. */
export function ModelCanvas({
  model,
  selectedId,
  onSelect,
}: {
  model: GeneratedModel;
  selectedId: string | null;
  onSelect: (entityName: string) => void;
}) {
  const { nodes, edges } = useMemo(
    () => toReactFlow(model.flow, selectedId),
    [model.flow, selectedId],
  );
  return (
    <div className="model-canvas" role="region" aria-label="Model canvas">
      <ReactFlow
        // A different set of tables is a new layout: remount so the view fits it again. A changed
        // choice keeps the tables and the person's zoom.
        key={model.flow.nodes.map((node) => node.id).join(" ")}
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        onNodeClick={(_, node) => onSelect(node.id)}
        nodesConnectable={false}
        fitView
        minZoom={0.1}
        proOptions={{ hideAttribution: true }}
      >
        <Background />
        <Controls showInteractive={false} />
      </ReactFlow>
    </div>
  );
}
