package io.flowforge.anomaly;

/**
 * What a baseline expects at one time: the expected value, the band outside which a value is anomalous,
 * and the robust spread (one standard deviation equivalent) the band is measured in.
 */
public record Band(double expected, double lower, double upper, double scale) {
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }

  /** Signed distance from the expected value in units of scale. */
  public double zScore(double value) {
    return (value - expected) / scale;
  }
}
