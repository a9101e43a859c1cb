package io.flowforge.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.modeling.GeneratedModel;
import io.flowforge.modeling.ModelGenerator;
import io.flowforge.modeling.ModelRequest;
import io.flowforge.modeling.ModelSource;
import io.flowforge.modeling.ModelVersion;
import io.flowforge.modeling.SampleSchemas;
import io.flowforge.modeling.SavedModel;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The saved-model store on DynamoDB Local: transactions, the optimistic lock, gzip and the size limit. */
class DynamoDbModelStoreIT {
  static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
  static final GeneratedModel KIMBALL =
      new ModelGenerator()
          .generate(new ModelRequest(ModelRequest.ModelStyle.KIMBALL, SampleSchemas.productAndCategory(), null));
  static final ModelSource SOURCE =
      new ModelSource(List.of("ds_aaaaaaaaaaaaaaaaaaaa"), ModelRequest.ModelStyle.KIMBALL, null);
  static AmazonDynamoDBLocal local;
  static DynamoDbModelStore store;

  @BeforeAll
  static void start() {
    local = DynamoDBEmbedded.create();
    LogicalTables.createAll(local.dynamoDbClient());
    store =
        new DynamoDbModelStore(
            DynamoDbEnhancedClient.builder().dynamoDbClient(local.dynamoDbClient()).build(), "models");
  }

  @AfterAll
  static void stop() {
    local.shutdownNow();
  }

  private static SavedModel head(String workspaceId, String modelId, String name, long latest, Instant at) {
    return new SavedModel(modelId, workspaceId, name, "kimball", latest, T0, at);
  }

  private static ModelVersion version(String workspaceId, String modelId, long number, GeneratedModel model) {
    return new ModelVersion(modelId, workspaceId, number, "hash-" + number, T0.plusSeconds(number), model, SOURCE);
  }

  @Test
  void storesHeadAndVersions_andReadsTheContentBack() {
    String ws = "ws_storeaaaaaaaaaaaaaaa";
    store.create(head(ws, "mdl_aaaaaaaaaaaaaaaaaaaa", "Star", 1, T0), version(ws, "mdl_aaaaaaaaaaaaaaaaaaaa", 1, KIMBALL));
    store.addVersion(
        head(ws, "mdl_aaaaaaaaaaaaaaaaaaaa", "Star", 2, T0.plusSeconds(5)),
        version(ws, "mdl_aaaaaaaaaaaaaaaaaaaa", 2, KIMBALL),
        1);

    SavedModel found = store.find(ws, "mdl_aaaaaaaaaaaaaaaaaaaa").orElseThrow();
    assertEquals(2, found.latestVersion());
    assertEquals(List.of(1L, 2L), store.versions(ws, "mdl_aaaaaaaaaaaaaaaaaaaa").stream().map(ModelVersion.Summary::version).toList());
    ModelVersion read = store.findVersion(ws, "mdl_aaaaaaaaaaaaaaaaaaaa", 2).orElseThrow();
    assertEquals(KIMBALL.files(), read.model().files());
    assertEquals(KIMBALL.spec().entities().size(), read.model().spec().entities().size());
    assertEquals(SOURCE, read.source());
    assertEquals("hash-2", read.contentHash());
  }

  @Test
  void refusesAVersionWhenTheHeadMoved_writingNothing() {
    String ws = "ws_lockaaaaaaaaaaaaaaaa";
    String id = "mdl_bbbbbbbbbbbbbbbbbbbb";
    store.create(head(ws, id, "Vault", 1, T0), version(ws, id, 1, KIMBALL));
    store.addVersion(head(ws, id, "Vault", 2, T0.plusSeconds(1)), version(ws, id, 2, KIMBALL), 1);

    // A second writer that read the head at version 1 tries to add its own version 2.
    FlowForgeException stale =
        assertThrows(
            FlowForgeException.class,
            () -> store.addVersion(head(ws, id, "Vault", 2, T0.plusSeconds(2)), version(ws, id, 2, KIMBALL), 1));

    assertEquals(ProblemType.CONFLICT, stale.type());
    assertEquals(T0.plusSeconds(1), store.find(ws, id).orElseThrow().updatedAt());
    assertEquals(2, store.versions(ws, id).size());
  }

