package io.flowforge.adapters.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.flowforge.modeling.GeneratedModel;
import io.flowforge.modeling.ModelSource;
import io.flowforge.modeling.ModelStore;
import io.flowforge.modeling.ModelVersion;
import io.flowforge.modeling.SavedModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** {@link ModelStore} on the {@code models} table; see docs/storage.md for the key design. */
public final class DynamoDbModelStore implements ModelStore {
  /** Content above this size is gzipped; model JSON (SQL, YAML, repeated keys) shrinks about tenfold. */
  static final int GZIP_ABOVE_BYTES = 32 * 1024;
  /** Largest stored content: a DynamoDB item holds 400 KB, and the version's other attributes need room. */
  static final int MAX_STORED_BYTES = 380 * 1024;

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<ModelItem> heads;
  private final DynamoDbTable<ModelVersionItem> versions;

  public DynamoDbModelStore(DynamoDbEnhancedClient client, String tableName) {
    this.client = client;
    this.heads = client.table(tableName, ModelItem.SCHEMA);
    this.versions = client.table(tableName, ModelVersionItem.SCHEMA);
  }

  /** What a version item stores as its content. */
  private record Content(ModelSource source, GeneratedModel model) {}

  @Override
  public SavedModel create(SavedModel model, ModelVersion first) {
    ModelVersionItem version = toItem(first);
    write(
        "Model '" + model.name() + "' was just created by another request. Reload it and save again.",
        TransactPutItemEnhancedRequest.builder(ModelItem.class)
            .item(toItem(model))
            .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
            .build(),
        version);
    return model;
  }

  @Override
  public SavedModel addVersion(SavedModel head, ModelVersion next, long expectedLatest) {
    ModelVersionItem version = toItem(next);
    Expression stillAtExpected =
        Expression.builder()
            .expression("latestVersion = :expected")
            .expressionValues(Map.of(":expected", AttributeValue.fromN(Long.toString(expectedLatest))))
            .build();
    write(
        "Model '" + head.name() + "' was changed by another request. Reload it and save again.",
        TransactPutItemEnhancedRequest.builder(ModelItem.class).item(toItem(head)).conditionExpression(stillAtExpected).build(),
        version);
    return head;
  }

  /** Head and version in one transaction: both or neither; a version number is never written twice. */
  private void write(String conflictDetail, TransactPutItemEnhancedRequest<ModelItem> head, ModelVersionItem version) {
    try {
      client.transactWriteItems(
          TransactWriteItemsEnhancedRequest.builder()
              .addPutItem(heads, head)
              .addPutItem(
                  versions,
                  TransactPutItemEnhancedRequest.builder(ModelVersionItem.class)
                      .item(version)
                      .conditionExpression(Expression.builder().expression("attribute_not_exists(pk)").build())
                      .build())
              .build());
    } catch (TransactionCanceledException e) {
      throw new FlowForgeException(ProblemType.CONFLICT, conflictDetail, null, e);
    }
  }

  @Override
  public Optional<SavedModel> find(String workspaceId, String modelId) {
    return Optional.ofNullable(
            heads.getItem(
                GetItemEnhancedRequest.builder().key(headKey(workspaceId, modelId)).consistentRead(true).build()))
        .map(DynamoDbModelStore::toModel);
  }

