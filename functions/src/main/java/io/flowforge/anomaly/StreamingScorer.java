package io.flowforge.anomaly;

/**
 * Scores every point of a series in [0, 1] using only the points before it, for offline scoring (the CLI)
 * and for the NAB evaluation. Each point gets a robust surprise: the largest of three robust z-scores
 * against a trailing window — the value against the window's median and interquartile spread, the change
 * from the previous value against recent changes, and the mean of the last few values against the window
 * (level shifts). The score is that surprise relative to the largest surprise seen before, a record that
 * decays slowly: a point scores above 0.5 only when it is more surprising than anything recent, so a noisy
 * series does not keep alerting and an incident alerts when it begins rather than at every point.
 */
public final class StreamingScorer {
  /**
   * Tunable constants; {@link #DEFAULT} is the one configuration used everywhere.
   *
   * @param valueWindow trailing points the robust statistics are taken over
   * @param shortWindow points averaged to detect a level shift
   * @param recordHalfLife points after which the surprise record has decayed by half
   * @param warmup points seen before anything is scored
   * @param floor the smallest surprise record (log1p of a z-score), so the first surprises of a calm series
   *     are not all records
   */
  public record Config(int valueWindow, int shortWindow, double recordHalfLife, int warmup, double floor) {}

  // The floor is a 3-sigma surprise.
  public static final Config DEFAULT = new Config(3000, 10, 3000, 50, Math.log1p(3));

  /** The score at which a point is more surprising than the decayed record. */
  public static final double RECORD_SCORE = SurpriseRecord.RECORD_SCORE;

  private final Config config;

  public StreamingScorer(Config config) {
    this.config = config;
  }

  public StreamingScorer() {
    this(DEFAULT);
  }

  public double[] score(double[] values) {
    return SurpriseRecord.scores(surprises(values), config.recordHalfLife(), config.floor());
  }

  /** Each point's surprise, the log1p of its largest robust z-score; 0 during the warm-up. */
  double[] surprises(double[] values) {
    double[] surprises = new double[values.length];
    SlidingWindow levels = new SlidingWindow(config.valueWindow());
    SlidingWindow changes = new SlidingWindow(config.valueWindow());
    double shortSum = 0;
    for (int i = 0; i < values.length; i++) {
      shortSum += values[i] - (i >= config.shortWindow() ? values[i - config.shortWindow()] : 0);
      if (levels.size() >= config.warmup()) {
        double levelZ = levels.robustZ(values[i]);
        double changeZ = changes.robustZ(values[i] - values[i - 1]);
        // Measured against the spread of single points, not of means: a shift keeps scoring while the
        // spike that started it has passed, but does not set a new record at every point it lasts.
        double shiftZ = levels.robustZ(shortSum / config.shortWindow());
        surprises[i] = Math.log1p(Math.max(Math.abs(levelZ), Math.max(Math.abs(changeZ), Math.abs(shiftZ))));
      }
      levels.add(values[i]);
      if (i > 0) {
        changes.add(values[i] - values[i - 1]);
      }
    }
    return surprises;
  }
}
