package io.flowforge.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.flowforge.anomaly.Anomaly;
import io.flowforge.anomaly.BaselineKind;
import io.flowforge.anomaly.Severity;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.monitoring.AnomalyStatus;
import io.flowforge.monitoring.RecordedAnomaly;
import io.flowforge.monitoring.SecretRing;
import io.flowforge.webhooks.RunReport;
import io.flowforge.webhooks.RunStatus;
import io.flowforge.webhooks.WebhookSecret;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The monitoring store's create-once and conditional-update rules on DynamoDB Local. */
class DynamoDbMonitoringStoreIT {
  private static final Instant NOW = Instant.parse("2025-05-01T03:00:00Z");
  private static AmazonDynamoDBLocal local;
  private static DynamoDbMonitoringStore store;

  @BeforeAll
  static void start() {
    local = DynamoDBEmbedded.create();
    LogicalTables.createAll(local.dynamoDbClient());
    store =
        new DynamoDbMonitoringStore(
            DynamoDbEnhancedClient.builder().dynamoDbClient(local.dynamoDbClient()).build(), "monitoring", "metrics",
            Duration.ofDays(400), Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    local.shutdown();
  }

  @Test
  void refusesTheLoserOfTwoConcurrentRotations() {
    SecretRing created =
        store.createSecrets("ws_rotation", new SecretRing(WebhookSecret.generate(), null, null, NOW, null, null));
    SecretRing first = next(created);
    SecretRing second = next(created);

    store.rotateSecrets("ws_rotation", first);
    FlowForgeException conflict = assertThrows(FlowForgeException.class, () -> store.rotateSecrets("ws_rotation", second));

    assertEquals(ProblemType.CONFLICT, conflict.type());
    assertEquals(first.current(), store.secrets("ws_rotation").orElseThrow().current(), "the winner's secret stays");
  }

  @Test
  void acceptsAWebhookIdOnce_untilItsKeepUntilTimePassed() {
    assertTrue(store.firstDelivery("ws_seen", "msg_1", NOW.plusSeconds(600)));
    assertFalse(store.firstDelivery("ws_seen", "msg_1", NOW.plusSeconds(600)));
    assertTrue(store.firstDelivery("ws_other", "msg_1", NOW.plusSeconds(600)), "ids are per workspace");
    assertTrue(store.firstDelivery("ws_seen", "msg_expired", NOW.minusSeconds(1)));
    assertTrue(store.firstDelivery("ws_seen", "msg_expired", NOW.plusSeconds(600)), "TTL not run yet: still new");
  }

  @Test
  void recordsAnAnomalyOnce_andListsItNewestFirst() {
    Anomaly anomaly = new Anomaly(NOW, 310, 1000, 900, 1100, Severity.HIGH, 0.9, BaselineKind.MEDIAN_MAD, List.of());
    RecordedAnomaly recorded =
        new RecordedAnomaly("an_aaaaaaaaaaaaaaaaaaaa", "mon_a", "orders", "rows:x", NOW, NOW, anomaly, AnomalyStatus.OPEN, null);

    assertTrue(store.recordAnomaly("ws_anomalies", recorded));
    assertFalse(store.recordAnomaly("ws_anomalies", recorded), "a rerun finds it recorded");
    RecordedAnomaly read = store.anomalies("ws_anomalies", 10).get(0);
    assertEquals(310.0, read.anomaly().actual());
    RecordedAnomaly expected = store.updateAnomaly("ws_anomalies", read.withStatus(AnomalyStatus.EXPECTED));
    assertEquals(AnomalyStatus.EXPECTED, expected.status());
    assertThrows(FlowForgeException.class, () -> store.updateAnomaly("ws_anomalies", read.withStatus(AnomalyStatus.OPEN)));
  }

  @Test
  void recordsARunOnce_andReadsAJobsRunsNewestFirst_evenWithHashesInNames() {
    for (int day = 0; day < 3; day++) {
      assertTrue(store.recordOnce("ws_runs", run("job#1", "r" + day, day)));
    }
    assertFalse(store.recordOnce("ws_runs", run("job#1", "r1", 1)));
    store.recordOnce("ws_runs", run("job", "#1", 0));

    List<RunReport> runs = store.recent("ws_runs", "job#1");
    assertEquals(List.of("r2", "r1", "r0"), runs.stream().map(RunReport::runId).toList());
  }

  @Test
  void listsTheWorkspacesWithMonitors() {
    store.registerMonitoredWorkspace("ws_listed");
    store.registerMonitoredWorkspace("ws_listed");

    assertEquals(1, store.monitoredWorkspaces().stream().filter("ws_listed"::equals).count());
  }

  private static SecretRing next(SecretRing ring) {
    return new SecretRing(WebhookSecret.generate(), ring.current(), NOW.plusSeconds(3600), ring.createdAt(), NOW, ring.version());
  }

  private static RunReport run(String job, String runId, int day) {
    Instant start = NOW.minus(Duration.ofDays(3 - day));
    return new RunReport(job, runId, start, start.plusSeconds(60), RunStatus.SUCCEEDED, Map.of(), Map.of(), Map.of(), null);
  }
}
