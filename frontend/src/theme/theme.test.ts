import { describe, expect, it } from "vitest";
import { applyTheme, confidenceColors, confidenceLevel } from "./theme";

describe("confidenceLevel", () => {
  it.each([
    [1, "high"],
    [0.9, "high"],
    [0.8999, "medium"],
    [0.7, "medium"],
    [0.6999, "low"],
    [0, "low"],
  ])("calls %f %s", (confidence, level) => {
    expect(confidenceLevel(confidence)).toBe(level);
  });
});

describe("applyTheme", () => {
  it("publishes the confidence colours as CSS custom properties", () => {
    const root = document.createElement("div");

    applyTheme(root);

    expect(root.style.getPropertyValue("--confidence-high")).toBe(confidenceColors.high);
    expect(root.style.getPropertyValue("--confidence-medium")).toBe("#3B82F6");
    expect(root.style.getPropertyValue("--confidence-low")).toBe("#F59E0B");
  });
});
