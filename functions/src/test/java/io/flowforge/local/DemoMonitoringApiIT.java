package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.api.MonitoringCheckHandler;
import io.flowforge.local.LocalApi.Answer;
import io.flowforge.local.demo.DemoRuns;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.wiring.Settings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.joda.time.DateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new user's first start: the demo workspace's monitoring page has monitors for three jobs, two months of
 * history with bands, and the injected incident flagged with its cause — all read through the API the web
 * app uses. A restart on the same data changes none of it, and the scheduled check records nothing new.
 */
class DemoMonitoringApiIT {
  static final String TOKEN = "demo-monitoring-token";

  @Test
  void servesTheDemoMonitorsHistoryAndIncident_andARestartAddsNothing(@TempDir Path dataDir) throws IOException {
    String ingestRows = MonitoringService.monitorId(DemoRuns.INGEST, "rows:" + DemoRuns.INGEST_TABLE);
    Seen first;
    try (LocalStack stack = start(dataDir)) {
      first = look(new LocalApi(stack.baseUri(), TOKEN), stack.demoWorkspaceId(), ingestRows);
    }

    assertEquals(Set.of(DemoRuns.INGEST, DemoRuns.ORDERS, DemoRuns.SUMMARY), first.jobs);
    assertTrue(first.monitors >= 12, "rows, metrics, quality, duration, lateness and freshness series: " + first.monitors);
    assertEquals(DemoRuns.DAYS, first.points.size());
    JsonNode newest = first.points.get(first.points.size() - 1);
    assertEquals("ANOMALY", newest.get("status").asText(), newest.toString());
    assertTrue(newest.get("value").asDouble() < newest.get("lower").asDouble(), newest.toString());
    assertTrue(first.points.get(first.points.size() - 2).has("upper"), "earlier points are plotted with a band");

    assertEquals(3, first.anomalies.size(), first.anomalies.toString());
    JsonNode drop = null;
    for (JsonNode anomaly : first.anomalies) {
      assertEquals(DemoRuns.INGEST, anomaly.get("job").asText());
      assertEquals("OPEN", anomaly.get("status").asText());
      if (anomaly.get("monitorId").asText().equals(ingestRows)) {
        drop = anomaly;
      }
    }
    assertNotNull(drop, "the row drop is flagged: " + first.anomalies);
    assertEquals(newest.get("value").asDouble(), drop.at("/anomaly/actual").asDouble());
    JsonNode cause = drop.at("/anomaly/causes/0");
    assertEquals("QUALITY_DROP", cause.get("kind").asText(), drop.toString());
    assertTrue(cause.get("explanation").asText().contains(DemoRuns.INGEST_RULE), cause.toString());

    try (LocalStack stack = start(dataDir)) {
      Seen second = look(new LocalApi(stack.baseUri(), TOKEN), stack.demoWorkspaceId(), ingestRows);
      ScheduledEvent event = new ScheduledEvent();
      event.setTime(DateTime.now());
      String summary = new MonitoringCheckHandler(stack.wiring()).handleRequest(event, null);

      assertEquals(first.monitors, second.monitors);
      assertEquals(first.points.size(), second.points.size());
      assertEquals(first.anomalies, second.anomalies);
      assertTrue(summary.contains(" 0 new anomalies"), summary);
    }
  }

  /** What the monitoring page reads: the monitors, one monitor's series, and the anomalies. */
  private record Seen(int monitors, Set<String> jobs, JsonNode points, JsonNode anomalies) {}

  private static Seen look(LocalApi api, String workspace, String monitorId) {
    String base = "/api/workspaces/" + workspace + "/monitoring";
    Answer monitors = api.get(base + "/monitors");
    Answer series = api.get(base + "/monitors/" + monitorId + "/series");
    Answer anomalies = api.get(base + "/anomalies");
    assertEquals(200, monitors.status(), monitors.text());
    assertEquals(200, series.status(), series.text());
    assertEquals(200, anomalies.status(), anomalies.text());
    Set<String> jobs = new HashSet<>();
    monitors.json().get("items").forEach(monitor -> jobs.add(monitor.get("job").asText()));
    return new Seen(
        monitors.json().get("items").size(), jobs, series.json().get("points"), anomalies.json().get("items"));
  }

  private static LocalStack start(Path dataDir) throws IOException {
    return LocalStack.start(0, Optional.of(dataDir), Settings.local(Optional.of(TOKEN)));
  }
}
