import { useId, useState } from "react";
import type { Decision, StoredSuggestion } from "../../api/types";
import { asError, ErrorMessage } from "../../ui/ErrorMessage";
import { ConfidenceBadge } from "./ConfidenceBadge";
import {
  describeValue,
  effectiveValue,
  fromFields,
  kindLabel,
  toFields,
  type EditableField,
} from "./settings";

const statusLabels = {
  PROPOSED: "Suggested",
  ACCEPTED: "Accepted",
  ADJUSTED: "Adjusted",
  REJECTED: "Rejected",
} as const;

/**
 * One suggestion: its setting, confidence and why, with "Accept & continue", "Adjust" (a form
 * prefilled with the setting) and "Reject". The parent sends the decision and reloads.
 */
export function SuggestionCard({
  item,
  onDecide,
}: {
  item: StoredSuggestion;
  onDecide: (decision: Omit<Decision, "version">) => Promise<void>;
}) {
  const id = useId();
  const label = kindLabel(item.kind);
  const [adjusting, setAdjusting] = useState(false);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  async function decide(decision: Omit<Decision, "version">) {
    setSending(true);
    setError(null);
    try {
      await onDecide(decision);
      setAdjusting(false);
    } catch (failure) {
      setError(asError(failure));
    } finally {
      setSending(false);
    }
  }

  return (
    <article className="card suggestion" aria-labelledby={`${id}-title`}>
      <div className="suggestion-header">
        <h3 id={`${id}-title`}>{label}</h3>
        <ConfidenceBadge confidence={item.suggestion.confidence} />
        <span className={`badge decision-${item.status.toLowerCase()}`}>
          {statusLabels[item.status]}
        </span>
      </div>
      <dl className="details">
        {Object.entries(effectiveValue(item)).map(([name, value]) => (
          <div key={name} className="setting">
            <dt>{kindLabel(name)}</dt>
            <dd>{describeValue(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="why">
        <strong>Why: </strong>
        {item.suggestion.reasoning}
      </p>
      {item.changedSinceDecision && (
        <p role="note" className="changed">
          Changed since you decided: {item.changedColumns.join(", ")}
        </p>
      )}
      {adjusting ? (
        <AdjustForm
          label={label}
          initial={toFields(effectiveValue(item))}
          sending={sending}
          onCancel={() => setAdjusting(false)}
          onSave={(override) => decide({ action: "adjust", override })}
        />
      ) : (
        <div className="actions">
          <button type="button" disabled={sending} onClick={() => decide({ action: "accept" })}>
            Accept &amp; continue
          </button>
          <button type="button" disabled={sending} onClick={() => setAdjusting(true)}>
            Adjust
          </button>
          <button type="button" disabled={sending} onClick={() => decide({ action: "reject" })}>
            Reject
          </button>
        </div>
      )}
      {error && <ErrorMessage error={error} />}
    </article>
  );
}

function AdjustForm({
  label,
  initial,
  sending,
  onCancel,
  onSave,
}: {
  label: string;
  initial: EditableField[];
  sending: boolean;
  onCancel: () => void;
  onSave: (override: Record<string, unknown>) => void;
}) {
  const id = useId();
  const [fields, setFields] = useState(initial);
  const [invalid, setInvalid] = useState<string | null>(null);

  function update(name: string, text: string) {
    setFields((current) => current.map((f) => (f.name === name ? { ...f, text } : f)));
  }

  return (
    <form
      aria-label={`Adjust ${label}`}
      className="fields"
      onSubmit={(event) => {
        event.preventDefault();
        const parsed = fromFields(fields);
        if ("error" in parsed) {
          setInvalid(parsed.error);
          return;
        }
        setInvalid(null);
        onSave(parsed.value);
      }}
    >
      {fields.map((field) => (
        <label key={field.name} htmlFor={`${id}-${field.name}`}>
          {kindLabel(field.name)}
          {field.kind === "boolean" ? (
            <input
              id={`${id}-${field.name}`}
              type="checkbox"
              checked={field.text === "true"}
              onChange={(event) => update(field.name, String(event.target.checked))}
            />
          ) : field.kind === "json" ? (
            <textarea
              id={`${id}-${field.name}`}
              value={field.text}
              rows={3}
              onChange={(event) => update(field.name, event.target.value)}
            />
          ) : (
            <input
              id={`${id}-${field.name}`}
              type={field.kind === "number" ? "number" : "text"}
              step="any"
              value={field.text}
              onChange={(event) => update(field.name, event.target.value)}
            />
          )}
        </label>
      ))}
      {invalid && (
        <p role="alert" className="error">
          {invalid}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={sending}>
          Save adjustment
        </button>
        <button type="button" onClick={onCancel} disabled={sending}>
          Cancel
        </button>
      </div>
    </form>
  );
}
