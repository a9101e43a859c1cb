import { useState } from "react";
import { useApi } from "../../api/ApiContext";
import type { IssuedSecret, Monitor, Sensitivity } from "../../api/types";
import { hrefFor } from "../../app/router";
import { paths } from "../../app/paths";
import { asError, ErrorMessage } from "../../ui/ErrorMessage";
import { useResource } from "../../ui/useResource";
import { AlertCard } from "./AlertCard";
import { curlExample } from "./curlExample";
import { DestinationsSection } from "./DestinationsSection";
import { HistoryChart } from "./HistoryChart";
import { JobsSection } from "./JobsSection";

const SENSITIVITIES: readonly Sensitivity[] = ["LOW", "MEDIUM", "HIGH"];

/** Pipeline monitoring of one workspace: webhook secret, monitors, histories and open alerts. */
export function MonitoringPage({ workspaceId }: { workspaceId: string }) {
  const api = useApi();
  const [anomalies, reloadAnomalies] = useResource(`anomalies:${workspaceId}`, () =>
    api.listAnomalies(workspaceId),
  );
  const [selected, setSelected] = useState<string | null>(null);
  const [seriesGeneration, setSeriesGeneration] = useState(0);
  const refresh = () => {
    reloadAnomalies();
    setSeriesGeneration((value) => value + 1);
  };

  return (
    <>
      <p>
        <a href={hrefFor(paths.workspace, { workspaceId })}>← Datasets</a>
      </p>
      <div className="page-header">
        <h1>Monitoring</h1>
      </div>
      <SecretSection workspaceId={workspaceId} />
      <MonitorsSection
        workspaceId={workspaceId}
        selected={selected}
        onSelect={setSelected}
        generation={seriesGeneration}
      />
      <section className="card" aria-labelledby="alerts-heading">
        <h2 id="alerts-heading">Alerts</h2>
        {anomalies.state === "loading" && <p role="status">Loading alerts…</p>}
        {anomalies.state === "failed" && <ErrorMessage error={anomalies.error} />}
        {anomalies.state === "ready" && anomalies.data.length === 0 && (
          <p>No anomalies: every checked series is inside its expected band.</p>
        )}
        {anomalies.state === "ready" &&
          anomalies.data.map((anomaly) => (
            <AlertCard
              key={anomaly.id}
              workspaceId={workspaceId}
              anomaly={anomaly}
              onChanged={refresh}
            />
          ))}
      </section>
      <DestinationsSection workspaceId={workspaceId} />
      <JobsSection workspaceId={workspaceId} />
    </>
  );
}

