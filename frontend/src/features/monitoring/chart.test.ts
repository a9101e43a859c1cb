import { describe, expect, it } from "vitest";
import type { SeriesPoint } from "../../api/types";
import { chartGeometry } from "./chart";

const point = (day: number, value: number, lower?: number, upper?: number): SeriesPoint => ({
  at: `2026-01-${String(day).padStart(2, "0")}T02:00:00Z`,
  value,
  markedExpected: false,
  lower: lower ?? null,
  upper: upper ?? null,
  status: lower === undefined ? "INSUFFICIENT_HISTORY" : "NORMAL",
});

describe("chartGeometry", () => {
  it("puts the oldest point left, the newest right and larger values higher", () => {
    const geometry = chartGeometry([point(1, 10), point(2, 20), point(3, 0)], 200, 100, 10);

    expect(geometry.points.map((p) => p.x)).toEqual([10, 100, 190]);
    expect(geometry.points.map((p) => p.y)).toEqual([50, 10, 90]);
    expect(geometry.line).toBe("M10,50 L100,10 L190,90");
  });

  it("widens the value range to the band, so a band is never clipped", () => {
    const geometry = chartGeometry([point(1, 10, 0, 40), point(2, 12, 2, 38)], 200, 100, 10);

    expect(geometry.minValue).toBe(0);
    expect(geometry.maxValue).toBe(40);
    expect(geometry.band.startsWith("M10,10 L190,")).toBe(true);
    expect(geometry.band.endsWith("L10,90 Z")).toBe(true);
  });

  it("draws no band for points without one, and centres a flat single point", () => {
    const geometry = chartGeometry([point(1, 5)], 200, 100, 10);

    expect(geometry.band).toBe("");
    expect(geometry.points[0]).toMatchObject({ x: 100, y: 50 });
  });
});
