import { describe, expect, it } from "vitest";
import { passRateLabel } from "./passRate";

describe("pass rate label", () => {
  it("never rounds a failing rule up to 100 %", () => {
    expect(passRateLabel(1)).toBe("100.0 %");
    expect(passRateLabel(0.99999)).toBe("99.9 %");
    expect(passRateLabel(2 / 3)).toBe("66.6 %");
    expect(passRateLabel(0)).toBe("0.0 %");
  });
});
