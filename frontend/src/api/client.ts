import { ApiError, networkProblem, parseProblem } from "./problem";
import { apiRoutes, expandPath, type ApiRouteName } from "./routes";
import { readEvents, type ServerEvent } from "./eventStream";
import { streamOverSocket, type SocketFactory } from "./socketStream";
import type {
  AppliedSuggestion,
  ChatEvent,
  ChatExchange,
  Conversation,
  ConversationView,
  CreatedDataset,
  Dataset,
  Decision,
  ExportFormat,
  GeneratedModel,
  Health,
  ItemList,
  Layer,
  LayerSuggestions,
  ModelRequestBody,
  ModelVersion,
  ModelVersionSummary,
  NewDataset,
  RuleExport,
  RuleRun,
  SavedModel,
  SavedModelAnswer,
  StoredProfile,
  StoredSuggestion,
  StreamTicket,
  UploadTarget,
  Workspace,
} from "./types";
import type {
  AlertDestination,
  ExceptionRule,
  IssuedSecret,
  Monitor,
  NewExceptionRule,
  RecordedAnomaly,
  SecretStatus,
  Sensitivity,
  Series,
  TestSend,
} from "./types";
import type { MonitoredJob } from "./types";

export interface ApiClientOptions {
  /** Origin of the API; empty means the page's own origin, which is how FlowForge is served. */
  baseUrl?: string;
  /** The bearer token for each call, read at call time so a newly pasted token takes effect. */
  getToken: () => string | null;
  /** Told about a 401 so the app can ask for a new token. */
  onUnauthorized?: () => void;
  fetch?: typeof fetch;
  /** Creates the request used for uploads; XMLHttpRequest reports upload progress, fetch does not. */
  createXhr?: () => XMLHttpRequest;
  /**
   * The assistant's WebSocket URL when the app runs where the HTTP API cannot stream (AWS); without
   * one, answers stream over the HTTP API.
   */
  assistantSocketUrl?: () => Promise<string | undefined>;
  createSocket?: SocketFactory;
}

/** Reports how many bytes of an upload have been sent so far. */
export type ProgressListener = (loadedBytes: number, totalBytes: number) => void;

