export type HttpMethod = "GET" | "POST" | "PUT" | "DELETE" | "PATCH";

export interface ApiRoute {
  method: HttpMethod;
  /** An OpenAPI path template, for example `/api/workspaces/{workspaceId}`. */
  path: string;
}

/**
 * Every API route the web app calls. The client builds its requests only from this table, and
 * `openapi.test.ts` checks each entry against the OpenAPI document, so the two cannot drift apart.
 */
export const apiRoutes = {
  health: { method: "GET", path: "/api/health" },
  listWorkspaces: { method: "GET", path: "/api/workspaces" },
  createWorkspace: { method: "POST", path: "/api/workspaces" },
  getWorkspace: { method: "GET", path: "/api/workspaces/{workspaceId}" },
  listDatasets: { method: "GET", path: "/api/workspaces/{workspaceId}/datasets" },
  createDataset: { method: "POST", path: "/api/workspaces/{workspaceId}/datasets" },
  completeDataset: {
    method: "POST",
    path: "/api/workspaces/{workspaceId}/datasets/{datasetId}/complete",
  },
  getDataset: { method: "GET", path: "/api/workspaces/{workspaceId}/datasets/{datasetId}" },
  deleteDataset: { method: "DELETE", path: "/api/workspaces/{workspaceId}/datasets/{datasetId}" },
  profileDataset: {
    method: "POST",
    path: "/api/workspaces/{workspaceId}/datasets/{datasetId}/profile",
  },
  getLatestProfile: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/datasets/{datasetId}/profile",
  },
  getSuggestions: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/datasets/{datasetId}/suggestions/{layer}",
  },
  decideSuggestion: {
    method: "POST",
    path: "/api/workspaces/{workspaceId}/datasets/{datasetId}/suggestions/{layer}/{kind}/decision",
  },
  runQualityRules: {
    method: "POST",
    path: "/api/workspaces/{workspaceId}/datasets/{datasetId}/quality/run",
  },
  exportQualityRules: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/datasets/{datasetId}/quality/export/{format}",
  },
  generateModel: { method: "POST", path: "/api/workspaces/{workspaceId}/models/generate" },
  saveModel: { method: "POST", path: "/api/workspaces/{workspaceId}/models" },
  listModels: { method: "GET", path: "/api/workspaces/{workspaceId}/models" },
  getModel: { method: "GET", path: "/api/workspaces/{workspaceId}/models/{modelId}" },
  listModelVersions: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/models/{modelId}/versions",
  },
  getModelVersion: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/models/{modelId}/versions/{version}",
  },
  downloadModelVersion: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/models/{modelId}/versions/{version}/zip",
  },
  startConversation: { method: "POST", path: "/api/workspaces/{workspaceId}/conversations" },
  listConversations: { method: "GET", path: "/api/workspaces/{workspaceId}/conversations" },
  getConversation: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/conversations/{conversationId}",
  },
  streamMessage: {
    method: "POST",
    path: "/api/workspaces/{workspaceId}/conversations/{conversationId}/messages/stream",
  },
  applySuggestion: {
    method: "POST",
    path: "/api/workspaces/{workspaceId}/conversations/{conversationId}/suggestions/{suggestionId}/apply",
  },
  listMonitors: { method: "GET", path: "/api/workspaces/{workspaceId}/monitoring/monitors" },
  configureMonitor: {
    method: "PATCH",
    path: "/api/workspaces/{workspaceId}/monitoring/monitors/{monitorId}",
  },
  getMonitorSeries: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/monitoring/monitors/{monitorId}/series",
  },
  listAnomalies: { method: "GET", path: "/api/workspaces/{workspaceId}/monitoring/anomalies" },
  markAnomalyExpected: {
    method: "POST",
    path: "/api/workspaces/{workspaceId}/monitoring/anomalies/{anomalyId}/expected",
  },
  createExceptionRule: { method: "POST", path: "/api/workspaces/{workspaceId}/monitoring/rules" },
  getWebhookSecretStatus: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/monitoring/secret",
  },
  createWebhookSecret: { method: "POST", path: "/api/workspaces/{workspaceId}/monitoring/secret" },
  rotateWebhookSecret: {
    method: "POST",
    path: "/api/workspaces/{workspaceId}/monitoring/secret/rotate",
  },
  listAlertDestinations: {
    method: "GET",
    path: "/api/workspaces/{workspaceId}/monitoring/destinations",
  },
  createAlertDestination: {
    method: "POST",
    path: "/api/workspaces/{workspaceId}/monitoring/destinations",
  },
  testAlertDestination: {
    method: "POST",
    path: "/api/workspaces/{workspaceId}/monitoring/destinations/{destinationId}/test",
  },
  listMonitoredJobs: { method: "GET", path: "/api/workspaces/{workspaceId}/monitoring/jobs" },
  createStreamTicket: {
    method: "POST",
    path: "/api/workspaces/{workspaceId}/conversations/{conversationId}/stream-tickets",
  },
} as const satisfies Record<string, ApiRoute>;

export type ApiRouteName = keyof typeof apiRoutes;

/**
 * Fills a path template. Each value is percent-encoded so an identifier can never add a path
 * segment or a query string; a missing value is a programming error and throws.
 */
export function expandPath(template: string, params: Record<string, string>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === "") {
      throw new Error(`Path parameter "${name}" is missing for ${template}`);
    }
    return encodeURIComponent(value);
  });
}
