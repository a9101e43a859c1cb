import type { Problem } from "../api/problem";
import type { Dataset, UploadTarget, Workspace } from "../api/types";
import { FakeChat } from "./fakeChat";

/** A request as the fake server saw it, for assertions about what the app sent. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
}

function json(status: number, body: unknown, contentType = "application/json"): Response {
  return new Response(status === 204 ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": contentType },
  });
}

function problemResponse(problem: Problem): Response {
  return json(problem.status, problem, "application/problem+json");
}

/**
 * An in-memory FlowForge API behind `fetch` and XMLHttpRequest: the network boundary of the web
 * app, answering the routes of docs/api.md the way the backend does (bearer token, problem+json).
 */
export class FakeServer {
  readonly workspaces: Workspace[] = [];
  readonly datasets: Dataset[] = [];
  readonly requests: SeenRequest[] = [];
  readonly blobs = new Map<string, Blob>();
  /** The problem `complete` answers with instead of accepting the file, when set. */
  rejectOnComplete: Problem | null = null;
  /** The assistant's conversations and its scripted answers. */
  readonly chat = new FakeChat();
  private nextId = 1;

  constructor(readonly token: string) {}

  addWorkspace(name: string): Workspace {
    const workspace = {
      id: `w${this.nextId++}`,
      name,
      createdAt: "2026-01-02T03:04:05Z",
      version: 1,
    };
    this.workspaces.push(workspace);
    return workspace;
  }

  addDataset(workspaceId: string, fields: Partial<Dataset> & { name: string }): Dataset {
    const dataset: Dataset = {
      id: `d${this.nextId++}`,
      workspaceId,
      fileName: `${fields.name}.csv`,
      format: "csv",
      status: "READY",
      sizeBytes: 100,
      createdAt: "2026-01-02T03:04:05Z",
      version: 1,
      ...fields,
    };
    this.datasets.push(dataset);
    return dataset;
  }

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), "http://127.0.0.1:8080");
    const method = init.method ?? "GET";
    const headers = Object.fromEntries(
      [...new Headers(init.headers).entries()].map(([name, value]) => [name.toLowerCase(), value]),
    );
    this.requests.push({ method, url: url.pathname, headers });
    if (headers.authorization !== `Bearer ${this.token}`) {
      return problemResponse({
        type: "https://flowforge.dev/problems/unauthorized",
        title: "Unauthorized",
        status: 401,
        detail: "The bearer token is missing or wrong; open the address ./flowforge up printed.",
      });
    }
    const body =
      typeof init.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    return this.route(method, url.pathname.split("/").slice(1).map(decodeURIComponent), body);
  };

  private async route(
    method: string,
    parts: string[],
    body: Record<string, unknown>,
  ): Promise<Response> {
    const [api, workspaces, workspaceId, datasets, datasetId, action] = parts;
    if (api !== "api" || workspaces !== "workspaces") return this.notFound();
    if (workspaceId === undefined) {
      if (method === "GET") return json(200, { items: this.workspaces });
      return json(201, this.addWorkspace(String(body.name)));
    }
    const workspace = this.workspaces.find((candidate) => candidate.id === workspaceId);
    if (workspace && datasets === "conversations") {
      return this.chat.route(method, workspace.id, parts.slice(4), body);
    }
    if (!workspace || (datasets !== undefined && datasets !== "datasets")) return this.notFound();
    if (datasets === undefined) return json(200, workspace);
    if (datasetId === undefined) {
      if (method === "GET") {
        return json(200, { items: this.datasets.filter((d) => d.workspaceId === workspaceId) });
      }
      const dataset = this.addDataset(workspaceId, {
        name: String(body.name),
        fileName: String(body.fileName),
        format: body.format as Dataset["format"],
        sizeBytes: Number(body.sizeBytes),
        status: "PENDING_UPLOAD",
      });
      const upload: UploadTarget = {
        url: `/blobs/${dataset.id}`,
        method: "PUT",
        headers: { "Content-Type": "application/octet-stream" },
      };
      return json(201, { dataset, upload });
    }
    const index = this.datasets.findIndex(
      (d) => d.id === datasetId && d.workspaceId === workspaceId,
    );
    const dataset = this.datasets[index];
    if (!dataset) return this.notFound();
    if (method === "DELETE") {
      this.datasets.splice(index, 1);
      return json(204, null);
    }
    if (action === "complete") return this.complete(index, dataset);
    return json(200, dataset);
  }

  private async complete(index: number, dataset: Dataset): Promise<Response> {
    const blob = this.blobs.get(dataset.id);
    if (this.rejectOnComplete || !blob) {
      this.datasets.splice(index, 1);
      return problemResponse(
        this.rejectOnComplete ?? { type: "about:blank", title: "No file", status: 400 },
      );
    }
    const [header = "", ...rows] = (await blob.text()).trim().split("\n");
    const ready: Dataset = {
      ...dataset,
      status: "READY",
      rowCount: rows.length,
      columns: header.split(",").map((name) => ({ name, type: "VARCHAR" })),
      version: dataset.version + 1,
    };
    this.datasets[index] = ready;
    return json(200, ready);
  }

  private notFound(): Response {
    return problemResponse({ type: "about:blank", title: "Not found", status: 404 });
  }
}

type Handler = ((event: ProgressEvent) => void) | null;

/**
 * XMLHttpRequest at the network boundary. A test drives it step by step (`progress`, `finish`,
 * `failNetwork`) so it can look at the page between steps without waiting on a clock.
 */
export class FakeXhr {
  static latest: FakeXhr | null = null;
  method = "";
  url = "";
  readonly headers: Record<string, string> = {};
  body: Blob | null = null;
  status = 0;
  statusText = "";
  responseText = "";
  onload: Handler = null;
  onerror: Handler = null;
  readonly upload: { onprogress: Handler } = { onprogress: null };

  constructor(private readonly server: FakeServer) {}

  open(method: string, url: string): void {
    this.method = method;
    this.url = url;
  }

  setRequestHeader(name: string, value: string): void {
    this.headers[name] = value;
  }

  send(body: Blob): void {
    this.body = body;
    FakeXhr.latest = this;
  }

  progress(loaded: number, total: number): void {
    this.upload.onprogress?.(
      new ProgressEvent("progress", { loaded, total, lengthComputable: true }),
    );
  }

  /** The blob store stores the bytes and answers 200. */
  finish(): void {
    if (!this.body) throw new Error("finish() before send()");
    this.server.blobs.set(this.url.split("/").pop() ?? "", this.body);
    this.status = 200;
    this.onload?.(new ProgressEvent("load"));
  }

  failNetwork(): void {
    this.onerror?.(new ProgressEvent("error"));
  }
}