/** Typed access to the FlowForge HTTP API; every method rejects with an {@link ApiError}. */
export interface ApiClient {
  health(): Promise<Health>;
  listWorkspaces(): Promise<Workspace[]>;
  createWorkspace(name: string): Promise<Workspace>;
  getWorkspace(workspaceId: string): Promise<Workspace>;
  listDatasets(workspaceId: string): Promise<Dataset[]>;
  createDataset(workspaceId: string, dataset: NewDataset): Promise<CreatedDataset>;
  uploadFile(target: UploadTarget, file: Blob, onProgress?: ProgressListener): Promise<void>;
  completeDataset(workspaceId: string, datasetId: string): Promise<Dataset>;
  getDataset(workspaceId: string, datasetId: string): Promise<Dataset>;
  deleteDataset(workspaceId: string, datasetId: string): Promise<void>;
  profileDataset(workspaceId: string, datasetId: string): Promise<StoredProfile>;
  getLatestProfile(workspaceId: string, datasetId: string): Promise<StoredProfile>;
  getSuggestions(workspaceId: string, datasetId: string, layer: Layer): Promise<LayerSuggestions>;
  decideSuggestion(
    workspaceId: string,
    datasetId: string,
    layer: Layer,
    kind: string,
    decision: Decision,
  ): Promise<StoredSuggestion>;
  runQualityRules(workspaceId: string, datasetId: string): Promise<RuleRun>;
  exportQualityRules(
    workspaceId: string,
    datasetId: string,
    format: ExportFormat,
  ): Promise<RuleExport>;
  generateModel(workspaceId: string, request: ModelRequestBody): Promise<GeneratedModel>;
  saveModel(
    workspaceId: string,
    request: ModelRequestBody & { name: string },
  ): Promise<SavedModelAnswer>;
  listModels(workspaceId: string): Promise<SavedModel[]>;
  getModel(workspaceId: string, modelId: string): Promise<SavedModel>;
  listModelVersions(workspaceId: string, modelId: string): Promise<ModelVersionSummary[]>;
  getModelVersion(workspaceId: string, modelId: string, version: number): Promise<ModelVersion>;
  /** The version's SQL, YAML and canvas graph as a zip file. */
  downloadModelVersion(workspaceId: string, modelId: string, version: number): Promise<Blob>;
  startConversation(workspaceId: string): Promise<Conversation>;
  listConversations(workspaceId: string): Promise<Conversation[]>;
  getConversation(workspaceId: string, conversationId: string): Promise<ConversationView>;
  /** Sends a message and reports the answer's events as they arrive; resolves with the stored turn. */
  streamMessage(
    workspaceId: string,
    conversationId: string,
    message: string,
    onEvent: (event: ChatEvent) => void,
  ): Promise<ChatExchange>;
  applySuggestion(
    workspaceId: string,
    conversationId: string,
    suggestionId: string,
  ): Promise<AppliedSuggestion>;
  /** A single-use ticket that opens the assistant's WebSocket for one conversation. */
  createStreamTicket(workspaceId: string, conversationId: string): Promise<StreamTicket>;
  listMonitors(workspaceId: string): Promise<Monitor[]>;
  configureMonitor(
    workspaceId: string,
    monitorId: string,
    settings: { sensitivity?: Sensitivity; minHistory?: number; country?: string },
  ): Promise<Monitor>;
  getMonitorSeries(workspaceId: string, monitorId: string): Promise<Series>;
  listAnomalies(workspaceId: string): Promise<RecordedAnomaly[]>;
  markAnomalyExpected(workspaceId: string, anomalyId: string): Promise<RecordedAnomaly>;
  createExceptionRule(workspaceId: string, rule: NewExceptionRule): Promise<ExceptionRule>;
  getWebhookSecretStatus(workspaceId: string): Promise<SecretStatus>;
  createWebhookSecret(workspaceId: string): Promise<IssuedSecret>;
  rotateWebhookSecret(workspaceId: string): Promise<IssuedSecret>;
  listAlertDestinations(workspaceId: string): Promise<AlertDestination[]>;
  createAlertDestination(
    workspaceId: string,
    destination: { name: string; kind: "SLACK" | "GENERIC"; url: string },
  ): Promise<AlertDestination>;
  testAlertDestination(workspaceId: string, destinationId: string): Promise<TestSend>;
  listMonitoredJobs(workspaceId: string): Promise<MonitoredJob[]>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const baseUrl = options.baseUrl ?? "";
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const createXhr = options.createXhr ?? (() => new XMLHttpRequest());

  function authorizationHeader(): Record<string, string> {
    const token = options.getToken();
    return token ? { Authorization: `Bearer ${token}` } : {};
  }

  function fail(problem: ApiError["problem"]): never {
    if (problem.status === 401) options.onUnauthorized?.();
    throw new ApiError(problem);
  }

