import type { Edge, Node } from "@xyflow/react";
import type { FlowNodeData, GeneratedModel, ModelEntity } from "../../api/types";

/** The node kinds the canvas draws, each with its own look; anything else is drawn as `other`. */
export const nodeKinds = [
  "hub",
  "link",
  "satellite",
  "pit",
  "bridge",
  "dimension",
  "date_dimension",
  "fact",
] as const;

export type NodeKind = (typeof nodeKinds)[number] | "other";

export type EntityNodeData = FlowNodeData & { selected: boolean };
export type EntityFlowNode = Node<EntityNodeData, NodeKind>;

export function nodeKind(kind: string): NodeKind {
  return (nodeKinds as readonly string[]).includes(kind) ? (kind as NodeKind) : "other";
}

/**
 * The generator's graph as React Flow nodes and edges. Width and height come from the server's
 * layout, so nodes render at once (also in test DOMs that cannot measure anything).
 */
export function toReactFlow(
  flow: GeneratedModel["flow"],
  selectedId: string | null,
): { nodes: EntityFlowNode[]; edges: Edge[] } {
  const nodes = flow.nodes.map((node) => ({
    id: node.id,
    type: nodeKind(node.type),
    position: node.position,
    width: node.width,
    height: node.height,
    data: { ...node.data, selected: node.id === selectedId },
    selected: node.id === selectedId,
  }));
  const edges = flow.edges.map((edge) => ({
    id: edge.id,
    source: edge.source,
    target: edge.target,
    label: edge.label ?? undefined,
  }));
  return { nodes, edges };
}

export const artifactKinds = ["ddl", "etl", "test", "docs", "uc"] as const;
export type ArtifactKind = (typeof artifactKinds)[number];

/** The rendered files of one entity by artifact: `ddl/0010_dim_product.sql` belongs to dim_product. */
export function artifactsFor(
  files: Record<string, string>,
  entityName: string,
): Partial<Record<ArtifactKind, string>> {
  const found: Partial<Record<ArtifactKind, string>> = {};
  for (const [path, content] of Object.entries(files)) {
    const match = /^([a-z]+)\/\d+_(.+)\.(sql|md)$/.exec(path);
    if (
      match &&
      match[2] === entityName &&
      (artifactKinds as readonly string[]).includes(match[1]!)
    ) {
      found[match[1] as ArtifactKind] = content;
    }
  }
  return found;
}

/** Dimensions whose SCD type a person may change, with the type the model has now. */
export function scdChoices(entities: ModelEntity[]): { entity: string; scdType: number }[] {
  return entities.flatMap((entity) => {
    const match = /^kimball\/scd(\d)$/.exec(entity.pattern);
    return match ? [{ entity: entity.name, scdType: Number(match[1]) }] : [];
  });
}

export const scdTypes = [0, 1, 2, 3, 6] as const;

/** The decisions about one entity (or all when none is chosen), most confident first. */
export function decisionsFor(model: GeneratedModel, entityName: string | null) {
  return model.decisions
    .filter((decision) => entityName === null || decision.subject === entityName)
    .sort((a, b) => b.confidence - a.confidence);
}
