import type {
  AlertDestination,
  ExceptionRule,
  MonitoredJob,
  Monitor,
  RecordedAnomaly,
  SeriesPoint,
} from "../../api/types";
import type { FakeServer } from "../../testing/fakeNetwork";

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": status >= 400 ? "application/problem+json" : "application/json" },
  });

/**
 * The monitoring routes of one workspace in memory, in front of the shared fake server: requests
 * under `/monitoring/` are answered here the way the backend answers them, everything else goes on.
 */
export class FakeMonitoring {
  readonly monitors: Monitor[] = [];
  readonly anomalies: RecordedAnomaly[] = [];
  readonly points = new Map<string, SeriesPoint[]>();
  readonly rules: (ExceptionRule & { date?: string })[] = [];
  readonly destinations: AlertDestination[] = [];
  readonly jobs: MonitoredJob[] = [];
  secret: string | null = null;
  private nextId = 1;

  constructor(private readonly server: FakeServer) {}

  addMonitor(job: string, metric: string, points: SeriesPoint[]): Monitor {
    const monitor: Monitor = {
      id: `mon_${this.nextId++}`,
      job,
      metric,
      sensitivity: "MEDIUM",
      minHistory: 14,
      createdAt: "2026-01-01T00:00:00Z",
      version: 1,
      rules: [],
    };
    this.monitors.push(monitor);
    this.points.set(monitor.id, points);
    return monitor;
  }

  fetch = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const path = new URL(String(input), "http://127.0.0.1:8080").pathname;
    const match = /^\/api\/workspaces\/[^/]+\/monitoring\/(.*)$/.exec(path);
    if (!match) return this.server.fetch(input, init);
    const method = init.method ?? "GET";
    const body =
      typeof init.body === "string" ? (JSON.parse(init.body) as Record<string, unknown>) : {};
    const [resource = "", id, action] = (match[1] ?? "").split("/");
    if (resource === "monitors" && id === undefined) return json(200, { items: this.monitors });
    if (resource === "monitors" && action === "series") {
      const monitor = this.monitors.find((candidate) => candidate.id === id);
      if (!monitor) return json(404, { title: "Not found", status: 404 });
      return json(200, {
        monitor,
        points: this.points.get(monitor.id) ?? [],
        anomalies: this.anomalies.filter((anomaly) => anomaly.monitorId === monitor.id),
      });
    }
    if (resource === "monitors" && method === "PATCH") {
      const monitor = this.monitors.find((candidate) => candidate.id === id);
      if (!monitor) return json(404, { title: "Not found", status: 404 });
      Object.assign(monitor, body, { version: monitor.version + 1 });
      return json(200, monitor);
    }
    if (resource === "anomalies" && id === undefined) return json(200, { items: this.anomalies });
    if (resource === "anomalies" && action === "expected") {
      const anomaly = this.anomalies.find((candidate) => candidate.id === id);
      if (!anomaly) return json(404, { title: "Not found", status: 404 });
      anomaly.status = "EXPECTED";
      return json(200, anomaly);
    }
    if (resource === "rules") {
      const rule = {
        id: `rule_${this.nextId++}`,
        monitorId: String(body.monitorId),
        kind: "DATE" as const,
        description: `on ${String(body.date)}`,
        createdAt: "2026-01-02T00:00:00Z",
        date: String(body.date),
      };
      this.rules.push(rule);
      this.monitors.find((monitor) => monitor.id === rule.monitorId)?.rules.push(rule);
      return json(201, rule);
    }
    if (resource === "secret" && method === "GET") {
      return json(200, { configured: this.secret !== null });
    }
    if (resource === "secret") {
      if (id === undefined && this.secret !== null) {
        return json(409, { title: "Conflict", status: 409, detail: "Rotate it instead." });
      }
      this.secret = `whsec_secret${this.nextId++}`;
      return json(id === "rotate" ? 200 : 201, {
        secret: this.secret,
        createdAt: "2026-01-02T00:00:00Z",
      });
    }
    if (resource === "destinations" && id === undefined && method === "GET") {
      return json(200, { items: this.destinations });
    }
    if (resource === "destinations" && id === undefined) {
      if (!String(body.url).startsWith("http")) {
        return json(400, { title: "Invalid", status: 400, detail: "url must be https." });
      }
      const destination: AlertDestination = {
        id: `dest_${this.nextId++}`,
        name: String(body.name),
        kind: body.kind as AlertDestination["kind"],
        url: String(body.url),
        createdAt: "2026-01-02T00:00:00Z",
        signingSecret: body.kind === "GENERIC" ? "whsec_signing" : null,
      };
      this.destinations.push({ ...destination, signingSecret: null });
      return json(201, destination);
    }
    if (resource === "jobs" && id === undefined) return json(200, { items: this.jobs });
    if (resource === "destinations" && action === "test") {
      return json(200, { delivered: false, attempts: 1, error: "HTTP 500" });
    }
    return json(404, { title: "Not found", status: 404 });
  };
}