  async function call<T>(
    routeName: ApiRouteName,
    params: Record<string, string> = {},
    body?: unknown,
  ): Promise<T> {
    const route = apiRoutes[routeName];
    const headers: Record<string, string> = {
      Accept: "application/json",
      ...authorizationHeader(),
    };
    const init: RequestInit = { method: route.method, headers };
    if (body !== undefined) {
      headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    let response: Response;
    try {
      response = await doFetch(baseUrl + expandPath(route.path, params), init);
    } catch {
      fail(networkProblem());
    }
    const text = await response.text();
    if (!response.ok) fail(parseProblem(response.status, response.statusText, text));
    return (text === "" ? undefined : JSON.parse(text)) as T;
  }

  async function download(routeName: ApiRouteName, params: Record<string, string>): Promise<Blob> {
    let response: Response;
    try {
      response = await doFetch(baseUrl + expandPath(apiRoutes[routeName].path, params), {
        method: apiRoutes[routeName].method,
        headers: authorizationHeader(),
      });
    } catch {
      fail(networkProblem());
    }
    if (!response.ok) {
      fail(parseProblem(response.status, response.statusText, await response.text()));
    }
    return response.blob();
  }

  // A presigned S3 URL must not carry our bearer token (S3 refuses a second credential, and the
  // token must not leave our origin); the local blob store, on our own origin, needs it.
  function isOwnOrigin(url: string): boolean {
    const here = globalThis.location?.href ?? "http://localhost/";
    const apiOrigin = new URL(baseUrl || here, here).origin;
    return new URL(url, here).origin === apiOrigin;
  }

  function uploadFile(
    target: UploadTarget,
    file: Blob,
    onProgress?: ProgressListener,
  ): Promise<void> {
    return new Promise((resolve, reject) => {
      const xhr = createXhr();
      xhr.open(target.method, target.url);
      const headers = {
        ...(isOwnOrigin(target.url) ? authorizationHeader() : {}),
        ...target.headers,
      };
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (event) => {
        onProgress?.(event.loaded, event.lengthComputable ? event.total : file.size);
      };
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress?.(file.size, file.size);
          resolve();
          return;
        }
        try {
          fail(parseProblem(xhr.status, xhr.statusText, xhr.responseText));
        } catch (error) {
          reject(error);
        }
      };
      xhr.onerror = () => reject(new ApiError(networkProblem()));
      xhr.send(file);
    });
  }

  async function streamMessage(
    workspaceId: string,
    conversationId: string,
    message: string,
    onEvent: (event: ChatEvent) => void,
  ): Promise<ChatExchange> {
    // Assigned inside the event callback, so kept in an object the type checker does not narrow.
    const outcome: { exchange?: ChatExchange; failure?: ApiError } = {};
    const handle = ({ name, data }: ServerEvent) => {
      const payload = JSON.parse(data);
      if (name === "text") onEvent({ type: "text", delta: payload.delta });
      else if (name === "tool_call") onEvent({ type: "tool_call", ...payload });
      else if (name === "suggestion") onEvent({ type: "suggestion", suggestion: payload });
      else if (name === "done") {
        outcome.exchange = payload as ChatExchange;
        onEvent({ type: "done", exchange: payload });
      } else if (name === "error") {
        outcome.failure = new ApiError(parseProblem(payload.status, "", data));
      }
    };
    const socketUrl = await options.assistantSocketUrl?.();
    if (socketUrl) {
      const { ticket } = await createStreamTicket(workspaceId, conversationId);
      try {
        await streamOverSocket(socketUrl, ticket, message, handle, options.createSocket);
      } catch {
        fail(networkProblem());
      }
    } else {
      await streamOverHttp(workspaceId, conversationId, message, handle);
    }
    if (outcome.failure) throw outcome.failure;
    if (!outcome.exchange) fail(networkProblem());
    return outcome.exchange;
  }

  function createStreamTicket(workspaceId: string, conversationId: string) {
    return call<StreamTicket>("createStreamTicket", { workspaceId, conversationId });
  }

  async function streamOverHttp(
    workspaceId: string,
    conversationId: string,
    message: string,
    handle: (event: ServerEvent) => void,
  ): Promise<void> {
    const route = apiRoutes.streamMessage;
    let response: Response;
    try {
      response = await doFetch(baseUrl + expandPath(route.path, { workspaceId, conversationId }), {
        method: route.method,
        headers: {
          Accept: "text/event-stream",
          "Content-Type": "application/json",
          ...authorizationHeader(),
        },
        body: JSON.stringify({ message }),
      });
    } catch {
      fail(networkProblem());
    }
    if (!response.ok) {
      fail(parseProblem(response.status, response.statusText, await response.text()));
    }
    await readEvents(response, handle);
  }

  return {
    health: () => call<Health>("health"),
    listWorkspaces: async () => (await call<ItemList<Workspace>>("listWorkspaces")).items,
    createWorkspace: (name) => call<Workspace>("createWorkspace", {}, { name }),
    getWorkspace: (workspaceId) => call<Workspace>("getWorkspace", { workspaceId }),
    listDatasets: async (workspaceId) =>
      (await call<ItemList<Dataset>>("listDatasets", { workspaceId })).items,
    createDataset: (workspaceId, dataset) =>
      call<CreatedDataset>("createDataset", { workspaceId }, dataset),
    uploadFile,
    completeDataset: (workspaceId, datasetId) =>
      call<Dataset>("completeDataset", { workspaceId, datasetId }),
    getDataset: (workspaceId, datasetId) => call<Dataset>("getDataset", { workspaceId, datasetId }),
    deleteDataset: (workspaceId, datasetId) =>
      call<void>("deleteDataset", { workspaceId, datasetId }),
    profileDataset: (workspaceId, datasetId) =>
      call<StoredProfile>("profileDataset", { workspaceId, datasetId }),
    getLatestProfile: (workspaceId, datasetId) =>
      call<StoredProfile>("getLatestProfile", { workspaceId, datasetId }),
    getSuggestions: (workspaceId, datasetId, layer) =>
      call<LayerSuggestions>("getSuggestions", { workspaceId, datasetId, layer }),
    decideSuggestion: (workspaceId, datasetId, layer, kind, decision) =>
      call<StoredSuggestion>("decideSuggestion", { workspaceId, datasetId, layer, kind }, decision),
    runQualityRules: (workspaceId, datasetId) =>
      call<RuleRun>("runQualityRules", { workspaceId, datasetId }),
    exportQualityRules: (workspaceId, datasetId, format) =>
      call<RuleExport>("exportQualityRules", { workspaceId, datasetId, format }),
    generateModel: (workspaceId, request) =>
      call<GeneratedModel>("generateModel", { workspaceId }, request),
    saveModel: (workspaceId, request) =>
      call<SavedModelAnswer>("saveModel", { workspaceId }, request),
    listModels: async (workspaceId) =>
      (await call<ItemList<SavedModel>>("listModels", { workspaceId })).items,
    getModel: (workspaceId, modelId) => call<SavedModel>("getModel", { workspaceId, modelId }),
    listModelVersions: async (workspaceId, modelId) =>
      (await call<ItemList<ModelVersionSummary>>("listModelVersions", { workspaceId, modelId }))
        .items,
    getModelVersion: (workspaceId, modelId, version) =>
      call<ModelVersion>("getModelVersion", { workspaceId, modelId, version: String(version) }),
    downloadModelVersion: (workspaceId, modelId, version) =>
      download("downloadModelVersion", { workspaceId, modelId, version: String(version) }),
    startConversation: (workspaceId) =>
      call<Conversation>("startConversation", { workspaceId }, {}),
    listConversations: async (workspaceId) =>
      (await call<ItemList<Conversation>>("listConversations", { workspaceId })).items,
    getConversation: (workspaceId, conversationId) =>
      call<ConversationView>("getConversation", { workspaceId, conversationId }),
    streamMessage,
    createStreamTicket,
    applySuggestion: (workspaceId, conversationId, suggestionId) =>
      call<AppliedSuggestion>("applySuggestion", { workspaceId, conversationId, suggestionId }),
    listMonitors: async (workspaceId) =>
      (await call<ItemList<Monitor>>("listMonitors", { workspaceId })).items,
    configureMonitor: (workspaceId, monitorId, settings) =>
      call<Monitor>("configureMonitor", { workspaceId, monitorId }, settings),
    getMonitorSeries: (workspaceId, monitorId) =>
      call<Series>("getMonitorSeries", { workspaceId, monitorId }),
    listAnomalies: async (workspaceId) =>
      (await call<ItemList<RecordedAnomaly>>("listAnomalies", { workspaceId })).items,
    markAnomalyExpected: (workspaceId, anomalyId) =>
      call<RecordedAnomaly>("markAnomalyExpected", { workspaceId, anomalyId }),
    createExceptionRule: (workspaceId, rule) =>
      call<ExceptionRule>("createExceptionRule", { workspaceId }, rule),
    getWebhookSecretStatus: (workspaceId) =>
      call<SecretStatus>("getWebhookSecretStatus", { workspaceId }),
    createWebhookSecret: (workspaceId) =>
      call<IssuedSecret>("createWebhookSecret", { workspaceId }),
    rotateWebhookSecret: (workspaceId) =>
      call<IssuedSecret>("rotateWebhookSecret", { workspaceId }),
    listAlertDestinations: async (workspaceId) =>
      (await call<ItemList<AlertDestination>>("listAlertDestinations", { workspaceId })).items,
    createAlertDestination: (workspaceId, destination) =>
      call<AlertDestination>("createAlertDestination", { workspaceId }, destination),
    testAlertDestination: (workspaceId, destinationId) =>
      call<TestSend>("testAlertDestination", { workspaceId, destinationId }),
    listMonitoredJobs: async (workspaceId) =>
      (await call<ItemList<MonitoredJob>>("listMonitoredJobs", { workspaceId })).items,
  };
}
