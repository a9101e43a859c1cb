package io.flowforge.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTest {
  private static final Instant START = Instant.parse("2025-03-03T06:00:00Z"); // a Monday

  private static List<Observation> daily(int days, double weekday, double weekend, long seed) {
    return daily(START, days, weekday, weekend, seed);
  }

  private static List<Observation> daily(Instant start, int days, double weekday, double weekend, long seed) {
    Random random = new Random(seed);
    List<Observation> points = new ArrayList<>();
    for (int d = 0; d < days; d++) {
      Instant at = start.plus(Duration.ofDays(d));
      boolean isWeekend = HolidayCalendar.isWeekend(LocalDate.ofInstant(at, ZoneOffset.UTC));
      points.add(Observation.of(at, (isWeekend ? weekend : weekday) + random.nextGaussian() * 10));
    }
    return points;
  }

  private static Observation next(List<Observation> history, double value) {
    return Observation.of(history.get(history.size() - 1).at().plus(Duration.ofDays(1)), value);
  }

  @Test
  void flagsDrop_withExpectedValueBandAndSeverity() {
    List<Observation> history = daily(30, 1000, 1000, 1);
    Evaluation result = AnomalyDetector.evaluate(history, next(history, 400), MonitorSettings.defaults(), CauseContext.none());

    assertEquals(Evaluation.Status.ANOMALY, result.status());
    Anomaly anomaly = result.anomaly().orElseThrow();
    assertEquals(1000, anomaly.expected(), 15);
    assertTrue(anomaly.lower() > 400 && anomaly.upper() > anomaly.lower());
    assertEquals(Severity.HIGH, anomaly.severity());
    assertTrue(anomaly.confidence() > 0.5);
  }

  @Test
  void staysQuiet_whenValueIsWithinTheBand() {
    List<Observation> history = daily(30, 1000, 1000, 2);
    Evaluation result = AnomalyDetector.evaluate(history, next(history, 1008), MonitorSettings.defaults(), CauseContext.none());
    assertEquals(Evaluation.Status.NORMAL, result.status());
  }

  @Test
  void waitsForMinimumHistory_beforeAlerting() {
    List<Observation> history = daily(10, 1000, 1000, 3);
    Evaluation result = AnomalyDetector.evaluate(history, next(history, 1), MonitorSettings.defaults(), CauseContext.none());
    assertEquals(Evaluation.Status.INSUFFICIENT_HISTORY, result.status());
  }

  @Test
  void choosesDayOfWeekBaseline_whenWeekendsAreLow() {
    List<Observation> history = daily(42, 1000, 200, 4);
    // Day 42 is a Monday: a normal weekday value, and a weekend-level value on a Monday is an anomaly.
    Evaluation normal = AnomalyDetector.evaluate(history, next(history, 1000), MonitorSettings.defaults(), CauseContext.none());
    Evaluation low = AnomalyDetector.evaluate(history, next(history, 200), MonitorSettings.defaults(), CauseContext.none());

    assertEquals(BaselineKind.DAY_OF_WEEK, normal.baseline().orElseThrow());
    assertEquals(Evaluation.Status.NORMAL, normal.status());
    assertEquals(Evaluation.Status.ANOMALY, low.status());
  }

  @Test
  void choosesHourOfDayBaseline_whenTheSeriesHasADailyCycle() {
    List<Observation> hourly = new ArrayList<>();
    Random random = new Random(5);
    for (int h = 0; h < 24 * 10; h++) {
      hourly.add(Observation.of(START.plus(Duration.ofHours(h)), 100 + 80 * Math.sin(2 * Math.PI * h / 24) + random.nextGaussian()));
    }
    Observation peakHourDip = Observation.of(START.plus(Duration.ofHours(24 * 10 + 6)), 100);
    Evaluation result = AnomalyDetector.evaluate(hourly, peakHourDip, MonitorSettings.defaults(), CauseContext.none());

    assertEquals(BaselineKind.HOUR_OF_DAY, result.baseline().orElseThrow());
    assertEquals(Evaluation.Status.ANOMALY, result.status());
  }

  @Test
  void followsDriftingLevel_withRollingZScore() {
    List<Observation> history = new ArrayList<>();
    Random random = new Random(6);
    for (int d = 0; d < 60; d++) {
      history.add(Observation.of(START.plus(Duration.ofDays(d)), 100 + 20 * d + random.nextGaussian()));
    }
    Evaluation result = AnomalyDetector.evaluate(history, next(history, 1300), MonitorSettings.defaults(), CauseContext.none());
    assertEquals(BaselineKind.ROLLING_ZSCORE, result.baseline().orElseThrow());
  }

  @Test
  void choosesIqrFences_whenTheMetricIsSkewed() {
    List<Observation> durations = new ArrayList<>();
    Random random = new Random(7);
    for (int d = 0; d < 60; d++) {
      durations.add(Observation.of(START.plus(Duration.ofDays(d * 7L)), 60 * Math.exp(random.nextGaussian() * 0.8)));
    }
    Evaluation result = AnomalyDetector.evaluate(durations, Observation.of(START.plus(Duration.ofDays(500)), 60), MonitorSettings.defaults(), CauseContext.none());
    Band band = result.band().orElseThrow();
    assertEquals(BaselineKind.IQR, result.baseline().orElseThrow());
    assertTrue(band.upper() - band.expected() > band.expected() - band.lower(), "long side gets the wider fence");
  }

  @Test
  void higherSensitivity_flagsSmallerDeviations() {
    List<Observation> history = daily(60, 1000, 1000, 8);
    Observation moderate = next(history, 1035);
    MonitorSettings low = MonitorSettings.defaults().withSensitivity(Sensitivity.LOW);
    MonitorSettings high = MonitorSettings.defaults().withSensitivity(Sensitivity.HIGH);
    assertEquals(Evaluation.Status.NORMAL, AnomalyDetector.evaluate(history, moderate, low, CauseContext.none()).status());
    assertEquals(Evaluation.Status.ANOMALY, AnomalyDetector.evaluate(history, moderate, high, CauseContext.none()).status());
  }

  @Test
  void excludesPointsMarkedExpected_fromTraining() {
    List<Observation> history = new ArrayList<>(daily(30, 1000, 1000, 9));
    // An incident of 15 days at 5000: while it trains the baseline the next spike looks normal.
    for (int d = 30; d < 45; d++) {
      history.add(new Observation(START.plus(Duration.ofDays(d)), 5000, false));
    }
    Observation spike = next(history, 5000);
    assertEquals(Evaluation.Status.NORMAL, AnomalyDetector.evaluate(history, spike, MonitorSettings.defaults(), CauseContext.none()).status());

    List<Observation> marked = history.stream().map(p -> new Observation(p.at(), p.value(), p.value() == 5000)).toList();
    assertEquals(Evaluation.Status.ANOMALY, AnomalyDetector.evaluate(marked, spike, MonitorSettings.defaults(), CauseContext.none()).status());
  }

  @Test
  void suppressesPoints_coveredByExceptionRules() {
    List<Observation> history = daily(30, 1000, 1000, 10);
    Observation drop = next(history, 10);
    LocalDate day = LocalDate.ofInstant(drop.at(), ZoneOffset.UTC);
    for (ExceptionRule rule :
        List.<ExceptionRule>of(
            new ExceptionRule.OnDate(day),
            new ExceptionRule.OnWeekday(day.getDayOfWeek()),
            new ExceptionRule.DateRange(day.minusDays(1), day.plusDays(1)))) {
      MonitorSettings settings = MonitorSettings.defaults().withExceptions(List.of(rule));
      assertEquals(Evaluation.Status.SUPPRESSED, AnomalyDetector.evaluate(history, drop, settings, CauseContext.none()).status(), rule.describe());
    }
    MonitorSettings otherDay = MonitorSettings.defaults().withExceptions(List.of(new ExceptionRule.OnWeekday(day.getDayOfWeek() == DayOfWeek.MONDAY ? DayOfWeek.TUESDAY : DayOfWeek.MONDAY)));
    assertEquals(Evaluation.Status.ANOMALY, AnomalyDetector.evaluate(history, drop, otherDay, CauseContext.none()).status());
  }

  @Test
  void ranksUpstreamFailureFirst_andNamesTheHoliday() {
    // 2025-04-21 is Easter Monday, a public holiday in Germany.
    Instant easterMonday = Instant.parse("2025-04-21T06:00:00Z");
    List<Observation> before = daily(easterMonday.minus(Duration.ofDays(30)), 30, 1000, 1000, 11);
    CauseContext context =
        new CauseContext(
            "DE",
            List.of(new CauseContext.UpstreamRun("bronze_orders", false, easterMonday.minus(Duration.ofHours(2)), null)),
            List.of(),
            List.of(new CauseContext.QualityResult("orders_not_null", 0.80, 0.99, easterMonday.minus(Duration.ofHours(1)))));
    Evaluation result = AnomalyDetector.evaluate(before, Observation.of(easterMonday, 300), MonitorSettings.defaults(), context);

    List<LikelyCause> causes = result.anomaly().orElseThrow().causes();
    assertEquals(CauseKind.UPSTREAM_FAILED, causes.get(0).kind());
    assertTrue(causes.stream().anyMatch(c -> c.kind() == CauseKind.PUBLIC_HOLIDAY && c.explanation().contains("Ostermontag")));
    assertTrue(causes.stream().anyMatch(c -> c.kind() == CauseKind.QUALITY_DROP));
  }
}
