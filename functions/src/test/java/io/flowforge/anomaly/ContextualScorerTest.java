package io.flowforge.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ContextualScorerTest {
  private static final double ALERT = OfflineScoring.DEFAULT_THRESHOLD;

  /** Two high points every {@code period}, except a stretch where the period is {@code changed}. */
  static double[] rhythm(int n, int period, int changed, int from, int to) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      int p = i >= from && i < to ? changed : period;
      values[i] = i % p < 2 ? 10 : 0;
    }
    return values;
  }

  static double[] sine(int n, int period) {
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = 50 + 40 * Math.sin(2 * Math.PI * i / period);
    }
    return values;
  }

  static double max(double[] values, int from, int to) {
    return Arrays.stream(values, from, to).max().orElseThrow();
  }

  static int argmax(double[] values, int from, int to) {
    int best = from;
    for (int i = from; i < to; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void flagsARhythmChange_thatPointStatisticsMiss() {
    // Same two values, same changes, same mean: only the order of the values is new.
    double[] values = rhythm(3000, 6, 4, 2000, 2100);
    double[] scores = new ContextualScorer().score(values);

    int peak = argmax(scores, 500, 3000);
    assertTrue(peak >= 2000 && peak < 2010, "peak at " + peak);
    assertTrue(scores[peak] > ALERT, "peak score " + scores[peak]);
    assertTrue(max(new StreamingScorer().score(values), 2000, 2100) < ALERT);
  }

  @Test
  void staysBelowTheRecord_onCleanPeriodicSeries() {
    for (double[] values : new double[][] {sine(4000, 288), rhythm(3000, 6, 6, 0, 0)}) {
      double[] scores = new ContextualScorer().score(values);
      double highest = max(scores, 0, values.length);
      assertTrue(highest < SurpriseRecord.RECORD_SCORE, "highest score " + highest);
    }
  }

  @Test
  void scoresNothingDuringWarmup_andStaysInUnitRange() {
    double[] scores = new ContextualScorer().score(rhythm(1000, 5, 3, 600, 700));
    for (int i = 0; i < ContextualScorer.DEFAULT.warmup(); i++) {
      assertEquals(0.0, scores[i]);
    }
    assertTrue(Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1));
    assertTrue(max(scores, 600, 700) > 0);
  }

  @Test
  void isCausal_aPointsScoreDependsOnlyOnEarlierPoints() {
    double[] values = rhythm(2500, 6, 4, 2000, 2100);
    double[] full = new ContextualScorer().score(values);
    double[] prefix = new ContextualScorer().score(Arrays.copyOf(values, 2050));

    assertArrayEquals(prefix, Arrays.copyOf(full, 2050));
  }
}