  @Override
  public Optional<ModelVersion> findVersion(String workspaceId, String modelId, long version) {
    return Optional.ofNullable(
            versions.getItem(
                GetItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(workspaceId).sortValue(versionSortKey(modelId, version)).build())
                    .consistentRead(true)
                    .build()))
        .map(DynamoDbModelStore::toVersion);
  }

  @Override
  public List<SavedModel> list(String workspaceId) {
    return heads
        .query(
            QueryEnhancedRequest.builder()
                .queryConditional(beginsWith(workspaceId, ModelItem.SORT_KEY_PREFIX))
                .consistentRead(true)
                .build())
        .items()
        .stream()
        .map(DynamoDbModelStore::toModel)
        .sorted(Comparator.comparing(SavedModel::updatedAt).reversed().thenComparing(SavedModel::id))
        .toList();
  }

  @Override
  public List<ModelVersion.Summary> versions(String workspaceId, String modelId) {
    // Projected without the content: a listing reads a few bytes per version, not the whole model.
    return versions
        .query(
            QueryEnhancedRequest.builder()
                .queryConditional(beginsWith(workspaceId, ModelVersionItem.SORT_KEY_PREFIX + modelId + "#"))
                .attributesToProject("pk", "sk", "version", "contentHash", "createdAt")
                .consistentRead(true)
                .build())
        .items()
        .stream()
        .map(item -> new ModelVersion.Summary(item.getVersion(), item.getContentHash(), Instant.parse(item.getCreatedAt())))
        .toList();
  }

  private static QueryConditional beginsWith(String workspaceId, String prefix) {
    return QueryConditional.sortBeginsWith(Key.builder().partitionValue(workspaceId).sortValue(prefix).build());
  }

  private static Key headKey(String workspaceId, String modelId) {
    return Key.builder().partitionValue(workspaceId).sortValue(ModelItem.SORT_KEY_PREFIX + modelId).build();
  }

  /** Zero-padded so the sort key orders versions numerically. */
  private static String versionSortKey(String modelId, long version) {
    return ModelVersionItem.SORT_KEY_PREFIX + modelId + "#" + String.format("%010d", version);
  }

  private static ModelItem toItem(SavedModel model) {
    return ModelItem.builder()
        .pk(model.workspaceId())
        .sk(ModelItem.SORT_KEY_PREFIX + model.id())
        .id(model.id())
        .name(model.name())
        .style(model.style())
        .latestVersion(model.latestVersion())
        .createdAt(model.createdAt().toString())
        .updatedAt(model.updatedAt().toString())
        .build();
  }

  private static SavedModel toModel(ModelItem item) {
    return new SavedModel(
        item.getId(), item.getPk(), item.getName(), item.getStyle(), item.getLatestVersion(),
        Instant.parse(item.getCreatedAt()), Instant.parse(item.getUpdatedAt()));
  }

  /** Encodes the content, gzipped when large; refuses content the item cannot hold before anything is written. */
  private static ModelVersionItem toItem(ModelVersion version) {
    byte[] json = writeContent(new Content(version.source(), version.model()));
    ModelVersionItem.Builder item =
        ModelVersionItem.builder()
            .pk(version.workspaceId())
            .sk(versionSortKey(version.modelId(), version.version()))
            .modelId(version.modelId())
            .version(version.version())
            .contentHash(version.contentHash())
            .createdAt(version.createdAt().toString())
            .contentBytes((long) json.length);
    if (json.length <= GZIP_ABOVE_BYTES) {
      return item.content(new String(json, StandardCharsets.UTF_8)).build();
    }
    byte[] gzipped = gzip(json);
    if (gzipped.length > MAX_STORED_BYTES) {
      throw new FlowForgeException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The model is " + gzipped.length / 1024 + " KB compressed; a saved model holds at most "
              + MAX_STORED_BYTES / 1024 + " KB. Design it from fewer datasets or keep fewer attributes.");
    }
    return item.contentGzip(SdkBytes.fromByteArray(gzipped)).build();
  }

  private static ModelVersion toVersion(ModelVersionItem item) {
    byte[] json =
        item.getContentGzip() != null
            ? gunzip(item.getContentGzip().asByteArray())
            : item.getContent().getBytes(StandardCharsets.UTF_8);
    Content content = readContent(json);
    return new ModelVersion(
        item.getModelId(), item.getPk(), item.getVersion(), item.getContentHash(),
        Instant.parse(item.getCreatedAt()), content.model(), content.source());
  }

  private static byte[] writeContent(Content content) {
    try {
      return Json.mapper().writeValueAsBytes(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a generated model is always serialisable", e);
    }
  }

  private static Content readContent(byte[] json) {
    try {
      return Json.mapper().readValue(json, Content.class);
    } catch (IOException e) {
      throw new IllegalStateException("stored model content is not valid JSON", e);
    }
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 8);
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gunzip(byte[] bytes) {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
