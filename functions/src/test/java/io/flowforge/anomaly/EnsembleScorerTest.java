package io.flowforge.anomaly;

import static io.flowforge.anomaly.ContextualScorerTest.argmax;
import static io.flowforge.anomaly.ContextualScorerTest.max;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EnsembleScorerTest {
  private static final double ALERT = OfflineScoring.DEFAULT_THRESHOLD;

  private static double[] noisySine(int n, long seed) {
    Random random = new Random(seed);
    double[] values = ContextualScorerTest.sine(n, 288);
    for (int i = 0; i < n; i++) {
      values[i] += random.nextGaussian() * 2;
    }
    return values;
  }

  @Test
  void flagsASpike_whereItIs() {
    double[] values = noisySine(4000, 1);
    values[3000] = 200;
    double[] scores = new EnsembleScorer().score(values);

    assertEquals(3000, argmax(scores, 0, 4000));
    assertEquals(1.0, scores[3000]);
  }

  @Test
  void flagsALevelShift_whereItBegins() {
    double[] values = noisySine(4000, 2);
    for (int i = 3000; i < values.length; i++) {
      values[i] += 60;
    }
    double[] scores = new EnsembleScorer().score(values);

    int peak = argmax(scores, 1000, 4000);
    assertTrue(peak >= 3000 && peak < 3010, "peak at " + peak);
    assertTrue(scores[peak] > ALERT);
  }

  @Test
  void flagsAPatternChange_thatOnlyTheContextShows() {
    Random random = new Random(5);
    double[] values = ContextualScorerTest.rhythm(3000, 6, 4, 2000, 2100);
    for (int i = 0; i < values.length; i++) {
      values[i] += random.nextGaussian() * 0.5;
    }
    double[] scores = new EnsembleScorer().score(values);

    int peak = argmax(scores, 500, 3000);
    assertTrue(peak >= 2000 && peak < 2010, "peak at " + peak);
    assertTrue(scores[peak] > ALERT);
  }

  @Test
  void flagsNothing_onCleanPeriodicSeries_afterLearning() {
    double[][] series = {ContextualScorerTest.sine(4000, 288), ContextualScorerTest.rhythm(3000, 6, 6, 0, 0)};
    for (double[] values : series) {
      double[] scores = new EnsembleScorer().score(values);
      double highest = max(scores, OfflineScoring.learningPoints(values.length), values.length);
      assertTrue(highest < ALERT, "highest score " + highest);
    }
  }

  @Test
  void scoresTheExtremesOfTheDoubleRange_withoutLeavingTheUnitRange() {
    double[] values = noisySine(3000, 4);
    values[2000] = Double.MAX_VALUE;
    values[2100] = -Double.MAX_VALUE;
    double[] scores = new EnsembleScorer().score(values);

    assertTrue(Arrays.stream(scores).allMatch(s -> s >= 0 && s <= 1), "every score in [0, 1]");
    assertEquals(1.0, scores[2000]);
  }

  @Test
  void flagsAStretchOfUnusualNoise_byItsLikelihood_thatAnEarlierSpikeHidesFromTheRecord() {
    Random random = new Random(6);
    double[] values = noisySine(4000, 6);
    values[1500] = 400; // raises the streaming member's record far above what follows
    for (int i = 3000; i < 3300; i++) {
      values[i] += random.nextGaussian() * 30;
    }
    double[] surprises = new StreamingScorer(EnsembleScorer.STREAMING).surprises(values);
    double[] record = new StreamingScorer(EnsembleScorer.STREAMING).score(values);
    double[] likelihood = SurpriseLikelihood.scores(surprises, EnsembleScorer.LIKELIHOOD);

    assertTrue(max(record, 3000, 3300) < ALERT, "the record scores " + max(record, 3000, 3300));
    assertTrue(max(likelihood, 1600, 3000) < ALERT, "calm before: " + max(likelihood, 1600, 3000));
    int first = firstAtLeast(likelihood, ALERT, 1600);
    assertTrue(first >= 3000 && first < 3050, "first likely alert at " + first);
    assertTrue(new EnsembleScorer().score(values)[first] >= likelihood[first]);
  }

  @Test
  void isTheLargestOfItsMembersRecordAndLikelihoodScores_andCausal() {
    double[] values = noisySine(3000, 3);
    double[] scores = new EnsembleScorer().score(values);
    double[][] records = memberRecords(values);
    SurpriseLikelihood.Config likelihood = EnsembleScorer.LIKELIHOOD;
    double[][] likelihoods = {
      SurpriseLikelihood.scores(new StreamingScorer(EnsembleScorer.STREAMING).surprises(values), likelihood),
      SurpriseLikelihood.scores(new ContextualScorer().surprises(values), likelihood),
      SurpriseLikelihood.scores(new ShapeScorer().surprises(values), likelihood)
    };
    for (int i = 0; i < values.length; i++) {
      double largest = 0;
      for (int m = 0; m < 3; m++) {
        largest = Math.max(largest, Math.max(records[m][i], likelihoods[m][i]));
      }
      assertEquals(largest, scores[i]);
    }
    assertArrayEquals(Arrays.copyOf(scores, 2000), new EnsembleScorer().score(Arrays.copyOf(values, 2000)));
  }

  private static double[][] memberRecords(double[] values) {
    return new double[][] {
      new StreamingScorer(EnsembleScorer.STREAMING).score(values),
      new ContextualScorer().score(values),
      new ShapeScorer().score(values)
    };
  }

  private static int firstAtLeast(double[] scores, double threshold, int from) {
    for (int i = from; i < scores.length; i++) {
      if (scores[i] >= threshold) {
        return i;
      }
    }
    return -1;
  }
}
