package io.flowforge.anomaly;

import static io.flowforge.anomaly.ContextualScorerTest.argmax;
import static io.flowforge.anomaly.ContextualScorerTest.max;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ShapeScorerTest {
  private static final double ALERT = OfflineScoring.DEFAULT_THRESHOLD;

  private static double[] withNoise(double[] values, double sigma, long seed) {
    Random random = new Random(seed);
    double[] noisy = values.clone();
    for (int i = 0; i < noisy.length; i++) {
      noisy[i] += random.nextGaussian() * sigma;
    }
    return noisy;
  }

  @Test
  void flagsANoisyRhythmChange_thatPointStatisticsMiss() {
    double[] values = withNoise(ContextualScorerTest.rhythm(3000, 6, 4, 2000, 2100), 0.5, 1);
    double[] scores = new ShapeScorer().score(values);

    int peak = argmax(scores, 500, 3000);
    assertTrue(peak >= 2000 && peak < 2010, "peak at " + peak);
    assertTrue(scores[peak] > ALERT, "peak score " + scores[peak]);
    assertTrue(max(new StreamingScorer().score(values), 2000, 2100) < ALERT);
  }

  @Test
  void flagsACycleThatTurnsOver_withinRange() {
    double[] values = withNoise(ContextualScorerTest.sine(3000, 60), 1, 2);
    // Half a cycle mirrored: every value stays within the usual range.
    for (int i = 2010; i < 2040; i++) {
      values[i] = 100 - values[i];
    }
    double[] scores = new ShapeScorer().score(values);

    int peak = argmax(scores, 500, 3000);
    assertTrue(peak >= 2010 && peak < 2040, "peak at " + peak);
    assertTrue(scores[peak] > ALERT, "peak score " + scores[peak]);
  }

  @Test
  void staysBelowTheRecord_onCleanPeriodicSeries() {
    double[][] series = {ContextualScorerTest.sine(4000, 288), ContextualScorerTest.rhythm(3000, 6, 6, 0, 0)};
    for (double[] values : series) {
      double highest = max(new ShapeScorer().score(values), 0, values.length);
      assertTrue(highest < SurpriseRecord.RECORD_SCORE, "highest score " + highest);
    }
  }

  @Test
  void scoresNothingBeforeTwoShapesAndItsStatistics_andStaysInUnitRange() {
    double[] values = withNoise(ContextualScorerTest.rhythm(1000, 5, 3, 600, 700), 0.5, 3);
    double[] scores = new ShapeScorer().score(values);
    int span = ShapeScorer.DEFAULT.block() * ShapeScorer.DEFAULT.blocks();
    for (int i = 0; i < 2 * span; i++) {
      assertEquals(0.0, scores[i]);
    }
    assertTrue(Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1));
    assertTrue(max(scores, 600, 700) > 0);
  }

  @Test
  void scoresExtremeValuesInUnitRange_andFlagsThem() {
    double[] values = withNoise(ContextualScorerTest.sine(2000, 60), 1, 5);
    values[1500] = Double.MAX_VALUE;
    values[1600] = -Double.MAX_VALUE;
    double[] scores = new ShapeScorer().score(values);

    assertTrue(Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1), "every score in [0, 1]");
    assertTrue(max(scores, 1500, 1510) > ALERT);
  }

  @Test
  void isCausal_aPointsScoreDependsOnlyOnEarlierPoints() {
    double[] values = withNoise(ContextualScorerTest.rhythm(2500, 6, 4, 2000, 2100), 0.5, 4);
    double[] full = new ShapeScorer().score(values);
    double[] prefix = new ShapeScorer().score(Arrays.copyOf(values, 2050));

    assertArrayEquals(prefix, Arrays.copyOf(full, 2050));
  }
}
