import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Decision, StoredSuggestion } from "../../api/types";
import { confidenceColors } from "../../theme/theme";
import { SuggestionCard } from "./SuggestionCard";

function suggestion(confidence: number, fields: Partial<StoredSuggestion> = {}): StoredSuggestion {
  return {
    datasetId: "ds_1",
    layer: "BRONZE",
    kind: "incremental_load",
    suggestion: {
      kind: "incremental_load",
      value: { enabled: true, watermark_column: "transaction_date" },
      confidence,
      reasoning: "'transaction_date' is a timestamp column, increasing in file order",
      alternatives: [],
    },
    status: "PROPOSED",
    changedSinceDecision: false,
    changedColumns: [],
    version: 3,
    ...fields,
  };
}

function renderCard(item: StoredSuggestion) {
  const decisions: Omit<Decision, "version">[] = [];
  render(
    <SuggestionCard
      item={item}
      onDecide={async (decision) => {
        decisions.push(decision);
      }}
    />,
  );
  return { decisions, user: userEvent.setup() };
}

describe("suggestion card", () => {
  it.each([
    [0.95, "High 95 %", confidenceColors.high],
    [0.9, "High 90 %", confidenceColors.high],
    [0.89, "Medium 89 %", confidenceColors.medium],
    [0.7, "Medium 70 %", confidenceColors.medium],
    [0.69, "Low 69 %", confidenceColors.low],
  ])("shows confidence %s as %s", (confidence, text, color) => {
    renderCard(suggestion(confidence));

    const badge = screen.getByText(text, { exact: false });
    expect(badge.textContent).toBe(`${text} confidence`);
    // Browsers report rgb(), the DOM used in unit tests keeps the hex as written.
    expect([color.toLowerCase(), hexToRgb(color)]).toContain(
      badge.style.backgroundColor.toLowerCase(),
    );
  });

  it("shows the setting and why, and accepts", async () => {
    const { decisions, user } = renderCard(suggestion(0.94));

    const card = screen.getByRole("article", { name: "Incremental load" });
    expect(within(card).getByText("transaction_date")).toBeTruthy();
    expect(within(card).getByText(/increasing in file order/)).toBeTruthy();
    await user.click(within(card).getByRole("button", { name: "Accept & continue" }));

    expect(decisions).toEqual([{ action: "accept" }]);
  });

  it("adjusts through a form prefilled with the setting", async () => {
    const { decisions, user } = renderCard(suggestion(0.8));

    await user.click(screen.getByRole("button", { name: "Adjust" }));
    const form = screen.getByRole("form", { name: "Adjust Incremental load" });
    const watermark = within(form).getByRole("textbox", { name: "Watermark column" });
    expect((watermark as HTMLInputElement).value).toBe("transaction_date");
    await user.clear(watermark);
    await user.type(watermark, "updated_at");
    await user.click(within(form).getByRole("button", { name: "Save adjustment" }));

    expect(decisions).toEqual([
      { action: "adjust", override: { enabled: true, watermark_column: "updated_at" } },
    ]);
  });

  it("warns when a later profile changed what a decision rests on", () => {
    renderCard(
      suggestion(0.9, {
        status: "ACCEPTED",
        changedSinceDecision: true,
        changedColumns: ["amount"],
      }),
    );

    expect(screen.getByRole("note").textContent).toBe("Changed since you decided: amount");
    expect(screen.getByText("Accepted")).toBeTruthy();
  });
});

function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}
