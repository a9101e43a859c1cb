/**
 * Design tokens shared by every feature. Colours used by CSS are also published as custom
 * properties (see {@link applyTheme}) so TypeScript and stylesheets read the same values.
 */
export const colors = {
  text: "#1F2937",
  muted: "#6B7280",
  border: "#D1D5DB",
  surface: "#FFFFFF",
  background: "#F9FAFB",
  accent: "#2563EB",
  danger: "#B91C1C",
  success: "#047857",
  focus: "#1D4ED8",
} as const;

export type ConfidenceLevel = "high" | "medium" | "low";

/** Badge colours for suggestion confidence: High ≥ 90 %, Medium 70–89 %, Low < 70 %. */
export const confidenceColors: Record<ConfidenceLevel, string> = {
  high: "#10B981",
  medium: "#3B82F6",
  low: "#F59E0B",
};

/** The level of a confidence between 0 and 1, as the API reports it. */
export function confidenceLevel(confidence: number): ConfidenceLevel {
  if (confidence >= 0.9) return "high";
  if (confidence >= 0.7) return "medium";
  return "low";
}

/** Publishes the tokens as CSS custom properties (`--color-accent`, `--confidence-high`, …). */
export function applyTheme(root: HTMLElement): void {
  for (const [name, value] of Object.entries(colors))
    root.style.setProperty(`--color-${name}`, value);
  for (const [level, value] of Object.entries(confidenceColors)) {
    root.style.setProperty(`--confidence-${level}`, value);
  }
}
