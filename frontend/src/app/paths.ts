import type { PageRoute } from "./router";

/** The pages of the app by name; features build links with `hrefFor(paths.dataset, …)`. */
export const paths = {
  home: "/",
  workspace: "/workspaces/:workspaceId",
  dataset: "/workspaces/:workspaceId/datasets/:datasetId",
  wizard: "/workspaces/:workspaceId/datasets/:datasetId/wizard/:step",
  quality: "/workspaces/:workspaceId/datasets/:datasetId/quality",
  models: "/workspaces/:workspaceId/models",
  model: "/workspaces/:workspaceId/models/:modelId",
  monitoring: "/workspaces/:workspaceId/monitoring",
} as const;

export type PageName = keyof typeof paths;

export const pageRoutes: readonly PageRoute<PageName>[] = (Object.keys(paths) as PageName[]).map(
  (name) => ({ name, pattern: paths[name] }),
);
