import { confidenceColors, confidenceLevel } from "../../theme/theme";
import { percent } from "./settings";

const levelNames = { high: "High", medium: "Medium", low: "Low" } as const;

/** "High 94 %" on the level's colour: green ≥ 90 %, blue 70–89 %, amber below. */
export function ConfidenceBadge({ confidence }: { confidence: number }) {
  const level = confidenceLevel(confidence);
  return (
    <span
      className={`confidence confidence-${level}`}
      style={{ backgroundColor: confidenceColors[level] }}
    >
      {levelNames[level]} {percent(confidence)}
      <span className="visually-hidden"> confidence</span>
    </span>
  );
}
