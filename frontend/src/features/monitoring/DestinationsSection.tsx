import { useId, useState, type FormEvent } from "react";
import { useApi } from "../../api/ApiContext";
import type { AlertDestination, TestSend } from "../../api/types";
import { asError, ErrorMessage } from "../../ui/ErrorMessage";
import { useResource } from "../../ui/useResource";

/** Where alerts go: Slack-compatible incoming webhooks or signed generic JSON endpoints. */
export function DestinationsSection({ workspaceId }: { workspaceId: string }) {
  const api = useApi();
  const [destinations, reload] = useResource(`destinations:${workspaceId}`, () =>
    api.listAlertDestinations(workspaceId),
  );
  const [name, setName] = useState("");
  const [kind, setKind] = useState<AlertDestination["kind"]>("SLACK");
  const [url, setUrl] = useState("");
  const [created, setCreated] = useState<AlertDestination | null>(null);
  const [tests, setTests] = useState<Record<string, TestSend>>({});
  const [error, setError] = useState<Error | null>(null);
  const formId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      setCreated(await api.createAlertDestination(workspaceId, { name, kind, url }));
      setName("");
      setUrl("");
      reload();
    } catch (failure) {
      setError(asError(failure));
    }
  }

  async function test(destination: AlertDestination) {
    setError(null);
    try {
      const result = await api.testAlertDestination(workspaceId, destination.id);
      setTests((current) => ({ ...current, [destination.id]: result }));
    } catch (failure) {
      setError(asError(failure));
    }
  }

  return (
    <section className="card" aria-labelledby="destinations-heading">
      <h2 id="destinations-heading">Alert destinations</h2>
      {destinations.state === "failed" && <ErrorMessage error={destinations.error} />}
      {destinations.state === "ready" && destinations.data.length > 0 && (
        <ul aria-label="Alert destinations">
          {destinations.data.map((destination) => (
            <li key={destination.id}>
              {destination.name} ({destination.kind === "SLACK" ? "Slack" : "Signed JSON"},{" "}
              <code>{destination.url}</code>){" "}
              <button type="button" onClick={() => test(destination)}>
                Send test to {destination.name}
              </button>
              {tests[destination.id] && (
                <span role="status">
                  {" "}
                  {tests[destination.id]?.delivered
                    ? "Delivered."
                    : `Not delivered: ${tests[destination.id]?.error ?? "unknown error"}`}
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      <form aria-labelledby={`${formId}-title`} onSubmit={submit}>
        <h3 id={`${formId}-title`}>Add a destination</h3>
        <label>
          Destination name
          <input value={name} onChange={(event) => setName(event.target.value)} required />
        </label>
        <label>
          Payload
          <select
            value={kind}
            onChange={(event) => setKind(event.target.value as AlertDestination["kind"])}
          >
            <option value="SLACK">Slack incoming webhook</option>
            <option value="GENERIC">Signed JSON</option>
          </select>
        </label>
        <label>
          URL
          <input type="url" value={url} onChange={(event) => setUrl(event.target.value)} required />
        </label>
        <button type="submit">Add destination</button>
      </form>
      {created?.signingSecret && (
        <p role="status">
          Deliveries to {created.name} are signed with <code>{created.signingSecret}</code> (shown
          once).
        </p>
      )}
      {error && <ErrorMessage error={error} />}
    </section>
  );
}