  @Test
  void refusesToCreateAModelTwice() {
    String ws = "ws_twiceaaaaaaaaaaaaaaa";
    String id = "mdl_cccccccccccccccccccc";
    store.create(head(ws, id, "Once", 1, T0), version(ws, id, 1, KIMBALL));

    FlowForgeException twice =
        assertThrows(FlowForgeException.class, () -> store.create(head(ws, id, "Twice", 1, T0), version(ws, id, 1, KIMBALL)));

    assertEquals(ProblemType.CONFLICT, twice.type());
    assertEquals("Once", store.find(ws, id).orElseThrow().name());
  }

  @Test
  void gzipsLargeContent_andReadsItBackIntact() {
    String ws = "ws_gzipaaaaaaaaaaaaaaaa";
    String id = "mdl_dddddddddddddddddddd";
    GeneratedModel large = withExtraFile(KIMBALL, "docs/notes.md", "x".repeat(300_000));

    store.create(head(ws, id, "Large", 1, T0), version(ws, id, 1, large));

    Map<String, AttributeValue> item =
        local.dynamoDbClient()
            .getItem(r -> r.tableName("models").key(Map.of(
                "pk", AttributeValue.fromS(ws),
                "sk", AttributeValue.fromS("MODELV#" + id + "#0000000001"))))
            .item();
    assertTrue(item.containsKey("contentGzip") && !item.containsKey("content"), item.keySet().toString());
    assertTrue(item.get("contentGzip").b().asByteArray().length < 100_000);
    assertEquals(large.files(), store.findVersion(ws, id, 1).orElseThrow().model().files());
  }

  @Test
  void refusesContentTooLargeForOneItem_beforeWritingAnything() {
    String ws = "ws_hugeaaaaaaaaaaaaaaaa";
    String id = "mdl_eeeeeeeeeeeeeeeeeeee";
    byte[] noise = new byte[600_000];
    new Random(7).nextBytes(noise);
    GeneratedModel huge = withExtraFile(KIMBALL, "docs/noise.md", Base64.getEncoder().encodeToString(noise));

    FlowForgeException refused =
        assertThrows(FlowForgeException.class, () -> store.create(head(ws, id, "Huge", 1, T0), version(ws, id, 1, huge)));

    assertEquals(ProblemType.PAYLOAD_TOO_LARGE, refused.type());
    assertTrue(refused.getMessage().contains("380 KB"), refused.getMessage());
    assertTrue(store.find(ws, id).isEmpty());
    assertTrue(store.list(ws).isEmpty());
  }

  @Test
  void listsOnlyTheWorkspacesModels_mostRecentlyUpdatedFirst() {
    String ws = "ws_listaaaaaaaaaaaaaaaa";
    store.create(head(ws, "mdl_ffffffffffffffffffff", "Older", 1, T0), version(ws, "mdl_ffffffffffffffffffff", 1, KIMBALL));
    store.create(
        head(ws, "mdl_gggggggggggggggggggg", "Newer", 1, T0.plusSeconds(60)), version(ws, "mdl_gggggggggggggggggggg", 1, KIMBALL));
    store.create(
        head("ws_otheraaaaaaaaaaaaaaa", "mdl_hhhhhhhhhhhhhhhhhhhh", "Other", 1, T0),
        version("ws_otheraaaaaaaaaaaaaaa", "mdl_hhhhhhhhhhhhhhhhhhhh", 1, KIMBALL));

    assertEquals(List.of("Newer", "Older"), store.list(ws).stream().map(SavedModel::name).toList());
    assertTrue(store.versions(ws, "mdl_hhhhhhhhhhhhhhhhhhhh").isEmpty());
    assertTrue(store.findVersion(ws, "mdl_hhhhhhhhhhhhhhhhhhhh", 1).isEmpty());
  }

  private static GeneratedModel withExtraFile(GeneratedModel model, String path, String content) {
    Map<String, String> files = new LinkedHashMap<>(model.files());
    files.put(path, content);
    return new GeneratedModel(model.spec(), model.specYaml(), model.flow(), files, model.decisions());
  }
}
