package io.flowforge.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.dataset.Column;
import io.flowforge.dataset.Dataset;
import io.flowforge.dataset.DatasetFormat;
import io.flowforge.dataset.DatasetStatus;
import io.flowforge.dataset.Inspection;
import io.flowforge.workspace.Workspace;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** The DynamoDB adapters on DynamoDB Local, tables created from {@link Tables}. */
class DynamoDbStoresIT {
  static AmazonDynamoDBLocal local;
  static DynamoDbWorkspaceStore workspaces;
  static DynamoDbDatasetStore datasets;

  @BeforeAll
  static void start() {
    local = DynamoDBEmbedded.create();
    Map<Tables, String> names = LogicalTables.createAll(local.dynamoDbClient());
    DynamoDbEnhancedClient client = DynamoDbEnhancedClient.builder().dynamoDbClient(local.dynamoDbClient()).build();
    workspaces = new DynamoDbWorkspaceStore(client, "workspaces");
    datasets = new DynamoDbDatasetStore(client, "datasets");
  }

  @AfterAll
  static void stop() {
    local.shutdownNow();
  }

  @Test
  void createsTablesOnce_leavingExistingOnesAlone() {
    Map<Tables, String> names = LogicalTables.createAll(local.dynamoDbClient());

    List<String> expected = names.values().stream().sorted().toList();
    assertEquals(expected, local.dynamoDbClient().listTables().tableNames());
  }

  @Test
  void listsOnlyTheWorkspacesAMemberBelongsTo() {
    Workspace mine = workspaces.create(workspace("ws_aaaaaaaaaaaaaaaaaaa1", "Mine"), "alice");
    workspaces.create(workspace("ws_aaaaaaaaaaaaaaaaaaa2", "Not mine"), "bob");

    List<Workspace> listed = workspaces.listFor("alice");

    assertEquals(List.of(mine), listed);
    assertEquals(1, mine.version());
    assertTrue(workspaces.isMember(mine.id(), "alice"));
    assertFalse(workspaces.isMember(mine.id(), "bob"));
  }

  @Test
  void refusesToCreateAWorkspaceTwice() {
    workspaces.create(workspace("ws_aaaaaaaaaaaaaaaaaaa3", "Once"), "carol");

    assertThrows(RuntimeException.class, () -> workspaces.create(workspace("ws_aaaaaaaaaaaaaaaaaaa3", "Twice"), "dave"));
    assertEquals("Once", workspaces.find("ws_aaaaaaaaaaaaaaaaaaa3").orElseThrow().name());
    assertFalse(workspaces.isMember("ws_aaaaaaaaaaaaaaaaaaa3", "dave"));
  }

  @Test
  void refusesAStaleUpdate_withAConflict() {
    Dataset created = datasets.create(dataset("ws_bbbbbbbbbbbbbbbbbbb1", "ds_bbbbbbbbbbbbbbbbbbb1"));
    Inspection inspection = new Inspection(5, List.of(new Column("id", "BIGINT")));
    Dataset ready = datasets.update(created.ready(10, inspection));

    FlowForgeException stale =
        assertThrows(FlowForgeException.class, () -> datasets.update(created.ready(11, inspection)));

    assertEquals(1, created.version());
    assertEquals(2, ready.version());
    assertEquals(ProblemType.CONFLICT, stale.type());
    assertEquals(10, datasets.find(created.workspaceId(), created.id()).orElseThrow().sizeBytes());
    assertEquals(List.of(new Column("id", "BIGINT")), ready.columns());
  }

  @Test
  void keepsDatasetsInsideTheirWorkspace() {
    datasets.create(dataset("ws_ccccccccccccccccccc1", "ds_ccccccccccccccccccc1"));
    datasets.create(dataset("ws_ccccccccccccccccccc2", "ds_ccccccccccccccccccc2"));

    assertEquals(1, datasets.list("ws_ccccccccccccccccccc1").size());
    assertTrue(datasets.find("ws_ccccccccccccccccccc1", "ds_ccccccccccccccccccc2").isEmpty());
    datasets.delete("ws_ccccccccccccccccccc1", "ds_ccccccccccccccccccc2");
    assertTrue(datasets.find("ws_ccccccccccccccccccc2", "ds_ccccccccccccccccccc2").isPresent());
  }

  private static Workspace workspace(String id, String name) {
    return new Workspace(id, name, Instant.parse("2024-05-01T10:00:00Z"), 0);
  }

  private static Dataset dataset(String workspaceId, String id) {
    return new Dataset(
        id, workspaceId, "sales", "sales.csv", DatasetFormat.CSV, DatasetStatus.PENDING_UPLOAD, 10, null, null,
        Instant.parse("2024-05-01T10:00:00Z"), 0);
  }
}
