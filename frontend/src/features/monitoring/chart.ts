import type { SeriesPoint } from "../../api/types";

/** Where a series lands in an SVG of `width` × `height`, with room for axes inside `padding`. */
export interface ChartGeometry {
  /** The value line through every point, as an SVG path. */
  line: string;
  /** The expected band as a closed SVG path (upper edge left to right, lower edge back); empty without bands. */
  band: string;
  points: { x: number; y: number; point: SeriesPoint }[];
  minValue: number;
  maxValue: number;
}

const round = (value: number) => Math.round(value * 10) / 10;

/**
 * Scales a series to the chart: time on x (oldest left), value on y (largest at the top), with the
 * y range covering both the values and the bands so a band is never clipped. Pure, so it is tested
 * without rendering.
 */
export function chartGeometry(
  series: readonly SeriesPoint[],
  width: number,
  height: number,
  padding = 24,
): ChartGeometry {
  if (series.length === 0) {
    return { line: "", band: "", points: [], minValue: 0, maxValue: 0 };
  }
  const times = series.map((point) => Date.parse(point.at));
  const values = series.flatMap((point) =>
    [point.value, point.lower, point.upper].filter(
      (value): value is number => typeof value === "number",
    ),
  );
  const minTime = Math.min(...times);
  const maxTime = Math.max(...times);
  let minValue = Math.min(...values);
  let maxValue = Math.max(...values);
  if (minValue === maxValue) {
    // A flat series still needs a visible range; centre it.
    minValue -= 1;
    maxValue += 1;
  }
  const x = (time: number) =>
    maxTime === minTime
      ? width / 2
      : padding + ((time - minTime) / (maxTime - minTime)) * (width - 2 * padding);
  const y = (value: number) =>
    height - padding - ((value - minValue) / (maxValue - minValue)) * (height - 2 * padding);

  const points = series.map((point, index) => ({
    x: round(x(times[index] ?? minTime)),
    y: round(y(point.value)),
    point,
  }));
  const line = points.map((p, index) => `${index === 0 ? "M" : "L"}${p.x},${p.y}`).join(" ");
  const banded = series
    .map((point, index) => ({ point, time: times[index] ?? minTime }))
    .filter(({ point }) => typeof point.lower === "number" && typeof point.upper === "number");
  const upper = banded.map(({ point, time }) => `${round(x(time))},${round(y(point.upper ?? 0))}`);
  const lower = banded
    .map(({ point, time }) => `${round(x(time))},${round(y(point.lower ?? 0))}`)
    .reverse();
  const band = banded.length === 0 ? "" : `M${[...upper, ...lower].join(" L")} Z`;
  return { line, band, points, minValue, maxValue };
}
