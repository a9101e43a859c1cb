package io.flowforge.adapters.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.flowforge.core.Json;
import io.flowforge.patterns.PatternStore;
import io.flowforge.patterns.TeamPattern;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;

/** {@link PatternStore} in the {@code models} table; see docs/storage.md for the key design. */
public final class DynamoDbPatternStore implements PatternStore {
  private static final TypeReference<Map<String, String>> FILES = new TypeReference<>() {};

  private final DynamoDbTable<TeamPatternItem> table;

  public DynamoDbPatternStore(DynamoDbEnhancedClient client, String tableName) {
    this.table = client.table(tableName, TeamPatternItem.SCHEMA);
  }

  @Override
  public void save(TeamPattern pattern) {
    try {
      table.putItem(
          TeamPatternItem.builder()
              .pk(pattern.workspaceId())
              .sk(TeamPatternItem.SORT_KEY_PREFIX + pattern.id())
              .id(pattern.id())
              .version((long) pattern.version())
              .name(pattern.name())
              .filesJson(Json.mapper().writeValueAsString(pattern.files()))
              .createdAt(pattern.createdAt().toString())
              .build());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("pattern files are always serialisable", e);
    }
  }

  @Override
  public Optional<TeamPattern> find(String workspaceId, String id) {
    return Optional.ofNullable(
            table.getItem(
                GetItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(workspaceId).sortValue(TeamPatternItem.SORT_KEY_PREFIX + id).build())
                    .consistentRead(true)
                    .build()))
        .map(DynamoDbPatternStore::toPattern);
  }

  @Override
  public List<TeamPattern> list(String workspaceId) {
    return table
        .query(
            QueryEnhancedRequest.builder()
                .queryConditional(
                    QueryConditional.sortBeginsWith(
                        Key.builder().partitionValue(workspaceId).sortValue(TeamPatternItem.SORT_KEY_PREFIX).build()))
                .consistentRead(true)
                .build())
        .items()
        .stream()
        .map(DynamoDbPatternStore::toPattern)
        .sorted(Comparator.comparing(TeamPattern::id))
        .toList();
  }

  private static TeamPattern toPattern(TeamPatternItem item) {
    try {
      return new TeamPattern(
          item.getPk(), item.getId(), item.getVersion().intValue(), item.getName(),
          Json.mapper().readValue(item.getFilesJson(), FILES), Instant.parse(item.getCreatedAt()));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored pattern files are not valid JSON", e);
    }
  }
}
