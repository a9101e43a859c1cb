package io.flowforge.anomaly;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a whole series offline with the {@link EnsembleScorer} and flags the points the default
 * {@link AlertRule} alerts on: a score at the threshold, and no flag in the quiet period before.
 */
public final class OfflineScoring {
  /**
   * The default alert threshold: the corpus-wide optimum of the NAB standard profile for the default
   * configuration and quiet period (docs/evaluation-nab.md), i.e. about 5 % more surprising than the
   * decayed record.
   */
  public static final double DEFAULT_THRESHOLD = 0.5274;

  /** One scored point; points in the learning period are scored but never flagged. */
  public record ScoredPoint(Instant timestamp, double value, double score, boolean flagged) {}

  /**
   * All points with their scores, the number of leading points spent learning, the points after a flag
   * during which no other point is flagged, and the flagged ones.
   */
  public record Result(
      double threshold,
      int learningPoints,
      int quietPoints,
      List<ScoredPoint> points,
      List<ScoredPoint> flagged) {}

  private OfflineScoring() {}

  public static Result score(List<Observation> series, double threshold) {
    double[] values = series.stream().mapToDouble(Observation::value).toArray();
    double[] scores = new EnsembleScorer().score(values);
    int learning = learningPoints(values.length);
    AlertRule rule = new AlertRule(threshold, AlertRule.DEFAULT_QUIET_POINTS);
    boolean[] alerts = rule.alerts(scores, learning);
    List<ScoredPoint> points = new ArrayList<>(values.length);
    for (int i = 0; i < values.length; i++) {
      points.add(new ScoredPoint(series.get(i).at(), values[i], scores[i], alerts[i]));
    }
    List<ScoredPoint> flagged = points.stream().filter(ScoredPoint::flagged).toList();
    return new Result(threshold, learning, rule.quietPoints(), points, flagged);
  }

  /**
   * Leading points that are not flagged while the surprise record settles: 15 % of the series, at most 750
   * points, as NAB's probationary period, and never fewer than twice the scorer's warm-up.
   */
  static int learningPoints(int size) {
    int probation = (int) Math.min(Math.floor(0.15 * size), 750);
    return Math.min(size, Math.max(probation, 2 * StreamingScorer.DEFAULT.warmup()));
  }
}
