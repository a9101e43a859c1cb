package io.flowforge.anomaly.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class NabScorerTest {
  private static final NabProfile STANDARD = new NabProfile("standard", 1.0, 0.11, 1.0);

  // 1000 rows: probationary 150 rows; one window over rows 400..499.
  private static NabScorer.Layout layout() {
    LocalDateTime[] times = new LocalDateTime[1000];
    for (int i = 0; i < times.length; i++) {
      times[i] = LocalDateTime.of(2020, 1, 1, 0, 0).plusMinutes(5L * i);
    }
    return NabScorer.layout(new NabFile("test.csv", times, new double[1000], List.of(new NabFile.Window(400, 499))));
  }

  private static double[] detectAt(int... rows) {
    double[] scores = new double[1000];
    for (int row : rows) {
      scores[row] = 1;
    }
    return scores;
  }

  @Test
  void earliestDetectionInWindow_earnsTheFullTruePositiveWeight() {
    assertEquals(1.0, NabScorer.score(layout(), detectAt(400), 0.5, STANDARD), 1e-12);
    assertEquals(0.0, NabScorer.score(layout(), detectAt(499), 0.5, STANDARD), 0.03);
    assertEquals(1.0, NabScorer.score(layout(), detectAt(400, 450), 0.5, STANDARD), 1e-12);
  }

  @Test
  void missedWindow_costsTheFalseNegativeWeight() {
    assertEquals(-1.0, NabScorer.score(layout(), detectAt(), 0.5, STANDARD), 1e-12);
    assertEquals(-2.0, NabScorer.score(layout(), detectAt(), 0.5, new NabProfile("fn", 1, 0.11, 2)), 1e-12);
  }

  @Test
  void falsePositives_costFullWeightBeforeWindowsAndLessRightAfter() {
    assertEquals(-1.0 - 0.11, NabScorer.score(layout(), detectAt(300), 0.5, STANDARD), 1e-12);
    double justAfter = NabScorer.score(layout(), detectAt(501), 0.5, STANDARD) + 1.0;
    assertEquals(true, justAfter < 0 && justAfter > -0.11 * 0.2);
  }

  @Test
  void ignoresDetections_inTheProbationaryPeriod() {
    assertEquals(150, layout().probationary());
    assertEquals(-1.0, NabScorer.score(layout(), detectAt(10), 0.5, STANDARD), 1e-12);
    assertEquals(750, NabScorer.probationaryRows(20_000));
  }

  @Test
  void sweepFindsTheThresholdThatSeparatesTheEarlyDetection() {
    double[] scores = new double[1000];
    scores[300] = 0.6; // a false positive
    scores[410] = 0.8; // an early true positive
    NabScorer.Sweep sweep = NabScorer.bestThreshold(List.of(layout()), List.of(scores), STANDARD);
    assertEquals(0.8, sweep.threshold());
    assertEquals(NabScorer.score(layout(), scores, 0.8, STANDARD), sweep.raw(), 1e-12);
    assertEquals(100.0 * (sweep.raw() + 1) / 2, NabScorer.normalize(sweep.raw(), 1, STANDARD), 1e-9);
  }

  @Test
  void sweepWithAQuietPeriod_paysForABurstOnce() {
    double[] scores = new double[1000];
    for (int row = 300; row < 320; row++) {
      scores[row] = 0.7; // a burst of twenty false positives, one alert under a 20-row quiet period
    }
    scores[410] = 0.6;
    NabScorer.Sweep everyCrossing =
        NabScorer.bestThreshold(List.of(layout()), List.of(scores), STANDARD, 0, 100);
    NabScorer.Sweep quiet = NabScorer.bestThreshold(List.of(layout()), List.of(scores), STANDARD, 20, 100);

    // Twenty false positives cost more than the window gains: detecting nothing is best.
    assertEquals(Double.POSITIVE_INFINITY, everyCrossing.threshold());
    assertEquals(-1.0, everyCrossing.raw(), 1e-12);
    assertEquals(0.6, quiet.threshold());
    assertEquals(NabScorer.score(layout(), detectAt(300, 410), 0.5, STANDARD), quiet.raw(), 1e-12);
  }

  @Test
  void sweepWithAQuietPeriod_silencesADetectionInsideTheWindowAfterAFalsePositive() {
    double[] scores = new double[1000];
    scores[395] = 0.7; // just before the window: silences row 400 under a 10-row quiet period
    scores[400] = 0.6;

    NabScorer.Sweep everyCrossing =
        NabScorer.bestThreshold(List.of(layout()), List.of(scores), STANDARD, 0, 100);
    assertEquals(0.6, everyCrossing.threshold());
    NabScorer.Sweep quiet = NabScorer.bestThreshold(List.of(layout()), List.of(scores), STANDARD, 10, 100);
    assertEquals(Double.POSITIVE_INFINITY, quiet.threshold());
    assertEquals(-1.0, quiet.raw(), 1e-12);
  }

  @Test
  void sweepWithAQuietPeriod_widensTheSearch_whenTheBestIsItsLowestCandidate() {
    double[] scores = new double[1000];
    for (int row = 150; row < 1000; row++) {
      scores[row] = 0.05 + row * 1e-6; // low, distinct scores everywhere
    }
    scores[420] = 0.1; // an early detection, below the one candidate the search starts with
    scores[490] = 0.9; // a late one
    NabScorer.Sweep quiet = NabScorer.bestThreshold(List.of(layout()), List.of(scores), STANDARD, 1000, 1);

    assertEquals(0.1, quiet.threshold());
    assertEquals(NabScorer.score(layout(), detectAt(420), 0.5, STANDARD), quiet.raw(), 1e-12);
  }
}
