package io.flowforge.anomaly;

/**
 * Which scored points raise an alert: a point alerts when its score reaches the threshold and no alert was
 * raised in the {@code quietPoints} points before it. An incident that keeps scoring high (the scores of
 * its later points rise past the decayed record again and again, or a noisy burst crosses the threshold
 * several times) then alerts once, when it begins, instead of at every crossing — what an operator wants,
 * and what NAB rewards: only the earliest detection in a window counts, while every further detection
 * outside it costs a false positive (docs/evaluation-nab.md).
 *
 * @param threshold the score at which a point alerts, in (0, 1]
 * @param quietPoints points after an alert during which no other alert is raised; 0 alerts at every crossing
 */
public record AlertRule(double threshold, int quietPoints) {
  /**
   * The quiet period of the default rule: the corpus-wide optimum on NAB with one setting for every file and
   * profile (50 and 150 points score lower, 400 much lower: a longer silence starts to hide the next
   * incident).
   */
  public static final int DEFAULT_QUIET_POINTS = 100;

  public AlertRule {
    if (quietPoints < 0) {
      throw new IllegalArgumentException("quietPoints must not be negative: " + quietPoints);
    }
  }

  /** Which points alert; the points before {@code from} (still learning) never do, nor silence others. */
  public boolean[] alerts(double[] scores, int from) {
    boolean[] alerts = new boolean[scores.length];
    int lastAlert = Integer.MIN_VALUE;
    for (int i = Math.max(0, from); i < scores.length; i++) {
      if (scores[i] >= threshold && (lastAlert == Integer.MIN_VALUE || i - lastAlert > quietPoints)) {
        alerts[i] = true;
        lastAlert = i;
      }
    }
    return alerts;
  }
}
