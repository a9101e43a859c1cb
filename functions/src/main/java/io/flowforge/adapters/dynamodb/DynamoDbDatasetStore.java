package io.flowforge.adapters.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.flowforge.dataset.Column;
import io.flowforge.dataset.Dataset;
import io.flowforge.dataset.DatasetFormat;
import io.flowforge.dataset.DatasetStatus;
import io.flowforge.dataset.DatasetStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link DatasetStore} on the {@code datasets} table; see docs/storage.md for the key design. */
public final class DynamoDbDatasetStore implements DatasetStore {
  /** A registration whose file never arrives is removed by DynamoDB's TTL after this long. */
  static final Duration PENDING_LIFETIME = Duration.ofDays(1);
  private static final TypeReference<List<Column>> COLUMNS = new TypeReference<>() {};

  private final DynamoDbTable<DatasetItem> table;
  private final DynamoDbTable<ProfileItem> profiles;
  private final DynamoDbTable<SuggestionItem> suggestions;

  public DynamoDbDatasetStore(DynamoDbEnhancedClient client, String tableName) {
    this.table = client.table(tableName, DatasetItem.SCHEMA);
    this.profiles = client.table(tableName, ProfileItem.SCHEMA);
    this.suggestions = client.table(tableName, SuggestionItem.SCHEMA);
  }

  @Override
  public Dataset create(Dataset dataset) {
    return toDataset(table.updateItem(toItem(dataset, null)));
  }

  @Override
  public Dataset update(Dataset dataset) {
    try {
      return toDataset(table.updateItem(toItem(dataset, dataset.version())));
    } catch (ConditionalCheckFailedException e) {
      throw new FlowForgeException(
          ProblemType.CONFLICT,
          "Dataset " + dataset.id() + " was changed by another request. Reload it and try again.",
          null,
          e);
    }
  }

  @Override
  public Optional<Dataset> find(String workspaceId, String datasetId) {
    return Optional.ofNullable(
            table.getItem(
                GetItemEnhancedRequest.builder().key(key(workspaceId, datasetId)).consistentRead(true).build()))
        .map(DynamoDbDatasetStore::toDataset);
  }

  @Override
  public List<Dataset> list(String workspaceId) {
    QueryConditional datasetsOfWorkspace =
        QueryConditional.sortBeginsWith(
            Key.builder().partitionValue(workspaceId).sortValue(DatasetItem.SORT_KEY_PREFIX).build());
    return table
        .query(QueryEnhancedRequest.builder().queryConditional(datasetsOfWorkspace).consistentRead(true).build())
        .items()
        .stream()
        .map(DynamoDbDatasetStore::toDataset)
        .sorted(Comparator.comparing(Dataset::createdAt).thenComparing(Dataset::id))
        .toList();
  }

  /**
   * Deletes the dataset's profiles and suggestions first and the dataset item last, so a delete that fails
   * half-way leaves the dataset listed and can simply be repeated.
   */
  @Override
  public void delete(String workspaceId, String datasetId) {
    deleteAll(profiles, workspaceId, DynamoDbProfileStore.prefix(datasetId));
    deleteAll(suggestions, workspaceId, DynamoDbSuggestionStore.prefix(datasetId));
    table.deleteItem(key(workspaceId, datasetId));
  }

  private static <T> void deleteAll(DynamoDbTable<T> items, String workspaceId, String sortKeyPrefix) {
    QueryConditional underDataset =
        QueryConditional.sortBeginsWith(Key.builder().partitionValue(workspaceId).sortValue(sortKeyPrefix).build());
    List<Key> keys =
        items
            .query(
                QueryEnhancedRequest.builder()
                    .queryConditional(underDataset)
                    .attributesToProject("pk", "sk")
                    .consistentRead(true)
                    .build())
            .items()
            .stream()
            .map(item -> items.keyFrom(item))
            .toList();
    keys.forEach(items::deleteItem);
  }

  private static Key key(String workspaceId, String datasetId) {
    return Key.builder().partitionValue(workspaceId).sortValue(DatasetItem.SORT_KEY_PREFIX + datasetId).build();
  }

  /** {@code version} null means a new item: the versioned-record extension then requires it be absent. */
  private static DatasetItem toItem(Dataset dataset, Long version) {
    boolean pending = dataset.status() == DatasetStatus.PENDING_UPLOAD;
    return DatasetItem.builder()
        .pk(dataset.workspaceId())
        .sk(DatasetItem.SORT_KEY_PREFIX + dataset.id())
        .id(dataset.id())
        .name(dataset.name())
        .fileName(dataset.fileName())
        .format(dataset.format().name())
        .status(dataset.status().name())
        .sizeBytes(dataset.sizeBytes())
        .rowCount(dataset.rowCount())
        .columnsJson(dataset.columns() == null ? null : writeColumns(dataset.columns()))
        .createdAt(dataset.createdAt().toString())
        .expiresAt(pending ? dataset.createdAt().plus(PENDING_LIFETIME).getEpochSecond() : null)
        .version(version)
        .build();
  }

  private static Dataset toDataset(DatasetItem item) {
    return new Dataset(
        item.getId(),
        item.getPk(),
        item.getName(),
        item.getFileName(),
        DatasetFormat.valueOf(item.getFormat()),
        DatasetStatus.valueOf(item.getStatus()),
        item.getSizeBytes(),
        item.getRowCount(),
        item.getColumnsJson() == null ? null : readColumns(item.getColumnsJson()),
        Instant.parse(item.getCreatedAt()),
        item.getVersion());
  }

  private static String writeColumns(List<Column> columns) {
    try {
      return Json.mapper().writeValueAsString(columns);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("columns could not be serialised", e);
    }
  }

  private static List<Column> readColumns(String json) {
    try {
      return Json.mapper().readValue(json, COLUMNS);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored columns are not valid JSON", e);
    }
  }
}
