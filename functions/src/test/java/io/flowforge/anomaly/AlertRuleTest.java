package io.flowforge.anomaly;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AlertRuleTest {
  private static int[] alerting(boolean[] alerts) {
    return IntStream.range(0, alerts.length).filter(i -> alerts[i]).toArray();
  }

  private static double[] scoresAbove(int length, int... rows) {
    double[] scores = new double[length];
    for (int row : rows) {
      scores[row] = 0.9;
    }
    return scores;
  }

  @Test
  void alertsOncePerIncident_andAgainAfterTheQuietPeriod() {
    double[] scores = scoresAbove(100, 10, 11, 12, 20, 21, 40);

    assertArrayEquals(new int[] {10, 21, 40}, alerting(new AlertRule(0.5, 10).alerts(scores, 0)));
  }

  @Test
  void alertsAtEveryCrossing_withoutAQuietPeriod() {
    double[] scores = scoresAbove(100, 10, 11, 40);

    assertArrayEquals(new int[] {10, 11, 40}, alerting(new AlertRule(0.5, 0).alerts(scores, 0)));
  }

  @Test
  void aScoreBelowTheThreshold_neitherAlertsNorSilences() {
    double[] scores = scoresAbove(100, 30);
    scores[25] = 0.4;

    assertArrayEquals(new int[] {30}, alerting(new AlertRule(0.5, 10).alerts(scores, 0)));
  }

  @Test
  void theLearningPoints_neitherAlertNorSilenceTheFirstPointAfterThem() {
    double[] scores = scoresAbove(100, 5, 52);

    assertArrayEquals(new int[] {52}, alerting(new AlertRule(0.5, 10).alerts(scores, 50)));
  }

  @Test
  void refusesANegativeQuietPeriod() {
    assertThrows(IllegalArgumentException.class, () -> new AlertRule(0.5, -1));
  }
}
