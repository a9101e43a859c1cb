import { useApi } from "../../api/ApiContext";
import type { Dataset, Decision, Layer, QualityRule, StoredSuggestion } from "../../api/types";
import { navigate } from "../../app/router";
import { ErrorMessage } from "../../ui/ErrorMessage";
import { useResource } from "../../ui/useResource";
import { SuggestionCard } from "./SuggestionCard";
import { nextStep, stepHref, stepLabels, type WizardStep } from "./steps";

/**
 * One layer's suggestions as cards. Accepting the last undecided card moves on to the next step, so
 * "Accept & continue" on each card walks the wizard.
 */
export function LayerStep({
  dataset,
  layer,
  step,
}: {
  dataset: Dataset;
  layer: Layer;
  step: WizardStep;
}) {
  const api = useApi();
  const [suggestions, reload] = useResource(`${dataset.workspaceId}/${dataset.id}/${layer}`, () =>
    api.getSuggestions(dataset.workspaceId, dataset.id, layer),
  );
  const next = nextStep(step);

  async function decide(item: StoredSuggestion, decision: Omit<Decision, "version">) {
    await api.decideSuggestion(dataset.workspaceId, dataset.id, layer, item.kind, {
      ...decision,
      version: item.version,
    });
    const others =
      suggestions.state === "ready"
        ? suggestions.data.items.filter((other) => other.kind !== item.kind)
        : [];
    if (decision.action === "accept" && next && others.every((o) => o.status !== "PROPOSED")) {
      navigate(stepHref(dataset, next));
      return;
    }
    reload();
  }

  return (
    <section className="card" aria-labelledby={`${layer}-step`}>
      <h2 id={`${layer}-step`}>{stepLabels[step]} suggestions</h2>
      {suggestions.state === "loading" && <p role="status">Loading suggestions…</p>}
      {suggestions.state === "failed" && <ErrorMessage error={suggestions.error} />}
      {suggestions.state === "ready" && (
        <>
          <p className="muted">
            From profile version {suggestions.data.profileVersion} of{" "}
            {suggestions.data.rowCount.toLocaleString()} rows.
          </p>
          {suggestions.data.items.map((item) => (
            <SuggestionCard
              key={`${item.kind}-${item.version}`}
              item={item}
              onDecide={(decision) => decide(item, decision)}
            />
          ))}
          {suggestions.data.qualityRules.length > 0 && (
            <RulesTable rules={suggestions.data.qualityRules} />
          )}
        </>
      )}
      {next && (
        <p>
          <a href={stepHref(dataset, next)}>Continue to {stepLabels[next]}</a>
        </p>
      )}
    </section>
  );
}

function RulesTable({ rules }: { rules: QualityRule[] }) {
  return (
    <table>
      <caption>Suggested quality rules</caption>
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Kind</th>
          <th scope="col">Columns</th>
          <th scope="col">Severity</th>
          <th scope="col">Evidence</th>
        </tr>
      </thead>
      <tbody>
        {rules.map((rule) => (
          <tr key={rule.id}>
            <th scope="row">
              <code>{rule.id}</code>
            </th>
            <td>{rule.kind}</td>
            <td>{rule.columns.join(", ")}</td>
            <td>{rule.severity}</td>
            <td>{rule.evidence}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
