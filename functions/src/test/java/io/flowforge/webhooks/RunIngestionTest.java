package io.flowforge.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.anomaly.Observation;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunIngestionTest {
  private static final Instant NOW = Instant.parse("2025-05-01T03:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private final WebhookSecret secret = WebhookSecret.generate();
  private final List<MetricPoint> stored = new ArrayList<>();
  private final Map<String, RunReport> runs = new HashMap<>();

  private final RunIngestion ingestion =
      new RunIngestion(
          workspace -> workspace.equals("ws") ? List.of(secret) : List.of(),
          new InMemoryReplayGuard(CLOCK),
          new RunIngestion.RunLog() {
            @Override
            public boolean recordOnce(String workspaceId, RunReport report) {
              return runs.putIfAbsent(workspaceId + "/" + report.job() + "/" + report.runId(), report) == null;
            }

            @Override
            public List<RunReport> recent(String workspaceId, String job) {
              return runs.values().stream().filter(run -> run.job().equals(job)).toList();
            }
          },
          new MetricHistory() {
            @Override
            public void append(String workspaceId, String runId, List<MetricPoint> points) {
              stored.addAll(points);
            }

            @Override
            public List<Observation> series(String workspaceId, String job, String metric, Instant from, Instant to) {
              return List.of();
            }
          },
          CLOCK);

  private static byte[] report(String runId) {
    return ("{\"job\":\"orders\",\"runId\":\"" + runId + "\",\"startedAt\":\"2025-05-01T02:00:00Z\","
            + "\"endedAt\":\"2025-05-01T02:10:00Z\",\"rowCounts\":{\"silver.orders\":1200}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private Map<String, String> signed(String id, Instant at, byte[] body) {
    return WebhookSignature.headers(id, at, body, List.of(secret));
  }

  @Test
  void storesASignedReportsMetrics() {
    byte[] body = report("r1");
    RunIngestion.Outcome outcome = ingestion.ingest("ws", signed("msg_1", NOW, body), body);
    assertEquals(RunIngestion.Result.STORED, outcome.result());
    assertTrue(stored.stream().anyMatch(p -> p.metric().equals("rows:silver.orders") && p.value() == 1200));
  }

  @Test
  void processesAReplayedDeliveryOnce_andARetriedRunOnce() {
    byte[] body = report("r1");
    ingestion.ingest("ws", signed("msg_1", NOW, body), body);
    int after = stored.size();
    assertEquals(RunIngestion.Result.DUPLICATE_DELIVERY, ingestion.ingest("ws", signed("msg_1", NOW, body), body).result());
    assertEquals(RunIngestion.Result.DUPLICATE_RUN, ingestion.ingest("ws", signed("msg_2", NOW, body), body).result());
    assertEquals(after, stored.size(), "nothing double-counted");
  }

  @Test
  void rejectsUnsignedBadlySignedAndStaleDeliveries_storingNothing() {
    byte[] body = report("r1");
    Map<String, String> stale = signed("msg_3", NOW.minusSeconds(301), body);
    Map<String, String> forged = new HashMap<>(signed("msg_4", NOW, body));
    forged.put(WebhookSignature.SIGNATURE, WebhookSignature.sign("msg_4", NOW.getEpochSecond(), body, List.of(WebhookSecret.generate())));
    for (Map<String, String> headers : List.of(Map.<String, String>of(), stale, forged)) {
      FlowForgeException error = assertThrows(FlowForgeException.class, () -> ingestion.ingest("ws", headers, body));
      assertEquals(ProblemType.UNAUTHORIZED, error.type());
    }
    assertEquals(ProblemType.UNAUTHORIZED, assertThrows(FlowForgeException.class, () -> ingestion.ingest("other", signed("msg_5", NOW, body), body)).type());
    assertTrue(stored.isEmpty());
    assertTrue(runs.isEmpty());
  }

  @Test
  void rejectsOversizedBodies() {
    byte[] huge = new byte[RunIngestion.MAX_BODY_BYTES + 1];
    assertEquals(ProblemType.PAYLOAD_TOO_LARGE, assertThrows(FlowForgeException.class, () -> ingestion.ingest("ws", Map.of(), huge)).type());
  }
}
