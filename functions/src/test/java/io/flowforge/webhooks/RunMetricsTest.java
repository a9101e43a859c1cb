package io.flowforge.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunMetricsTest {
  private static final Instant DAY0 = Instant.parse("2025-05-01T02:00:00Z");

  private static RunReport run(int day, Duration startDelay, Duration length, RunStatus status) {
    Instant start = DAY0.plus(Duration.ofDays(day)).plus(startDelay);
    return new RunReport("orders", "r" + day, start, start.plus(length), status, Map.of("silver.orders", 1000L + day), Map.of("revenue", 5.0), Map.of("not_null", 0.99), "flowforge");
  }

  private static Map<String, Double> byMetric(List<MetricPoint> points) {
    return points.stream().collect(Collectors.toMap(MetricPoint::metric, MetricPoint::value));
  }

  @Test
  void extractsVolumeValueQualityAndDuration() {
    Map<String, Double> metrics = byMetric(RunMetrics.extract(run(0, Duration.ZERO, Duration.ofMinutes(7), RunStatus.SUCCEEDED), List.of()));
    assertEquals(1000.0, metrics.get("rows:silver.orders"));
    assertEquals(5.0, metrics.get("metric:revenue"));
    assertEquals(0.99, metrics.get("quality:not_null"));
    assertEquals(420.0, metrics.get("latency:duration_seconds"));
    assertFalse(metrics.containsKey("latency:lateness_seconds"), "no cadence known yet");
  }

  @Test
  void measuresLatenessAgainstTheUsualCadence_andFreshnessSinceLastSuccess() {
    List<RunReport> history = new ArrayList<>();
    for (int day = 0; day < 5; day++) {
      history.add(run(day, Duration.ZERO, Duration.ofMinutes(10), day == 4 ? RunStatus.FAILED : RunStatus.SUCCEEDED));
    }
    RunReport late = run(5, Duration.ofMinutes(90), Duration.ofMinutes(10), RunStatus.SUCCEEDED);
    Map<String, Double> metrics = byMetric(RunMetrics.extract(late, history));

    assertEquals(5400.0, metrics.get("latency:lateness_seconds"));
    // The last success ended on day 3 at 02:10; this run ended on day 5 at 03:40.
    assertEquals(49.5, metrics.get("freshness:hours_since_previous_success"));
  }
}
