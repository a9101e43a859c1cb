package io.flowforge.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SurpriseLikelihoodTest {
  private static final SurpriseLikelihood.Config CONFIG = new SurpriseLikelihood.Config(10, 5.5);

  private static double[] noise(int n, long seed) {
    Random random = new Random(seed);
    double[] surprises = new double[n];
    for (int i = 0; i < n; i++) {
      surprises[i] = Math.abs(random.nextGaussian());
    }
    return surprises;
  }

  @Test
  void upperTail_matchesTheNormalDistribution() {
    assertEquals(Math.log(0.5), SurpriseLikelihood.logUpperTail(0), 1e-7);
    assertEquals(Math.log(0.025), SurpriseLikelihood.logUpperTail(1.959964), 1e-6);
    assertEquals(Math.log(0.99865010), SurpriseLikelihood.logUpperTail(-3), 1e-7);
    // 7.6199e-24, far below what 1 - p could tell apart from 0.
    assertEquals(Math.log(7.6198530e-24), SurpriseLikelihood.logUpperTail(10), 1e-5);
    assertTrue(SurpriseLikelihood.logUpperTail(40) < SurpriseLikelihood.logUpperTail(39));
  }

  @Test
  void scoresARunOfLargeSurprises_butNotTheNoiseBeforeIt() {
    double[] surprises = noise(3000, 1);
    for (int i = 2000; i < 2030; i++) {
      surprises[i] += 3;
    }
    double[] scores = SurpriseLikelihood.scores(surprises, CONFIG);

    assertEquals(0.0, scores[50]);
    double calm = Arrays.stream(scores, 500, 2000).max().orElseThrow();
    assertTrue(calm < 0.5, "calm noise stays below the record score: " + calm);
    assertEquals(1.0, scores[2009]);
    int first = 2000;
    while (scores[first] < 0.5) {
      first++;
    }
    assertTrue(first < 2005, "first above the record score at " + first);
  }

  @Test
  void isCausal_andStaysInTheUnitRange() {
    double[] surprises = noise(2000, 2);
    surprises[1500] = 700; // the log1p of the largest z-score a double can hold
    double[] scores = SurpriseLikelihood.scores(surprises, CONFIG);

    assertTrue(Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1));
    double[] prefix = SurpriseLikelihood.scores(Arrays.copyOf(surprises, 1000), CONFIG);
    assertArrayEquals(Arrays.copyOf(scores, 1000), prefix);
  }
}
