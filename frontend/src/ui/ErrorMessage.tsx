import { ApiError } from "../api/problem";

/** An error as a person reads it, announced by screen readers, with the request id to report. */
export function ErrorMessage({ error }: { error: Error }) {
  const requestId = error instanceof ApiError ? error.problem.requestId : undefined;
  return (
    <div role="alert" className="error">
      <p>{error.message}</p>
      {requestId && <p className="muted">Request id: {requestId}</p>}
    </div>
  );
}

/** Whatever a failed promise rejected with, as an Error to show. */
export function asError(failure: unknown): Error {
  return failure instanceof Error ? failure : new Error(String(failure));
}
