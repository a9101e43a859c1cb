import { useId, useState, type FormEvent } from "react";

/** Asks for the access token when the page was opened without one (or it was refused). */
export function TokenForm({ onSave }: { onSave: (token: string) => void }) {
  const id = useId();
  const [token, setToken] = useState("");
  const [error, setError] = useState<string | null>(null);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (token.trim() === "") {
      setError("Paste the token first.");
      return;
    }
    onSave(token.trim());
  }

  return (
    <form className="card narrow" aria-labelledby={`${id}-title`} onSubmit={submit} noValidate>
      <h1 id={`${id}-title`}>Sign in</h1>
      <p>
        Open the address <code>./flowforge up</code> printed, or paste the token that follows{" "}
        <code>#token=</code> in it.
      </p>
      <label htmlFor={`${id}-token`}>Access token</label>
      <input
        id={`${id}-token`}
        type="password"
        value={token}
        onChange={(event) => setToken(event.target.value)}
        autoComplete="off"
        aria-invalid={error !== null}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      {error && (
        <p id={`${id}-error`} role="alert" className="error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit">Use token</button>
      </div>
    </form>
  );
}
