package io.flowforge.local.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.flowforge.adapters.dynamodb.DynamoDbTables;
import io.flowforge.anomaly.CauseKind;
import io.flowforge.core.Caller;
import io.flowforge.local.LocalServer;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.monitoring.MonitoringViews.MonitorView;
import io.flowforge.monitoring.RecordedAnomaly;
import io.flowforge.webhooks.MetricPoint;
import io.flowforge.webhooks.RunMetrics;
import io.flowforge.webhooks.RunReport;
import io.flowforge.webhooks.RunReportParser;
import io.flowforge.wiring.Settings;
import io.flowforge.wiring.Wiring;
import io.flowforge.workspace.CreateWorkspaceRequest;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's monitoring history seeded through the real service on DynamoDB Local, with the clock on each
 * day of a week: whichever weekday the demo starts on, the check flags the injected incident — and only it
 * — with the quality drop as its cause, and seeding again adds nothing.
 */
class DemoMonitoringIT {
  private static final Caller DEV = new Caller(LocalServer.DEV_SUBJECT);
  private static AmazonDynamoDBLocal dynamoDb;

  @BeforeAll
  static void start() {
    dynamoDb = DynamoDBEmbedded.create();
    DynamoDbTables.createMissing(dynamoDb.dynamoDbClient(), Settings.local(Optional.empty()).tableNames());
  }

  @AfterAll
  static void stop() {
    dynamoDb.shutdownNow();
  }

  @Test
  void flagsOnlyTheIncident_withItsCause_onEveryWeekday() throws Exception {
    // Mid-morning UTC, after every demo job's usual start; the days cover Monday to Sunday.
    Instant first = Instant.parse("2026-03-02T10:15:00Z");
    Set<DayOfWeek> lastDays = new HashSet<>();
    for (int offset = 0; offset < 7; offset++) {
      Instant now = first.plusSeconds(86_400L * offset);
      Clock clock = Clock.fixed(now, ZoneOffset.UTC);
      Wiring wiring = Wiring.create(Settings.local(Optional.empty()), dynamoDb.dynamoDbClient(), null, clock);
      MonitoringService monitoring = wiring.monitoring();
      String workspace = wiring.workspaces().create(DEV, new CreateWorkspaceRequest("Demo " + offset)).id();
      lastDays.add(DemoMonitoring.lastDay(now).getDayOfWeek());

      assertTrue(DemoMonitoring.seedIfAbsent(monitoring, DEV, workspace, clock));

      List<RecordedAnomaly> anomalies = monitoring.anomalies(DEV, workspace);
      String day = "last day " + DemoMonitoring.lastDay(now) + ": ";
      assertEquals(
          Set.of("rows:" + DemoRuns.INGEST_TABLE, "metric:amount_sum", "quality:" + DemoRuns.INGEST_RULE),
          anomalies.stream().map(RecordedAnomaly::metric).collect(Collectors.toSet()),
          day + anomalies);
      for (RecordedAnomaly anomaly : anomalies) {
        assertEquals(DemoRuns.INGEST, anomaly.job(), day + anomaly);
        assertEquals(DemoMonitoring.lastDay(now), LocalDate.ofInstant(anomaly.anomaly().at(), ZoneOffset.UTC));
        assertEquals(CauseKind.QUALITY_DROP, anomaly.anomaly().causes().get(0).kind(), day + anomaly);
      }
      RecordedAnomaly rows = metric(anomalies, "rows:" + DemoRuns.INGEST_TABLE);
      assertEquals(incidentRows(DemoMonitoring.lastDay(now)), rows.anomaly().actual());
      assertTrue(rows.anomaly().actual() < rows.anomaly().lower(), day + rows);
      assertTrue(rows.anomaly().causes().get(0).explanation().contains("to 71.2%"), day + rows);

      List<MonitorView> monitors = monitoring.monitors(DEV, workspace);
      assertEquals(
          Set.of(DemoRuns.INGEST, DemoRuns.ORDERS, DemoRuns.SUMMARY),
          monitors.stream().map(MonitorView::job).collect(Collectors.toSet()));
      int points = monitoring.series(DEV, workspace, rows.monitorId()).points().size();
      assertEquals(DemoRuns.DAYS, points);

      assertFalse(DemoMonitoring.seedIfAbsent(monitoring, DEV, workspace, clock), "a second start seeds nothing");
      assertEquals(monitors.size(), monitoring.monitors(DEV, workspace).size());
      assertEquals(points, monitoring.series(DEV, workspace, rows.monitorId()).points().size());
      assertEquals(0, monitoring.check(workspace, now).report().newAnomalies(), "a later check records nothing new");
    }
    assertEquals(7, lastDays.size());
  }

  @Test
  void ordersPeakOnWeekends_andTheHistoryIsTheSameEveryTime() {
    LocalDate lastDay = LocalDate.parse("2026-03-08");
    List<DemoRuns.Delivery> deliveries = DemoRuns.ending(lastDay);
    List<DemoRuns.Delivery> again = DemoRuns.ending(lastDay);

    assertEquals(3 * DemoRuns.DAYS, deliveries.size());
    for (int i = 0; i < deliveries.size(); i++) {
      assertEquals(new String(deliveries.get(i).body()), new String(again.get(i).body()));
    }
    List<Double> weekdays = new ArrayList<>();
    List<Double> weekends = new ArrayList<>();
    for (DemoRuns.Delivery delivery : deliveries) {
      RunReport run = RunReportParser.parse(delivery.body(), Instant.now());
      if (run.job().equals(DemoRuns.ORDERS)) {
        DayOfWeek day = LocalDate.ofInstant(run.startedAt(), ZoneOffset.UTC).getDayOfWeek();
        double rows = run.rowCounts().get("silver.orders");
        (day == DayOfWeek.SATURDAY || day == DayOfWeek.SUNDAY ? weekends : weekdays).add(rows);
      }
    }
    double weekdayMean = weekdays.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    double weekendMean = weekends.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    assertTrue(weekendMean > 1.8 * weekdayMean, weekdayMean + " / " + weekendMean);
  }

  private static RecordedAnomaly metric(List<RecordedAnomaly> anomalies, String metric) {
    return anomalies.stream().filter(anomaly -> anomaly.metric().equals(metric)).findFirst().orElseThrow();
  }

  /** The incident's row count, read back from the report the demo sends for the last day. */
  private static double incidentRows(LocalDate lastDay) {
    DemoRuns.Delivery incident =
        DemoRuns.ending(lastDay).stream()
            .filter(delivery -> delivery.webhookId().equals("msg_demo_" + DemoRuns.runId(DemoRuns.INGEST, lastDay)))
            .findFirst()
            .orElseThrow();
    List<MetricPoint> points = RunMetrics.extract(RunReportParser.parse(incident.body(), Instant.now()), List.of());
    return points.stream()
        .filter(point -> point.metric().equals("rows:" + DemoRuns.INGEST_TABLE))
        .findFirst()
        .orElseThrow()
        .value();
  }
}
