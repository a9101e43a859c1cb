package io.flowforge.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.dataset.Dataset;
import io.flowforge.dataset.DatasetFormat;
import io.flowforge.dataset.DatasetStatus;
import io.flowforge.profiles.StoredProfile;
import io.flowforge.profiles.StoredSuggestion;
import io.flowforge.profiles.SuggestionStatus;
import io.flowforge.profiling.ColumnProfile;
import io.flowforge.profiling.SourceFormat;
import io.flowforge.profiling.TableProfile;
import io.flowforge.suggest.Layer;
import io.flowforge.suggest.Suggestion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.Key;

/** The profile and suggestion stores on DynamoDB Local, in the {@code datasets} table. */
class ProfileStoresIT {
  static final Instant AT = Instant.parse("2024-06-01T12:00:00Z");
  static AmazonDynamoDBLocal local;
  static DynamoDbEnhancedClient client;
  static DynamoDbDatasetStore datasets;
  static DynamoDbProfileStore profiles;
  static DynamoDbSuggestionStore suggestions;

  @BeforeAll
  static void start() {
    local = DynamoDBEmbedded.create();
    LogicalTables.createAll(local.dynamoDbClient());
    client = DynamoDbEnhancedClient.builder().dynamoDbClient(local.dynamoDbClient()).build();
    datasets = new DynamoDbDatasetStore(client, "datasets");
    profiles = new DynamoDbProfileStore(client, "datasets");
    suggestions = new DynamoDbSuggestionStore(client, "datasets");
  }

  @AfterAll
  static void stop() {
    local.shutdownNow();
  }

  @Test
  void storesWideProfilesGzipped_andReadsThemBackWhole() {
    TableProfile wide = profile("wide", 400);

    profiles.create("ws_profiles00000000001", new StoredProfile("ds_wide00000000000001", 1, wide, null, AT, "someone"));
    StoredProfile read = profiles.latest("ws_profiles00000000001", "ds_wide00000000000001").orElseThrow();
    ProfileItem raw =
        client.table("datasets", ProfileItem.SCHEMA)
            .getItem(Key.builder().partitionValue("ws_profiles00000000001")
                .sortValue("PROFILE#ds_wide00000000000001#00000001").build());

    assertNull(raw.getBody(), "a wide profile is not stored as plain JSON");
    assertNotNull(raw.getBodyGzip());
    assertTrue(raw.getBodyGzip().asByteArray().length < DynamoDbProfileStore.GZIP_ABOVE_CHARS * 4);
    assertEquals(wide, read.profile());
  }

  @Test
  void refusesADuplicateVersionWith409_keepingTheFirst() {
    String workspace = "ws_profiles00000000002";
    profiles.create(workspace, new StoredProfile("ds_dup000000000000001", 1, profile("first", 2), null, AT, "a"));

    FlowForgeException refused =
        assertThrows(
            FlowForgeException.class,
            () -> profiles.create(workspace, new StoredProfile("ds_dup000000000000001", 1, profile("second", 3), null, AT, "b")));

    assertEquals(ProblemType.CONFLICT, refused.type());
    assertEquals("first", profiles.latest(workspace, "ds_dup000000000000001").orElseThrow().profile().name());
  }

  @Test
  void listsVersionsNewestFirst_andLatestIsTheHighest() {
    String workspace = "ws_profiles00000000003";
    for (int version = 1; version <= 11; version++) {
      profiles.create(workspace, new StoredProfile("ds_many00000000000001", version, profile("v" + version, 2), null, AT, "a"));
    }

    assertEquals(11, profiles.latest(workspace, "ds_many00000000000001").orElseThrow().version());
    assertEquals(11, profiles.versions(workspace, "ds_many00000000000001").size());
    assertEquals(11, profiles.versions(workspace, "ds_many00000000000001").get(0).version());
    assertEquals(1, profiles.versions(workspace, "ds_many00000000000001").get(10).version());
  }

  @Test
  void savesDecisionsOnlyOnTheVersionRead() {
    String workspace = "ws_profiles00000000004";
    StoredSuggestion proposed =
        StoredSuggestion.proposed(
            "ds_lock00000000000001", Layer.SILVER, new Suggestion("primary_key", Map.of("columns", List.of("id")), 0.9, "unique", List.of()), 1, List.of("id"));
    StoredSuggestion stored = suggestions.save(workspace, proposed);

    StoredSuggestion accepted = suggestions.save(workspace, stored.decided(SuggestionStatus.ACCEPTED, null, "a", AT));
    FlowForgeException stale =
        assertThrows(FlowForgeException.class, () -> suggestions.save(workspace, stored.decided(SuggestionStatus.REJECTED, null, "b", AT)));
    FlowForgeException duplicate = assertThrows(FlowForgeException.class, () -> suggestions.save(workspace, proposed));

    assertEquals(1, stored.version());
    assertEquals(2, accepted.version());
    assertEquals(ProblemType.CONFLICT, stale.type());
    assertEquals(ProblemType.CONFLICT, duplicate.type());
    assertEquals(SuggestionStatus.ACCEPTED, suggestions.find(workspace, "ds_lock00000000000001", Layer.SILVER, "primary_key").orElseThrow().status());
  }

  @Test
  void deletingADataset_removesItsProfilesAndSuggestions_butNotItsNeighbours() {
    String workspace = "ws_profiles00000000005";
    for (String id : List.of("ds_gone00000000000001", "ds_stays0000000000001")) {
      datasets.create(new Dataset(id, workspace, id, id + ".csv", DatasetFormat.CSV, DatasetStatus.READY, 10, 2L, List.of(), AT, 0));
      profiles.create(workspace, new StoredProfile(id, 1, profile(id, 2), null, AT, "a"));
      profiles.create(workspace, new StoredProfile(id, 2, profile(id, 2), null, AT, "a"));
      suggestions.save(workspace, StoredSuggestion.proposed(id, Layer.GOLD, new Suggestion("aggregation", Map.of(), 0.8, "r", List.of()), 2, List.of()));
    }

    datasets.delete(workspace, "ds_gone00000000000001");

    assertTrue(profiles.versions(workspace, "ds_gone00000000000001").isEmpty());
    assertTrue(suggestions.listAll(workspace, "ds_gone00000000000001").isEmpty());
    assertTrue(datasets.find(workspace, "ds_gone00000000000001").isEmpty());
    assertEquals(2, profiles.versions(workspace, "ds_stays0000000000001").size());
    assertEquals(1, suggestions.listAll(workspace, "ds_stays0000000000001").size());
    assertEquals(1, datasets.list(workspace).size(), "profiles and suggestions are not listed as datasets");
  }

  private static TableProfile profile(String name, int columns) {
    List<ColumnProfile> profiled = new ArrayList<>();
    for (int i = 0; i < columns; i++) {
      profiled.add(
          new ColumnProfile(
              "column_" + i, "BIGINT", "INTEGER", null, 0, 0, 0, 0, new ColumnProfile.DistinctCount(100, true, 0), "1",
              "100", 50.5, Map.of("p50", "50"), List.of(), false, new ColumnProfile.LengthStats(1, 3, 2.0), List.of(),
              ColumnProfile.Ordering.NOT_CHECKED, null, 0));
    }
    return new TableProfile(name, SourceFormat.CSV, "duckdb", 100, 100, 0, profiled, List.of(), Map.of("delimiter", ","));
  }
}
