package io.flowforge.adapters.dynamodb;

import io.flowforge.workspace.Workspace;
import io.flowforge.workspace.WorkspaceStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;

/** {@link WorkspaceStore} on the {@code workspaces} table; see docs/storage.md for the key design. */
public final class DynamoDbWorkspaceStore implements WorkspaceStore {
  /** BatchGetItem reads at most 100 keys per call. */
  private static final int BATCH_SIZE = 100;

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<WorkspaceItem> workspaces;
  private final DynamoDbTable<MemberItem> members;
  private final DynamoDbIndex<MemberItem> byOwner;

  public DynamoDbWorkspaceStore(DynamoDbEnhancedClient client, String tableName) {
    this.client = client;
    this.workspaces = client.table(tableName, WorkspaceItem.SCHEMA);
    this.members = client.table(tableName, MemberItem.SCHEMA);
    this.byOwner = members.index("byOwner");
  }

  @Override
  public Workspace create(Workspace workspace, String ownerSubject) {
    WorkspaceItem item =
        WorkspaceItem.builder()
            .pk(workspace.id())
            .sk(WorkspaceItem.SORT_KEY)
            .name(workspace.name())
            .createdAt(workspace.createdAt().toString())
            .build();
    MemberItem member =
        MemberItem.builder()
            .pk(workspace.id())
            .sk(MemberItem.SORT_KEY_PREFIX + ownerSubject)
            .owner(ownerSubject)
            .createdAt(workspace.createdAt().toString())
            .role("owner")
            .build();
    Expression isNew = Expression.builder().expression("attribute_not_exists(pk)").build();
    client.transactWriteItems(
        TransactWriteItemsEnhancedRequest.builder()
            .addPutItem(workspaces, TransactPutItemEnhancedRequest.builder(WorkspaceItem.class).item(item).build())
            .addPutItem(
                members,
                TransactPutItemEnhancedRequest.builder(MemberItem.class).item(member).conditionExpression(isNew).build())
            .build());
    return find(workspace.id())
        .orElseThrow(() -> new IllegalStateException("workspace vanished right after it was written"));
  }

  @Override
  public Optional<Workspace> find(String workspaceId) {
    return Optional.ofNullable(
            workspaces.getItem(
                GetItemEnhancedRequest.builder()
                    .key(Key.builder().partitionValue(workspaceId).sortValue(WorkspaceItem.SORT_KEY).build())
                    .consistentRead(true)
                    .build()))
        .map(DynamoDbWorkspaceStore::toWorkspace);
  }

  @Override
  public boolean isMember(String workspaceId, String subject) {
    return members.getItem(
            GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(workspaceId).sortValue(MemberItem.SORT_KEY_PREFIX + subject).build())
                .consistentRead(true)
                .build())
        != null;
  }

  @Override
  public List<Workspace> listFor(String subject) {
    List<String> ids =
        byOwner.query(QueryConditional.keyEqualTo(Key.builder().partitionValue(subject).build())).stream()
            .flatMap(page -> page.items().stream())
            .map(MemberItem::getPk)
            .toList();
    List<Workspace> found = new ArrayList<>();
    for (int start = 0; start < ids.size(); start += BATCH_SIZE) {
      ReadBatch.Builder<WorkspaceItem> batch =
          ReadBatch.builder(WorkspaceItem.class).mappedTableResource(workspaces);
      ids.subList(start, Math.min(ids.size(), start + BATCH_SIZE))
          .forEach(id -> batch.addGetItem(Key.builder().partitionValue(id).sortValue(WorkspaceItem.SORT_KEY).build()));
      client.batchGetItem(BatchGetItemEnhancedRequest.builder().readBatches(batch.build()).build())
          .resultsForTable(workspaces)
          .forEach(item -> found.add(toWorkspace(item)));
    }
    found.sort(Comparator.comparing(Workspace::createdAt).thenComparing(Workspace::id));
    return found;
  }

  private static Workspace toWorkspace(WorkspaceItem item) {
    return new Workspace(item.getPk(), item.getName(), Instant.parse(item.getCreatedAt()), item.getVersion());
  }
}
