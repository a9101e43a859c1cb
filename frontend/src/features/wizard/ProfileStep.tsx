import { useState } from "react";
import { useApi } from "../../api/ApiContext";
import { ApiError } from "../../api/problem";
import type { Dataset, StoredProfile } from "../../api/types";
import { asError, ErrorMessage } from "../../ui/ErrorMessage";
import { useResource } from "../../ui/useResource";
import { stepHref } from "./steps";
import { percent } from "./settings";

/** Profiles the dataset (with a progress indicator while it runs) and shows what was measured. */
export function ProfileStep({ dataset }: { dataset: Dataset }) {
  const api = useApi();
  const [latest, reload] = useResource(`${dataset.workspaceId}/${dataset.id}/profile`, () =>
    api.getLatestProfile(dataset.workspaceId, dataset.id).catch((failure: unknown) => {
      // Never profiled yet: nothing to show, the button below starts the first run.
      if (failure instanceof ApiError && failure.problem.status === 404) return null;
      throw failure;
    }),
  );
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [fresh, setFresh] = useState<StoredProfile | null>(null);

  async function run() {
    setRunning(true);
    setError(null);
    try {
      setFresh(await api.profileDataset(dataset.workspaceId, dataset.id));
      reload();
    } catch (failure) {
      setError(asError(failure));
    } finally {
      setRunning(false);
    }
  }

  const profile = fresh ?? (latest.state === "ready" ? latest.data : null);
  return (
    <section className="card" aria-labelledby="profile-step">
      <h2 id="profile-step">Profile</h2>
      <div className="actions">
        <button type="button" onClick={run} disabled={running}>
          {profile ? "Profile again" : "Profile dataset"}
        </button>
        {profile && (
          <a className="button-link" href={stepHref(dataset, "bronze")}>
            Continue to Bronze
          </a>
        )}
      </div>
      {running && (
        <div className="status" role="status">
          <progress aria-label="Profiling progress" />
          <span>
            Profiling {dataset.name}
            {dataset.rowCount !== undefined ? ` (${dataset.rowCount.toLocaleString()} rows)` : ""}…
          </span>
        </div>
      )}
      {error && <ErrorMessage error={error} />}
      {latest.state === "failed" && <ErrorMessage error={latest.error} />}
      {profile && <ProfileSummary profile={profile} />}
    </section>
  );
}

function ProfileSummary({ profile }: { profile: StoredProfile }) {
  const changes = profile.changes;
  return (
    <>
      <p role="status">
        Profile version {profile.version}: {profile.profile.rowCount.toLocaleString()} rows,{" "}
        {profile.profile.columns.length} columns.
      </p>
      {changes && (
        <p className="changed">
          Since version {changes.previousVersion}: {changes.newColumns.length} new,{" "}
          {changes.changedColumns.length} changed, {changes.unchangedColumns.length} unchanged,{" "}
          {changes.goneColumns.length} gone columns.
          {changes.affectedSuggestions.length > 0 &&
            ` Decisions to review: ${changes.affectedSuggestions.join(", ")}.`}
        </p>
      )}
      <table>
        <caption>Profiled columns</caption>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Type</th>
            <th scope="col">Nulls</th>
            <th scope="col">Distinct</th>
            <th scope="col">Personal data</th>
          </tr>
        </thead>
        <tbody>
          {profile.profile.columns.map((column) => (
            <tr key={column.name}>
              <th scope="row">{column.name}</th>
              <td>
                <code>{column.inferredType}</code>
                {column.format ? ` (${column.format})` : ""}
              </td>
              <td className="number">{percent(column.nullRatio)}</td>
              <td className="number">
                {column.distinct.exact ? "" : "≈ "}
                {column.distinct.value.toLocaleString()}
              </td>
              <td>{column.pii ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
