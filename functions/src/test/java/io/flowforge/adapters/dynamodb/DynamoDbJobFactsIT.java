package io.flowforge.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.monitoring.JobDefinition;
import io.flowforge.monitoring.SchemaChangeEvent;
import io.flowforge.monitoring.StoredSchema;
import io.flowforge.webhooks.RunReport;
import io.flowforge.webhooks.RunStatus;
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

/**
 * Job declarations, latest schemas and schema-change events of the monitoring store on DynamoDB
 * Local.
 */
class DynamoDbJobFactsIT {
  private static final Instant NOW = Instant.parse("2025-05-01T03:00:00Z");
  private static AmazonDynamoDBLocal local;
  private static DynamoDbMonitoringStore store;

  @BeforeAll
  static void start() {
    local = DynamoDBEmbedded.create();
    LogicalTables.createAll(local.dynamoDbClient());
    store =
        new DynamoDbMonitoringStore(
            DynamoDbEnhancedClient.builder().dynamoDbClient(local.dynamoDbClient()).build(),
            "monitoring",
            "metrics",
            Duration.ofDays(400),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterAll
  static void stop() {
    local.shutdown();
  }

  @Test
  void storesDeclarationsOncePerVersion_andListsOnlyJobs() {
    String ws = "ws_jobsaaaaaaaaaaaaaaa";
    JobDefinition first =
        store.putJob(ws, new JobDefinition("orders#daily", List.of("a#b"), "api", NOW, null));
    store.putJob(ws, new JobDefinition("orders", List.of("x"), "report", NOW, null));
    store.putSchema(ws, new StoredSchema("orders", "t", Map.of("c", "int"), "r1", NOW, null));

    JobDefinition second =
        store.putJob(ws, first.declare(List.of("c"), "report", NOW.plusSeconds(1)));
    FlowForgeException stale =
        assertThrows(
            FlowForgeException.class,
            () -> store.putJob(ws, first.declare(List.of("d"), "api", NOW)));
    FlowForgeException duplicate =
        assertThrows(
            FlowForgeException.class,
            () -> store.putJob(ws, new JobDefinition("orders", List.of(), "api", NOW, null)));

    assertEquals(ProblemType.CONFLICT, stale.type());
    assertEquals(ProblemType.CONFLICT, duplicate.type());
    assertEquals(List.of("c"), store.job(ws, "orders#daily").orElseThrow().upstream());
    assertEquals(second.version(), store.job(ws, "orders#daily").orElseThrow().version());
    assertEquals(
        List.of("orders", "orders#daily"),
        store.jobs(ws).stream().map(JobDefinition::job).toList());
    assertTrue(store.jobs("ws_otheraaaaaaaaaaaaaa").isEmpty());
  }

  @Test
  void replacesALatestSchemaOnlyAtTheVersionRead() {
    String ws = "ws_schemaaaaaaaaaaaaaa";
    assertTrue(
        store.putSchema(
            ws, new StoredSchema("job", "silver.t#1", Map.of("a", "int"), "r1", NOW, null)));
    StoredSchema read = store.schema(ws, "job", "silver.t#1").orElseThrow();

    assertTrue(
        store.putSchema(
            ws,
            new StoredSchema("job", "silver.t#1", Map.of("b", "int"), "r2", NOW, read.version())));
    assertFalse(
        store.putSchema(
            ws,
            new StoredSchema("job", "silver.t#1", Map.of("c", "int"), "r3", NOW, read.version())));
    assertFalse(
        store.putSchema(
            ws, new StoredSchema("job", "silver.t#1", Map.of("d", "int"), "r4", NOW, null)));

    assertEquals(Map.of("b", "int"), store.schema(ws, "job", "silver.t#1").orElseThrow().columns());
    assertTrue(store.schema(ws, "job", "silver.t").isEmpty());
  }

  @Test
  void readsSchemaChangesOfOneJobInATimeRange_includingTheEnds() {
    String ws = "ws_changesaaaaaaaaaaaa";
    for (String job : List.of("job", "job#2")) {
      for (int hour = 0; hour < 5; hour++) {
        store.addSchemaChange(
            ws,
            new SchemaChangeEvent(
                job,
                "t" + hour,
                "r" + hour,
                NOW.plus(Duration.ofHours(hour)),
                List.of("c"),
                List.of(),
                List.of()));
      }
    }

    List<SchemaChangeEvent> changes =
        store.schemaChanges(
            ws, "job", NOW.plus(Duration.ofHours(1)), NOW.plus(Duration.ofHours(3)));

    assertEquals(
        List.of("t1", "t2", "t3"), changes.stream().map(SchemaChangeEvent::table).toList());
    assertTrue(changes.stream().allMatch(change -> change.job().equals("job")));
  }

  @Test
  void findsAJobsNewestRunByStart() {
    String ws = "ws_lastrunaaaaaaaaaaaa";
    for (int day = 0; day < 3; day++) {
      Instant start = NOW.plus(Duration.ofDays(day));
      store.recordOnce(
          ws,
          new RunReport(
              "job",
              "run-" + day,
              start,
              start.plusSeconds(60),
              RunStatus.SUCCEEDED,
              Map.of(),
              Map.of(),
              Map.of(),
              null));
    }
    store.recordOnce(
        ws,
        new RunReport(
            "job#x",
            "other",
            NOW.plus(Duration.ofDays(9)),
            null,
            null,
            Map.of(),
            Map.of(),
            Map.of(),
            null));

    assertEquals("run-2", store.lastRun(ws, "job").orElseThrow().runId());
    assertTrue(store.lastRun(ws, "nothing").isEmpty());
  }

  @Test
  void keepsRunLogsWithoutTableSchemas_butWithTheirUpstreamJobs() {
    String ws = "ws_runlogaaaaaaaaaaaaa";
    RunReport wide =
        new RunReport(
            "job", "r1", NOW, NOW.plusSeconds(60), RunStatus.SUCCEEDED, Map.of("t", 5L), Map.of(), Map.of(), null,
            List.of("upstream"), Map.of("t", Map.of("a", "int", "b", "string")));

    store.recordOnce(ws, wide);

    RunReport logged = store.recent(ws, "job").get(0);
    assertTrue(logged.schemas().isEmpty(), logged.toString());
    assertEquals(List.of("upstream"), logged.upstream());
    assertEquals(Map.of("t", 5L), logged.rowCounts());
  }
}
