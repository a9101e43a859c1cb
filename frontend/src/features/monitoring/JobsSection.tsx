import { useApi } from "../../api/ApiContext";
import { ErrorMessage } from "../../ui/ErrorMessage";
import { useResource } from "../../ui/useResource";

/**
 * The workspace's jobs with the jobs they depend on and their last run: the upstream jobs the
 * scheduled check looks at when it ranks an anomaly's likely causes.
 */
export function JobsSection({ workspaceId }: { workspaceId: string }) {
  const api = useApi();
  const [jobs] = useResource(`jobs:${workspaceId}`, () => api.listMonitoredJobs(workspaceId));
  return (
    <section className="card" aria-labelledby="jobs-heading">
      <h2 id="jobs-heading">Jobs</h2>
      {jobs.state === "loading" && <p role="status">Loading jobs…</p>}
      {jobs.state === "failed" && <ErrorMessage error={jobs.error} />}
      {jobs.state === "ready" && jobs.data.length === 0 && (
        <p>No jobs yet: a job appears with its first run report.</p>
      )}
      {jobs.state === "ready" && jobs.data.length > 0 && (
        <table>
          <caption>Jobs and their upstream jobs</caption>
          <thead>
            <tr>
              <th scope="col">Job</th>
              <th scope="col">Depends on</th>
              <th scope="col">Last run</th>
            </tr>
          </thead>
          <tbody>
            {jobs.data.map((job) => (
              <tr key={job.job}>
                <th scope="row">{job.job}</th>
                <td>{job.upstream.length === 0 ? "—" : job.upstream.join(", ")}</td>
                <td>
                  {job.lastRun
                    ? `${job.lastRun.status.toLowerCase()}, ${new Date(job.lastRun.startedAt).toLocaleString()}`
                    : "none kept"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
