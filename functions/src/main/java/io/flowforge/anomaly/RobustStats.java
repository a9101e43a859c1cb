package io.flowforge.anomaly;

import java.util.Arrays;

/** Order statistics and moments over small arrays, used by every baseline. */
final class RobustStats {
  /** Scales a median absolute deviation to a standard deviation under normality. */
  static final double MAD_TO_SIGMA = 1.4826;
  /** Scales an interquartile range to a standard deviation under normality. */
  static final double IQR_TO_SIGMA = 1 / 1.349;

  private RobustStats() {}

  static double median(double[] values) {
    return quantile(values, 0.5);
  }

  /** Linear-interpolated quantile (the R-7 / numpy default definition). */
  static double quantile(double[] values, double q) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return quantileOfSorted(sorted, q);
  }

  static double quantileOfSorted(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double position = q * (sorted.length - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, sorted.length - 1);
    return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
  }

  static double mad(double[] values, double center) {
    double[] deviations = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      deviations[i] = Math.abs(values[i] - center);
    }
    return median(deviations);
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double value : values) {
      sum += value;
    }
    return values.length == 0 ? Double.NaN : sum / values.length;
  }

  static double std(double[] values, double mean) {
    if (values.length < 2) {
      return 0;
    }
    double sum = 0;
    for (double value : values) {
      sum += (value - mean) * (value - mean);
    }
    return Math.sqrt(sum / (values.length - 1));
  }

  /**
   * A spread that is never zero: a constant history still gets a small band (1 % of its level, or 1e-9), so a
   * change from a flat line is flagged rather than divided by zero.
   */
  static double floorScale(double scale, double center) {
    double floor = Math.max(1e-9, Math.abs(center) * 0.01);
    return Double.isFinite(scale) && scale > floor ? scale : floor;
  }
}
