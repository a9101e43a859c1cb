import { useState } from "react";
import { useApi } from "../../api/ApiContext";
import type { RecordedAnomaly } from "../../api/types";
import { confidenceLevel } from "../../theme/theme";
import { asError, ErrorMessage } from "../../ui/ErrorMessage";

const number = (value: number) => value.toLocaleString(undefined, { maximumFractionDigits: 2 });
const percent = (value: number) => `${Math.round(value * 100)} %`;

/**
 * One anomaly as an alert: expected against actual, the likely causes with their confidence, and
 * the two answers a person gives — it was expected, or it is a pattern to ignore from now on.
 */
export function AlertCard({
  workspaceId,
  anomaly,
  onChanged,
}: {
  workspaceId: string;
  anomaly: RecordedAnomaly;
  onChanged: () => void;
}) {
  const api = useApi();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const detail = anomaly.anomaly;
  const day = detail.at.slice(0, 10);

  async function act(action: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await action();
      setMessage(done);
      onChanged();
    } catch (failure) {
      setError(asError(failure));
    }
  }

  return (
    <article className="card alert-card" aria-label={`Alert: ${anomaly.job} ${anomaly.metric}`}>
      <h3>
        {detail.severity} anomaly in {anomaly.job} / {anomaly.metric}
      </h3>
      <p className="muted">
        <time dateTime={detail.at}>{new Date(detail.at).toLocaleString()}</time> · confidence{" "}
        <span className={`badge confidence-${confidenceLevel(detail.confidence)}`}>
          {percent(detail.confidence)}
        </span>
        {anomaly.status === "EXPECTED" && " · marked as expected"}
      </p>
      <dl className="details">
        <dt>Expected</dt>
        <dd>
          {number(detail.expected)} ({number(detail.lower)} to {number(detail.upper)})
        </dd>
        <dt>Actual</dt>
        <dd>{number(detail.actual)}</dd>
      </dl>
      <h4>Likely causes</h4>
      {detail.causes.length === 0 ? (
        <p>No cause found in the calendar, upstream runs or quality results.</p>
      ) : (
        <ul aria-label="Likely causes">
          {detail.causes.map((cause) => (
            <li key={cause.kind + cause.explanation}>
              {cause.explanation}{" "}
              <span className={`badge confidence-${confidenceLevel(cause.confidence)}`}>
                {percent(cause.confidence)}
              </span>
            </li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button
          type="button"
          disabled={anomaly.status === "EXPECTED"}
          onClick={() =>
            act(
              () => api.markAnomalyExpected(workspaceId, anomaly.id),
              "Marked as expected: this point no longer trains the baseline.",
            )
          }
        >
          Mark as expected
        </button>
        <button
          type="button"
          onClick={() =>
            act(
              () =>
                api.createExceptionRule(workspaceId, {
                  monitorId: anomaly.monitorId,
                  kind: "DATE",
                  date: day,
                }),
              `Exception rule created: ${anomaly.metric} is not judged on ${day}.`,
            )
          }
        >
          Create exception rule
        </button>
      </div>
      {message && <p role="status">{message}</p>}
      {error && <ErrorMessage error={error} />}
    </article>
  );
}
