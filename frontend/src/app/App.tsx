import { useSyncExternalStore } from "react";
import { ApiProvider } from "../api/ApiContext";
import type { ApiClient } from "../api/client";
import type { TokenStore } from "../auth/token";
import { TokenForm } from "../auth/TokenForm";
import { DatasetDetailPage } from "../features/datasets/DatasetDetailPage";
import { QualityPage } from "../features/quality/QualityPage";
import { CreateJobWizard } from "../features/wizard/CreateJobWizard";
import { ModelsPage } from "../features/canvas/ModelsPage";
import { WorkspaceHomePage } from "../features/workspaces/WorkspaceHomePage";
import { MonitoringPage } from "../features/monitoring/MonitoringPage";
import { Layout } from "./Layout";
import { hrefFor, matchRoute, useHashPath, type RouteMatch } from "./router";
import { pageRoutes, paths, type PageName } from "./paths";

function Page({ match }: { match: RouteMatch<PageName> | null }) {
  const params = match?.params ?? {};
  switch (match?.name) {
    case "home":
      return <WorkspaceHomePage workspaceId={null} />;
    case "workspace":
      return <WorkspaceHomePage workspaceId={params.workspaceId ?? null} />;
    case "dataset":
      return (
        <DatasetDetailPage
          workspaceId={params.workspaceId ?? ""}
          datasetId={params.datasetId ?? ""}
        />
      );
    case "wizard":
      return (
        <CreateJobWizard
          workspaceId={params.workspaceId ?? ""}
          datasetId={params.datasetId ?? ""}
          step={params.step ?? ""}
        />
      );
    case "quality":
      return (
        <QualityPage workspaceId={params.workspaceId ?? ""} datasetId={params.datasetId ?? ""} />
      );
    case "models":
      return <ModelsPage workspaceId={params.workspaceId ?? ""} modelId={null} />;
    case "model":
      return <ModelsPage workspaceId={params.workspaceId ?? ""} modelId={params.modelId ?? null} />;
    case "monitoring":
      return <MonitoringPage workspaceId={params.workspaceId ?? ""} />;
    default:
      return (
        <>
          <h1>Page not found</h1>
          <p>
            <a href={hrefFor(paths.home)}>Go to your workspaces</a>
          </p>
        </>
      );
  }
}

/** The web app: asks for a token when there is none, otherwise shows the page the address names. */
export function App({ api, tokens }: { api: ApiClient; tokens: TokenStore }) {
  const token = useSyncExternalStore(tokens.subscribe, tokens.get);
  const match = matchRoute(useHashPath(), pageRoutes);
  return (
    <ApiProvider value={api}>
      <Layout page={match?.name ?? null} onSignOut={token ? () => tokens.clear() : null}>
        {token ? <Page match={match} /> : <TokenForm onSave={(value) => tokens.set(value)} />}
      </Layout>
    </ApiProvider>
  );
}
