import { useState } from "react";
import { useApi } from "../../api/ApiContext";
import type { ExportFormat, QualityRule, RuleExport, RuleRun } from "../../api/types";
import { hrefFor } from "../../app/router";
import { paths } from "../../app/paths";
import { asError, ErrorMessage } from "../../ui/ErrorMessage";
import { useResource } from "../../ui/useResource";
import { passRateLabel } from "./passRate";

const exportLabels: Record<ExportFormat, string> = {
  yaml: "YAML",
  check: "CHECK constraints",
  expect: "EXPECT expectations",
};

/** The Quality tab: a dataset's rules, their pass rates once run, and their exports. */
export function QualityPage({
  workspaceId,
  datasetId,
}: {
  workspaceId: string;
  datasetId: string;
}) {
  const api = useApi();
  const [silver] = useResource(`${workspaceId}/${datasetId}/quality`, () =>
    api.getSuggestions(workspaceId, datasetId, "silver"),
  );
  const [run, setRun] = useState<RuleRun | null>(null);
  const [running, setRunning] = useState(false);
  const [exported, setExported] = useState<RuleExport | null>(null);
  const [error, setError] = useState<Error | null>(null);

  async function attempt(action: () => Promise<void>) {
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(asError(failure));
    }
  }

  async function runRules() {
    setRunning(true);
    await attempt(async () => setRun(await api.runQualityRules(workspaceId, datasetId)));
    setRunning(false);
  }

  return (
    <>
      <p>
        <a href={hrefFor(paths.dataset, { workspaceId, datasetId })}>← Dataset</a>
      </p>
      <div className="page-header">
        <h1>Quality</h1>
        <button type="button" onClick={runRules} disabled={running}>
          {running ? "Running rules…" : "Run rules"}
        </button>
      </div>
      {running && <progress aria-label="Rules progress" />}
      {error && <ErrorMessage error={error} />}
      {silver.state === "loading" && <p role="status">Loading rules…</p>}
      {silver.state === "failed" && <ErrorMessage error={silver.error} />}
      {silver.state === "ready" && (
        <RulesTable
          rules={run ? run.results.map((r) => r.rule) : silver.data.qualityRules}
          run={run}
        />
      )}
      <section className="card" aria-labelledby="rules-export">
        <h2 id="rules-export">Export</h2>
        <div className="actions">
          {(Object.keys(exportLabels) as ExportFormat[]).map((format) => (
            <button
              key={format}
              type="button"
              onClick={() =>
                attempt(async () =>
                  setExported(await api.exportQualityRules(workspaceId, datasetId, format)),
                )
              }
            >
              {exportLabels[format]}
            </button>
          ))}
        </div>
        {exported && (
          <pre aria-label={`Rules as ${exportLabels[exported.format]}`} className="export">
            {exported.content}
          </pre>
        )}
      </section>
    </>
  );
}

function RulesTable({ rules, run }: { rules: QualityRule[]; run: RuleRun | null }) {
  const results = new Map(run?.results.map((r) => [r.rule.id, r.result]) ?? []);
  return (
    <table>
      <caption>Quality rules</caption>
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Kind</th>
          <th scope="col">Severity</th>
          <th scope="col">Pass rate</th>
          <th scope="col">Failing rows</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => {
          const result = results.get(rule.id);
          return (
            <tr key={rule.id}>
              <th scope="row">
                <code>{rule.id}</code>
              </th>
              <td>{rule.kind}</td>
              <td>{rule.severity}</td>
              <td className="number">{result ? passRateLabel(result.passRate) : "not run"}</td>
              <td className="number">{result ? result.failed.toLocaleString() : "—"}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
