import { useApi } from "../../api/ApiContext";
import type { Dataset, LayerSuggestions } from "../../api/types";
import { hrefFor } from "../../app/router";
import { paths } from "../../app/paths";
import { ErrorMessage } from "../../ui/ErrorMessage";
import { useResource } from "../../ui/useResource";
import { describeValue, effectiveValue, kindLabel } from "./settings";
import { stepLabels } from "./steps";

const layers = ["bronze", "silver", "gold"] as const;

/** The job's configuration across the three layers, as decided (or still suggested). */
export function ReviewStep({ dataset }: { dataset: Dataset }) {
  const api = useApi();
  const [all] = useResource(`${dataset.workspaceId}/${dataset.id}/review`, () =>
    Promise.all(layers.map((layer) => api.getSuggestions(dataset.workspaceId, dataset.id, layer))),
  );
  return (
    <section className="card" aria-labelledby="review-step">
      <h2 id="review-step">Review</h2>
      {all.state === "loading" && <p role="status">Loading the configuration…</p>}
      {all.state === "failed" && <ErrorMessage error={all.error} />}
      {all.state === "ready" && <ReviewTable layers={all.data} />}
      <p>
        <a
          href={hrefFor(paths.quality, { workspaceId: dataset.workspaceId, datasetId: dataset.id })}
        >
          Check quality rules
        </a>
      </p>
    </section>
  );
}

function ReviewTable({ layers: answers }: { layers: LayerSuggestions[] }) {
  return (
    <table>
      <caption>Job configuration</caption>
      <thead>
        <tr>
          <th scope="col">Setting</th>
          <th scope="col">Layer</th>
          <th scope="col">Value</th>
          <th scope="col">Decision</th>
        </tr>
      </thead>
      <tbody>
        {answers.flatMap((answer, index) =>
          answer.items.map((item) => (
            <tr key={`${answer.layer}-${item.kind}`}>
              <th scope="row">{kindLabel(item.kind)}</th>
              <td>{stepLabels[layers[index] ?? "bronze"]}</td>
              <td>
                {Object.entries(effectiveValue(item))
                  .map(([name, value]) => `${kindLabel(name)}: ${describeValue(value)}`)
                  .join("; ")}
              </td>
              <td>
                {item.status === "PROPOSED" ? "Not decided" : kindLabel(item.status.toLowerCase())}
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
