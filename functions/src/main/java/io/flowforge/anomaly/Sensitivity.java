package io.flowforge.anomaly;

/**
 * How readily a monitor alerts: the half-width of the expected band in robust standard deviations. Lower
 * sensitivity means a wider band and fewer alerts.
 */
public enum Sensitivity {
  LOW(4.5),
  MEDIUM(3.5),
  HIGH(2.5);

  private final double bandWidth;

  Sensitivity(double bandWidth) {
    this.bandWidth = bandWidth;
  }

  /** Band half-width in robust standard deviations. */
  public double bandWidth() {
    return bandWidth;
  }
}