function SecretSection({ workspaceId }: { workspaceId: string }) {
  const api = useApi();
  const [status, reload] = useResource(`secret:${workspaceId}`, () =>
    api.getWebhookSecretStatus(workspaceId),
  );
  const [issued, setIssued] = useState<IssuedSecret | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [copied, setCopied] = useState(false);
  const example = curlExample(window.location.origin, workspaceId, issued?.secret ?? null);

  async function issue(action: () => Promise<IssuedSecret>) {
    setError(null);
    try {
      setIssued(await action());
      reload();
    } catch (failure) {
      setError(asError(failure));
    }
  }

  return (
    <section className="card" aria-labelledby="secret-heading">
      <h2 id="secret-heading">Webhook secret</h2>
      {status.state === "failed" && <ErrorMessage error={status.error} />}
      {status.state === "ready" && !status.data.configured && (
        <>
          <p>Pipelines sign their run reports with this secret. Create one to start.</p>
          <button type="button" onClick={() => issue(() => api.createWebhookSecret(workspaceId))}>
            Create webhook secret
          </button>
        </>
      )}
      {status.state === "ready" && status.data.configured && (
        <>
          <p>
            A secret is set
            {status.data.previousValidUntil &&
              `; the previous one stays valid until ${new Date(status.data.previousValidUntil).toLocaleString()}`}
            .
          </p>
          <button type="button" onClick={() => issue(() => api.rotateWebhookSecret(workspaceId))}>
            Rotate secret
          </button>
        </>
      )}
      {issued && (
        <p>
          <label>
            Webhook secret (shown once)
            <input readOnly value={issued.secret} className="secret" />
          </label>
        </p>
      )}
      <h3>Send a run report</h3>
      <pre aria-label="curl example" className="code-block">
        {example}
      </pre>
      <button
        type="button"
        onClick={() => {
          void navigator.clipboard?.writeText(example).then(() => setCopied(true));
        }}
      >
        Copy curl example
      </button>
      {copied && <span role="status"> Copied.</span>}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}

function MonitorsSection({
  workspaceId,
  selected,
  onSelect,
  generation,
}: {
  workspaceId: string;
  selected: string | null;
  onSelect: (monitorId: string) => void;
  generation: number;
}) {
  const api = useApi();
  // A new generation (an alert was answered) reloads the monitors, whose exception rules changed.
  const [monitors, reload] = useResource(`monitors:${workspaceId}:${generation}`, () =>
    api.listMonitors(workspaceId),
  );
  const [error, setError] = useState<Error | null>(null);

  async function configure(monitor: Monitor, sensitivity: Sensitivity) {
    setError(null);
    try {
      await api.configureMonitor(workspaceId, monitor.id, { sensitivity });
      reload();
    } catch (failure) {
      setError(asError(failure));
    }
  }

  const current =
    monitors.state === "ready"
      ? (monitors.data.find((monitor) => monitor.id === selected) ?? monitors.data[0])
      : undefined;
  return (
    <section className="card" aria-labelledby="monitors-heading">
      <h2 id="monitors-heading">Monitors</h2>
      {monitors.state === "loading" && <p role="status">Loading monitors…</p>}
      {monitors.state === "failed" && <ErrorMessage error={monitors.error} />}
      {monitors.state === "ready" && monitors.data.length === 0 && (
        <p>No monitors yet: each series of a run report becomes a monitor.</p>
      )}
      {monitors.state === "ready" && monitors.data.length > 0 && (
        <table>
          <caption>Monitors</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Metric</th>
              <th scope="col">Sensitivity</th>
              <th scope="col">History</th>
            </tr>
          </thead>
          <tbody>
            {monitors.data.map((monitor) => (
              <tr key={monitor.id}>
                <th scope="row">{monitor.job}</th>
                <td>{monitor.metric}</td>
                <td>
                  <select
                    aria-label={`Sensitivity of ${monitor.job} ${monitor.metric}`}
                    value={monitor.sensitivity}
                    onChange={(event) => configure(monitor, event.target.value as Sensitivity)}
                  >
                    {SENSITIVITIES.map((level) => (
                      <option key={level} value={level}>
                        {level.charAt(0) + level.slice(1).toLowerCase()}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <button
                    type="button"
                    aria-pressed={current?.id === monitor.id}
                    aria-label={`Show history of ${monitor.job} ${monitor.metric}`}
                    onClick={() => onSelect(monitor.id)}
                  >
                    Show
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error && <ErrorMessage error={error} />}
      {current && (
        <MonitorHistory workspaceId={workspaceId} monitor={current} generation={generation} />
      )}
    </section>
  );
}

function MonitorHistory({
  workspaceId,
  monitor,
  generation,
}: {
  workspaceId: string;
  monitor: Monitor;
  generation: number;
}) {
  const api = useApi();
  const [series] = useResource(`series:${workspaceId}:${monitor.id}:${generation}`, () =>
    api.getMonitorSeries(workspaceId, monitor.id),
  );
  const title = `${monitor.job} ${monitor.metric}`;
  return (
    <div className="history">
      <h3>{title}</h3>
      {series.state === "loading" && <p role="status">Loading history…</p>}
      {series.state === "failed" && <ErrorMessage error={series.error} />}
      {series.state === "ready" && (
        <HistoryChart title={title} points={series.data.points} anomalies={series.data.anomalies} />
      )}
      {monitor.rules.length > 0 && (
        <p className="muted">
          Exception rules: {monitor.rules.map((rule) => rule.description).join(", ")}
        </p>
      )}
    </div>
  );
}
