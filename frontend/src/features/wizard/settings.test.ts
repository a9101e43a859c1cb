import { describe, expect, it } from "vitest";
import type { StoredSuggestion } from "../../api/types";
import { describeValue, effectiveValue, fromFields, kindLabel, toFields } from "./settings";

const primaryKey: StoredSuggestion = {
  datasetId: "ds_1",
  layer: "SILVER",
  kind: "primary_key",
  suggestion: {
    kind: "primary_key",
    value: { columns: ["transaction_id"], uniqueness: 1 },
    confidence: 0.96,
    reasoning: "unique",
    alternatives: [],
  },
  status: "PROPOSED",
  changedSinceDecision: false,
  changedColumns: [],
  version: 1,
};

describe("settings", () => {
  it("prefills the Adjust form from the setting, and reads the edited form back", () => {
    const fields = toFields({
      enabled: true,
      watermark_column: "transaction_date",
      cluster_by: ["transaction_date", "customer_id"],
      uniqueness: 0.98,
      metrics: [{ name: "n", expression: "COUNT(*)" }],
    });
    expect(fields.map((f) => [f.name, f.kind, f.text])).toEqual([
      ["enabled", "boolean", "true"],
      ["watermark_column", "text", "transaction_date"],
      ["cluster_by", "list", "transaction_date, customer_id"],
      ["uniqueness", "number", "0.98"],
      ["metrics", "json", '[{"name":"n","expression":"COUNT(*)"}]'],
    ]);

    const edited = fields.map((f) =>
      f.name === "cluster_by" ? { ...f, text: "customer_id, , amount" } : f,
    );
    expect(fromFields(edited)).toEqual({
      value: {
        enabled: true,
        watermark_column: "transaction_date",
        cluster_by: ["customer_id", "amount"],
        uniqueness: 0.98,
        metrics: [{ name: "n", expression: "COUNT(*)" }],
      },
    });
  });

  it("names the field that does not parse", () => {
    expect(fromFields([{ name: "uniqueness", kind: "number", text: "high" }])).toEqual({
      error: "uniqueness must be a number.",
    });
    expect(fromFields([{ name: "metrics", kind: "json", text: "[{" }])).toEqual({
      error: "metrics must be valid JSON.",
    });
  });

  it("uses the override only once the suggestion is adjusted", () => {
    const adjusted = {
      ...primaryKey,
      status: "ADJUSTED" as const,
      override: { columns: ["a", "b"] },
    };
    const rejected = { ...adjusted, status: "REJECTED" as const };

    expect(effectiveValue(primaryKey)).toEqual({ columns: ["transaction_id"], uniqueness: 1 });
    expect(effectiveValue(adjusted)).toEqual({ columns: ["a", "b"] });
    expect(effectiveValue(rejected)).toEqual(primaryKey.suggestion.value);
  });

  it("describes values and kinds for people", () => {
    expect(kindLabel("incremental_load")).toBe("Incremental load");
    expect(describeValue(["a", "b"])).toBe("a, b");
    expect(describeValue([])).toBe("none");
    expect(describeValue(false)).toBe("no");
    expect(describeValue(null)).toBe("—");
  });
});
