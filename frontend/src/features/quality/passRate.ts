/**
 * A pass rate between 0 and 1 as a percentage. It is floored to one decimal so a rule that fails
 * even one row in a million never reads "100.0 %".
 */
export function passRateLabel(passRate: number): string {
  const tenths = Math.floor(passRate * 1000) / 10;
  return `${tenths.toFixed(1)} %`;
}
