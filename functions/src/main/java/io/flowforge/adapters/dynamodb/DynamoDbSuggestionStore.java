package io.flowforge.adapters.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.flowforge.profiles.StoredSuggestion;
import io.flowforge.profiles.SuggestionStatus;
import io.flowforge.profiles.SuggestionStore;
import io.flowforge.suggest.Layer;
import io.flowforge.suggest.Suggestion;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** {@link SuggestionStore} on the {@code datasets} table; see docs/storage.md for the key design. */
public final class DynamoDbSuggestionStore implements SuggestionStore {
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final DynamoDbTable<SuggestionItem> table;

  public DynamoDbSuggestionStore(DynamoDbEnhancedClient client, String tableName) {
    this.table = client.table(tableName, SuggestionItem.SCHEMA);
  }

  @Override
  public List<StoredSuggestion> list(String workspaceId, String datasetId, Layer layer) {
    return query(workspaceId, prefix(datasetId) + layer.name() + "#");
  }

  @Override
  public List<StoredSuggestion> listAll(String workspaceId, String datasetId) {
    return query(workspaceId, prefix(datasetId));
  }

  @Override
  public Optional<StoredSuggestion> find(String workspaceId, String datasetId, Layer layer, String kind) {
    return Optional.ofNullable(
            table.getItem(
                GetItemEnhancedRequest.builder().key(key(workspaceId, datasetId, layer, kind)).consistentRead(true).build()))
        .map(DynamoDbSuggestionStore::toSuggestion);
  }

  @Override
  public StoredSuggestion save(String workspaceId, StoredSuggestion suggestion) {
    try {
      return toSuggestion(table.updateItem(toItem(workspaceId, suggestion)));
    } catch (ConditionalCheckFailedException e) {
      throw new FlowForgeException(
          ProblemType.CONFLICT,
          "Suggestion '" + suggestion.kind() + "' was changed by another request. Reload the suggestions and decide"
              + " again.",
          "/version",
          e);
    }
  }

  @Override
  public void delete(String workspaceId, String datasetId, Layer layer, String kind) {
    table.deleteItem(key(workspaceId, datasetId, layer, kind));
  }

  /** Sort-key prefix of every suggestion of one dataset. */
  static String prefix(String datasetId) {
    return SuggestionItem.SORT_KEY_PREFIX + datasetId + "#";
  }

  private List<StoredSuggestion> query(String workspaceId, String sortKeyPrefix) {
    return table
        .query(
            QueryEnhancedRequest.builder()
                .queryConditional(
                    QueryConditional.sortBeginsWith(
                        Key.builder().partitionValue(workspaceId).sortValue(sortKeyPrefix).build()))
                .consistentRead(true)
                .build())
        .items()
        .stream()
        .map(DynamoDbSuggestionStore::toSuggestion)
        .toList();
  }

  private static Key key(String workspaceId, String datasetId, Layer layer, String kind) {
    return Key.builder().partitionValue(workspaceId).sortValue(prefix(datasetId) + layer.name() + "#" + kind).build();
  }

  /** Version 0 means a new item: the versioned-record extension then requires it be absent. */
  private static SuggestionItem toItem(String workspaceId, StoredSuggestion s) {
    return SuggestionItem.builder()
        .pk(workspaceId)
        .sk(prefix(s.datasetId()) + s.layer().name() + "#" + s.kind())
        .datasetId(s.datasetId())
        .layer(s.layer().name())
        .kind(s.kind())
        .suggestionJson(write(s.suggestion()))
        .profileVersion(s.profileVersion())
        .evidenceColumns(s.evidenceColumns())
        .status(s.status().name())
        .overrideJson(s.override() == null ? null : write(s.override()))
        .decidedBy(s.decidedBy())
        .decidedAt(s.decidedAt() == null ? null : s.decidedAt().toString())
        .changedSinceDecision(s.changedSinceDecision())
        .changedColumns(s.changedColumns())
        .version(s.version() == 0 ? null : s.version())
        .build();
  }

  private static StoredSuggestion toSuggestion(SuggestionItem item) {
    try {
      return new StoredSuggestion(
          item.getDatasetId(),
          Layer.valueOf(item.getLayer()),
          item.getKind(),
          Json.mapper().readValue(item.getSuggestionJson(), Suggestion.class),
          item.getProfileVersion(),
          item.getEvidenceColumns() == null ? List.of() : item.getEvidenceColumns(),
          SuggestionStatus.valueOf(item.getStatus()),
          item.getOverrideJson() == null ? null : Json.mapper().readValue(item.getOverrideJson(), OBJECT),
          item.getDecidedBy(),
          item.getDecidedAt() == null ? null : Instant.parse(item.getDecidedAt()),
          Boolean.TRUE.equals(item.getChangedSinceDecision()),
          item.getChangedColumns() == null ? List.of() : item.getChangedColumns(),
          item.getVersion());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored suggestion is not valid JSON", e);
    }
  }

  private static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("suggestion could not be serialised", e);
    }
  }
}
