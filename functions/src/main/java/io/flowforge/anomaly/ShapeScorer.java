package io.flowforge.anomaly;

/**
 * Scores every point in [0, 1] by how far the recent shape of the series lies from every shape seen
 * before, using only earlier points. The shape at a point is the means of its last few blocks of values (8
 * blocks of 6 points by default: the last 48 points, smoothed); its distance to the nearest of the recently
 * remembered shapes is a nearest-neighbour non-conformity score, which stays small while the series repeats
 * itself however it moves, and grows when a stretch looks like nothing before it — a rhythm that changes or
 * stops, a cycle that turns over. The distance is compared, as a robust z-score, with the distances seen
 * before and scored against a decaying {@link SurpriseRecord}, on the same scale as {@link StreamingScorer}.
 */
public final class ShapeScorer {
  /**
   * Tunable constants; {@link #DEFAULT} is the one configuration used everywhere.
   *
   * @param block values averaged into one coordinate of a shape
   * @param blocks coordinates of a shape
   * @param memory most recent shapes searched for the nearest
   * @param statsWindow trailing distances the robust z-score is taken against
   * @param recordHalfLife points after which the surprise record has decayed by half
   * @param floor the smallest surprise record (log1p of a z-score)
   */
  public record Config(
      int block, int blocks, int memory, int statsWindow, double recordHalfLife, double floor) {}

  public static final Config DEFAULT = new Config(6, 8, 3000, 8000, 8000, Math.log1p(5));

  // Distances are compared only once this many are known.
  private static final int MIN_DISTANCES = 50;

  private final Config config;

  public ShapeScorer(Config config) {
    this.config = config;
  }

  public ShapeScorer() {
    this(DEFAULT);
  }

  public double[] score(double[] values) {
    return SurpriseRecord.scores(surprises(values), config.recordHalfLife(), config.floor());
  }

  /** Each point's surprise, the log1p of the rise of its nearest-shape distance; 0 during the warm-up. */
  double[] surprises(double[] values) {
    int n = values.length;
    int span = config.block() * config.blocks();
    // Summed afresh at every point: a running sum would carry the rounding error of a huge value long
    // after it has left the block, and each value is divided first so extreme values cannot overflow.
    double[] blockMean = new double[n];
    for (int i = config.block() - 1; i < n; i++) {
      for (int k = 0; k < config.block(); k++) {
        blockMean[i] += values[i - k] / config.block();
      }
    }
    double[] surprises = new double[n];
    SlidingWindow distances = new SlidingWindow(config.statsWindow());
    for (int i = 2 * span; i < n; i++) {
      // Shapes that overlap the current one are its own recent past, not a precedent.
      int newest = i - span;
      int oldest = Math.max(span - 1, newest - config.memory());
      double nearest = Double.POSITIVE_INFINITY;
      for (int j = newest; j >= oldest; j--) {
        double d = 0;
        // Stops adding once the shape is already farther than the nearest so far.
        for (int k = 0; k < config.blocks() && d < nearest; k++) {
          double diff = blockMean[i - k * config.block()] - blockMean[j - k * config.block()];
          d += diff * diff;
        }
        nearest = Math.min(nearest, d);
      }
      // Two shapes at opposite ends of the double range are farther apart than a double can say.
      double distance = Math.min(Math.sqrt(nearest), Double.MAX_VALUE);
      if (distances.size() >= MIN_DISTANCES) {
        surprises[i] = Math.log1p(Math.max(0, distances.robustZ(distance)));
      }
      distances.add(distance);
    }
    return surprises;
  }
}
