package io.flowforge.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.anomaly.CauseContext;
import io.flowforge.anomaly.Sensitivity;
import io.flowforge.core.Ids;
import io.flowforge.webhooks.RunReport;
import io.flowforge.webhooks.RunStatus;
import io.flowforge.webhooks.WebhookSecret;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MonitoringServiceTest {
  private static final Instant T0 = Instant.parse("2025-05-01T02:00:00Z");

  @Test
  void derivesStableWellFormedIds_soEveryReportFindsItsMonitorAndARerunItsAnomaly() {
    String monitor = MonitoringService.monitorId("orders", "rows:silver.orders");

    assertTrue(Ids.isWellFormed(monitor), monitor);
    assertEquals(monitor, MonitoringService.monitorId("orders", "rows:silver.orders"));
    assertNotEquals(monitor, MonitoringService.monitorId("orders", "rows:silver.order"));
    assertNotEquals(
        MonitoringService.monitorId("a\nb", "c"), MonitoringService.monitorId("a", "b\nc"), "no ambiguous join");
    String anomaly = MonitoringService.anomalyId(monitor, T0);
    assertTrue(Ids.isWellFormed(anomaly), anomaly);
    assertEquals(anomaly, MonitoringService.anomalyId(monitor, T0));
    assertNotEquals(anomaly, MonitoringService.anomalyId(monitor, T0.plusSeconds(1)));
  }

  @Test
  void findsAQualityDropBetweenTheJobsLastTwoRunsBeforeTheAnomaly() {
    List<RunReport> runs =
        List.of(
            run("r1", T0, RunStatus.SUCCEEDED, 0.99),
            run("r2", T0.plus(Duration.ofDays(1)), RunStatus.SUCCEEDED, 0.70),
            run("r3", T0.plus(Duration.ofDays(2)), RunStatus.SUCCEEDED, 0.10));

    CauseContext context =
        MonitoringService.causeContext(monitor("DE"), runs, T0.plus(Duration.ofDays(1)).plusSeconds(600));

    assertEquals("DE", context.country());
    assertEquals(1, context.qualityResults().size(), "the later run is not evidence for an earlier point");
    assertEquals(0.70, context.qualityResults().get(0).passRate());
    assertEquals(0.99, context.qualityResults().get(0).previousPassRate());
    assertTrue(context.upstreamRuns().isEmpty());
  }

  @Test
  void reportsTheJobsFailedRunAsAFailure() {
    List<RunReport> runs =
        List.of(run("r1", T0, RunStatus.SUCCEEDED, 0.99), run("r2", T0.plus(Duration.ofDays(1)), RunStatus.FAILED, 0.99));

    CauseContext context = MonitoringService.causeContext(monitor(null), runs, T0.plus(Duration.ofDays(2)));

    assertEquals(1, context.upstreamRuns().size());
    assertTrue(!context.upstreamRuns().get(0).succeeded());
  }

  @Test
  void acceptsThePreviousSecretOnlyDuringTheGracePeriod() {
    WebhookSecret current = WebhookSecret.generate();
    WebhookSecret previous = WebhookSecret.generate();
    SecretRing ring = new SecretRing(current, previous, T0.plus(Duration.ofHours(24)), T0, T0, 2L);

    assertEquals(List.of(current, previous), ring.valid(T0.plus(Duration.ofHours(23))));
    assertEquals(List.of(current), ring.valid(T0.plus(Duration.ofHours(24))));
  }

  private static MonitorDefinition monitor(String country) {
    return new MonitorDefinition("mon_x", "orders", "rows:t", Sensitivity.MEDIUM, 14, country, T0, 1L);
  }

  private static RunReport run(String id, Instant start, RunStatus status, double passRate) {
    return new RunReport(
        "orders", id, start, start.plusSeconds(600), status, Map.of(), Map.of(), Map.of("not_null", passRate), null);
  }
}
