package io.flowforge.anomaly;

/** How far outside its band an anomalous value lies, relative to the band's width. */
public enum Severity {
  LOW,
  MEDIUM,
  HIGH;

  /** From the distance beyond the expected value in band half-widths (1 = on the band edge). */
  static Severity ofExcess(double bandWidths) {
    if (bandWidths >= 3) {
      return HIGH;
    }
    return bandWidths >= 1.75 ? MEDIUM : LOW;
  }
}
