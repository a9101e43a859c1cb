import type { SettingValue, StoredSuggestion } from "../../api/types";

/** A suggestion kind as a person reads it: `incremental_load` → "Incremental load". */
export function kindLabel(kind: string): string {
  const words = kind.split("_").join(" ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A confidence between 0 and 1 as a whole percentage. */
export function percent(confidence: number): string {
  return `${Math.round(confidence * 100)} %`;
}

/** The setting in force: the person's override when adjusted, the suggestion's value otherwise. */
export function effectiveValue(item: StoredSuggestion): SettingValue {
  return item.status === "ADJUSTED" && item.override ? item.override : item.suggestion.value;
}

/** One setting value as short text: lists joined by commas, objects as compact JSON. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (Array.isArray(value)) {
    if (value.length === 0) return "none";
    return value.every((v) => typeof v !== "object") ? value.join(", ") : JSON.stringify(value);
  }
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** How a field of a setting is edited: its kind decides the input shown. */
export type FieldKind = "boolean" | "number" | "text" | "list" | "json";

export interface EditableField {
  name: string;
  kind: FieldKind;
  /** The text in the input (checkbox fields use "true" / "false"). */
  text: string;
}

function fieldKind(value: unknown): FieldKind {
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return "number";
  if (typeof value === "string") return "text";
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return "list";
  return "json";
}

/** The fields of a setting, prefilled with its values, for the Adjust form. */
export function toFields(value: SettingValue): EditableField[] {
  return Object.entries(value).map(([name, v]) => {
    const kind = fieldKind(v);
    const text =
      kind === "list"
        ? (v as string[]).join(", ")
        : kind === "json"
          ? JSON.stringify(v)
          : String(v ?? "");
    return { name, kind, text };
  });
}

/**
 * The setting the Adjust form describes, or an error naming the field that does not parse. Lists
 * are comma-separated; empty entries are dropped.
 */
export function fromFields(fields: EditableField[]): { value: SettingValue } | { error: string } {
  const value: SettingValue = {};
  for (const field of fields) {
    switch (field.kind) {
      case "boolean":
        value[field.name] = field.text === "true";
        break;
      case "number": {
        const number = Number(field.text);
        if (field.text.trim() === "" || Number.isNaN(number)) {
          return { error: `${field.name} must be a number.` };
        }
        value[field.name] = number;
        break;
      }
      case "text":
        value[field.name] = field.text;
        break;
      case "list":
        value[field.name] = field.text
          .split(",")
          .map((part) => part.trim())
          .filter((part) => part !== "");
        break;
      case "json":
        try {
          value[field.name] = JSON.parse(field.text) as unknown;
        } catch {
          return { error: `${field.name} must be valid JSON.` };
        }
        break;
    }
  }
  return { value };
}
