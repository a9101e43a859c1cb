import type { RecordedAnomaly, SeriesPoint } from "../../api/types";
import { chartGeometry } from "./chart";

const WIDTH = 640;
const HEIGHT = 220;

/** A metric's history: the expected band shaded, the values as a line, anomalies marked. */
export function HistoryChart({
  title,
  points,
  anomalies,
}: {
  title: string;
  points: readonly SeriesPoint[];
  anomalies: readonly RecordedAnomaly[];
}) {
  const geometry = chartGeometry(points, WIDTH, HEIGHT);
  const anomalyTimes = new Set(anomalies.map((anomaly) => Date.parse(anomaly.anomaly.at)));
  if (points.length === 0) return <p>No points yet: post a run report to start the history.</p>;
  return (
    <svg
      className="history-chart"
      role="img"
      aria-label={`History of ${title}: ${points.length} points, ${anomalies.length} anomalies`}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
    >
      {geometry.band && <path className="history-band" d={geometry.band} data-testid="band" />}
      <path className="history-line" d={geometry.line} fill="none" />
      {geometry.points.map(({ x, y, point }) => {
        const anomalous = anomalyTimes.has(Date.parse(point.at));
        const label = `${new Date(point.at).toISOString()}: ${point.value}`;
        return (
          <circle
            key={point.at}
            cx={x}
            cy={y}
            r={anomalous ? 5 : 2.5}
            className={
              anomalous
                ? "history-anomaly"
                : point.markedExpected
                  ? "history-expected"
                  : "history-point"
            }
            data-anomaly={anomalous ? "true" : undefined}
          >
            <title>{anomalous ? `Anomaly at ${label}` : label}</title>
          </circle>
        );
      })}
      <text x={4} y={14} className="history-axis">
        {geometry.maxValue.toLocaleString()}
      </text>
      <text x={4} y={HEIGHT - 4} className="history-axis">
        {geometry.minValue.toLocaleString()}
      </text>
    </svg>
  );
}
