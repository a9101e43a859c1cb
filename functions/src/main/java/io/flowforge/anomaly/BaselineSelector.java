package io.flowforge.anomaly;

import java.util.Arrays;
import java.util.List;

/**
 * Chooses a baseline per series by fit: each candidate is trained on all but the most recent fifth of the
 * training points and scored by its median absolute error on that held-out fifth, in the spirit of a
 * rolling-origin backtest. A more complex baseline must beat the simplest one by a clear margin, so noise
 * does not flip a series between baselines from one check to the next.
 */
public final class BaselineSelector {
  /** A candidate must cut the held-out error by this factor to replace the simpler choice. */
  static final double REQUIRED_IMPROVEMENT = 0.8;

  private BaselineSelector() {}

  public static BaselineKind.Fitted select(List<Observation> training, MonitorSettings settings) {
    int holdout = Math.max(1, training.size() / 5);
    List<Observation> fitPart = training.subList(0, training.size() - holdout);
    List<Observation> checkPart = training.subList(training.size() - holdout, training.size());
    BaselineKind best = BaselineKind.MEDIAN_MAD;
    double bestError = heldOutError(BaselineKind.MEDIAN_MAD, fitPart, checkPart, settings);
    for (BaselineKind candidate :
        List.of(BaselineKind.ROLLING_ZSCORE, BaselineKind.HOUR_OF_DAY, BaselineKind.DAY_OF_WEEK)) {
      if (!candidate.fits(fitPart, settings.zone())) {
        continue;
      }
      double error = heldOutError(candidate, fitPart, checkPart, settings);
      if (error < bestError * REQUIRED_IMPROVEMENT) {
        best = candidate;
        bestError = error;
      }
    }
    if (best == BaselineKind.MEDIAN_MAD && isSkewed(training)) {
      best = BaselineKind.IQR;
    }
    return best.fit(training, settings);
  }

  private static double heldOutError(
      BaselineKind kind, List<Observation> fitPart, List<Observation> checkPart, MonitorSettings settings) {
    BaselineKind.Fitted fitted = kind.fit(fitPart, settings);
    double[] errors = new double[checkPart.size()];
    for (int i = 0; i < errors.length; i++) {
      Observation point = checkPart.get(i);
      errors[i] = Math.abs(point.value() - fitted.band(point.at(), 1).expected());
    }
    return RobustStats.median(errors);
  }

  // Skewed when the octile skewness (the quartile-based Bowley measure taken at the 1/8 and 7/8 octiles,
  // less noisy on short histories) exceeds 0.3, about where one tail is twice the other: symmetric MAD
  // bands would then be too tight on the long side.
  private static boolean isSkewed(List<Observation> training) {
    double[] values = training.stream().mapToDouble(Observation::value).toArray();
    Arrays.sort(values);
    double low = RobustStats.quantileOfSorted(values, 0.125);
    double median = RobustStats.quantileOfSorted(values, 0.5);
    double high = RobustStats.quantileOfSorted(values, 0.875);
    double spread = high - low;
    return spread > 0 && Math.abs((high + low - 2 * median) / spread) > 0.3;
  }
}
