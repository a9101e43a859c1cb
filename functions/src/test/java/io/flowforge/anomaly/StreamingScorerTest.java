package io.flowforge.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StreamingScorerTest {
  private static double[] noise(int n, long seed) {
    Random random = new Random(seed);
    double[] values = new double[n];
    for (int i = 0; i < n; i++) {
      values[i] = 100 + random.nextGaussian() * 5;
    }
    return values;
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }

  @Test
  void scoresSpikeHighest_andAboveTheRecordLevel() {
    double[] values = noise(2000, 1);
    values[1500] = 200;
    double[] scores = new StreamingScorer().score(values);

    assertEquals(1500, argmax(scores));
    assertTrue(scores[1500] > StreamingScorer.RECORD_SCORE);
  }

  @Test
  void flagsLevelShift_whereItBegins() {
    double[] values = noise(2000, 2);
    for (int i = 1200; i < values.length; i++) {
      values[i] += 30;
    }
    double[] scores = new StreamingScorer().score(values);
    int peak = argmax(Arrays.copyOfRange(scores, 1000, 2000)) + 1000;
    assertTrue(peak >= 1200 && peak < 1215, "peak at " + peak);
  }

  @Test
  void scoresOnlyAfterWarmup_andStaysInUnitRange() {
    double[] scores = new StreamingScorer().score(noise(500, 3));
    for (int i = 0; i < StreamingScorer.DEFAULT.warmup(); i++) {
      assertEquals(0.0, scores[i]);
    }
    assertTrue(Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1));
  }

  @Test
  void raisesOneAlertPerIncident_notOnePerPoint() {
    double[] values = noise(3000, 4);
    for (int i = 2000; i < 2020; i++) {
      values[i] = 180;
    }
    double[] scores = new StreamingScorer().score(values);
    // A tenth above the record, about where the NAB-optimised thresholds sit.
    double alert = StreamingScorer.RECORD_SCORE * 1.1;
    long alerts = Arrays.stream(scores, 2000, 2020).filter(s -> s > alert).count();
    assertTrue(scores[2000] > alert);
    assertEquals(1, alerts, "points alerting during one incident");
  }
}
