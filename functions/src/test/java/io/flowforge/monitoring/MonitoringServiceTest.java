package io.flowforge.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.anomaly.BaselineKind;
import io.flowforge.anomaly.CauseAnalyzer;
import io.flowforge.anomaly.CauseContext;
import io.flowforge.anomaly.CauseKind;
import io.flowforge.anomaly.LikelyCause;
import io.flowforge.anomaly.Sensitivity;
import io.flowforge.core.Ids;
import io.flowforge.webhooks.RunReport;
import io.flowforge.webhooks.RunStatus;
import io.flowforge.webhooks.WebhookSecret;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
        MonitoringService.causeContext(
            monitor("DE"), runs, Map.of(), List.of(), T0.plus(Duration.ofDays(1)).plusSeconds(600));

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

    CauseContext context =
        MonitoringService.causeContext(monitor(null), runs, Map.of(), List.of(), T0.plus(Duration.ofDays(2)));

    assertEquals(1, context.upstreamRuns().size());
    assertTrue(!context.upstreamRuns().get(0).succeeded());
  }

  @Test
  void namesAFailedUpstreamRun_asTheTopCauseOfTheDownstreamDrop() {
    Instant anomaly = T0.plus(Duration.ofDays(10)).plus(Duration.ofHours(1));
    List<RunReport> upstream = new ArrayList<>(dailyUpstreamRuns(10));
    upstream.add(upstreamRun("u-10", T0.plus(Duration.ofDays(10)), Duration.ofMinutes(20), RunStatus.FAILED));

    CauseContext context =
        MonitoringService.causeContext(monitor(null), List.of(), Map.of("ingest_raw", upstream), List.of(), anomaly);
    List<LikelyCause> causes = CauseAnalyzer.rank(anomaly, true, BaselineKind.MEDIAN_MAD, ZoneOffset.UTC, context);

    assertEquals(CauseKind.UPSTREAM_FAILED, causes.get(0).kind());
    assertTrue(causes.get(0).explanation().contains("ingest_raw"), causes.get(0).explanation());
  }

  @Test
  void measuresUpstreamLateness_againstItsUsualStartPlusItsUsualDuration() {
    // Usually 30 min from T0's time of day; today it started 3 h late and ran 45 min: 195 min late.
    Instant today = T0.plus(Duration.ofDays(10));
    List<RunReport> upstream = new ArrayList<>(dailyUpstreamRuns(10));
    upstream.add(upstreamRun("u-10", today.plus(Duration.ofHours(3)), Duration.ofMinutes(45), RunStatus.SUCCEEDED));
    Instant anomaly = today.plus(Duration.ofHours(5));

    CauseContext context =
        MonitoringService.causeContext(monitor(null), List.of(), Map.of("ingest_raw", upstream), List.of(), anomaly);
    List<LikelyCause> causes = CauseAnalyzer.rank(anomaly, true, BaselineKind.MEDIAN_MAD, ZoneOffset.UTC, context);

    assertEquals(today.plus(Duration.ofMinutes(30)), context.upstreamRuns().get(0).expectedEnd());
    assertEquals(CauseKind.UPSTREAM_LATE, causes.get(0).kind());
    assertTrue(causes.get(0).explanation().contains("195 min later"), causes.get(0).explanation());
  }

  @Test
  void ignoresUpstreamRunsOnTime_afterTheAnomaly_orOutsideTheLookback() {
    Instant today = T0.plus(Duration.ofDays(10));
    List<RunReport> onTime = new ArrayList<>(dailyUpstreamRuns(10));
    onTime.add(upstreamRun("u-10", today.plus(Duration.ofMinutes(5)), Duration.ofMinutes(30), RunStatus.SUCCEEDED));
    List<RunReport> failsLater = new ArrayList<>(dailyUpstreamRuns(10));
    failsLater.add(upstreamRun("u-10", today.plus(Duration.ofHours(6)), Duration.ofMinutes(30), RunStatus.FAILED));
    Instant anomaly = today.plus(Duration.ofHours(5));

    CauseContext context =
        MonitoringService.causeContext(
            monitor(null), List.of(), Map.of("on_time", onTime, "fails_later", failsLater, "stale", dailyUpstreamRuns(3)),
            List.of(), anomaly);
    List<LikelyCause> causes = CauseAnalyzer.rank(anomaly, true, BaselineKind.DAY_OF_WEEK, ZoneOffset.UTC, context);

    // Only on_time has a run ending in the day before the anomaly; fails_later fails after it.
    assertEquals(1, context.upstreamRuns().size(), context.toString());
    assertTrue(context.upstreamRuns().get(0).succeeded());
    assertTrue(causes.stream().noneMatch(cause -> cause.kind().name().startsWith("UPSTREAM")), causes.toString());
  }

  @Test
  void carriesSchemaChanges_namingTheTableAndColumns() {
    Instant at = T0.plus(Duration.ofHours(2));
    SchemaChangeEvent removed =
        SchemaChangeEvent.between(
                "orders", "silver.orders", "r2", T0.plus(Duration.ofMinutes(10)),
                Map.of("order_id", "bigint", "customer_id", "bigint", "amount", "int"),
                Map.of("order_id", "bigint", "amount", "decimal(10,2)", "region", "string"))
            .orElseThrow();

    CauseContext context = MonitoringService.causeContext(monitor(null), List.of(), Map.of(), List.of(removed), at);
    List<LikelyCause> causes = CauseAnalyzer.rank(at, true, BaselineKind.DAY_OF_WEEK, ZoneOffset.UTC, context);

    assertEquals(CauseKind.SCHEMA_CHANGE, causes.get(0).kind());
    String text = causes.get(0).explanation();
    assertTrue(
        text.contains("silver.orders") && text.contains("removed customer_id") && text.contains("added region")
            && text.contains("amount: int -> decimal(10,2)"),
        text);
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

  /** Days 0 .. days-1 of a daily upstream job that starts at T0's time of day and runs 30 min. */
  private static List<RunReport> dailyUpstreamRuns(int days) {
    List<RunReport> runs = new ArrayList<>();
    for (int day = 0; day < days; day++) {
      runs.add(upstreamRun("u-" + day, T0.plus(Duration.ofDays(day)), Duration.ofMinutes(30), RunStatus.SUCCEEDED));
    }
    return runs;
  }

  private static RunReport upstreamRun(String id, Instant start, Duration length, RunStatus status) {
    return new RunReport("ingest_raw", id, start, start.plus(length), status, Map.of(), Map.of(), Map.of(), null);
  }

  private static RunReport run(String id, Instant start, RunStatus status, double passRate) {
    return new RunReport(
        "orders", id, start, start.plusSeconds(600), status, Map.of(), Map.of(), Map.of("not_null", passRate), null);
  }
}
