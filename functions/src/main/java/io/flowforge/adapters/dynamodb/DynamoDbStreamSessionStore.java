package io.flowforge.adapters.dynamodb;

import io.flowforge.conversation.StreamGrant;
import io.flowforge.conversation.StreamSessionStore;
import java.time.Instant;
import java.util.Optional;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.DeleteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link StreamSessionStore} on the {@code conversations} table (see docs/storage.md). A ticket is a
 * workspace item ({@code TICKET#<sha-256 of the ticket>}); a connection is keyed by its connection id,
 * because API Gateway's {@code $disconnect} and message events carry nothing else to find it by. Both
 * carry {@code expiresAt}, so TTL removes what is never used or never closed.
 */
public final class DynamoDbStreamSessionStore implements StreamSessionStore {
  static final String TICKET = "TICKET#";
  static final String CONNECTION = "CONNECTION#";
  static final String CONNECTION_SORT_KEY = "CONNECTION";

  // TTL may remove an item up to days after it expired, so reads also check the time themselves.
  private static final String STILL_VALID = "attribute_exists(pk) AND expiresAt > :now";

  private final DynamoDbTable<ConversationItem> table;

  public DynamoDbStreamSessionStore(DynamoDbEnhancedClient client, String tableName) {
    this.table = client.table(tableName, ConversationItem.SCHEMA);
  }

  @Override
  public void saveTicket(String ticketHash, StreamGrant grant, Instant expiresAt) {
    table.putItem(item(grant.workspaceId(), TICKET + ticketHash, grant, expiresAt));
  }

  @Override
  public Optional<StreamGrant> consumeTicket(String workspaceId, String ticketHash, Instant now) {
    Expression stillValid =
        Expression.builder()
            .expression(STILL_VALID)
            .putExpressionValue(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))
            .build();
    try {
      // One conditional delete: of two connections racing with the same ticket, only one gets it.
      ConversationItem used =
          table.deleteItem(
              DeleteItemEnhancedRequest.builder()
                  .key(key(workspaceId, TICKET + ticketHash))
                  .conditionExpression(stillValid)
                  .build());
      return Optional.ofNullable(used)
          .map(item -> DynamoDbConversationStore.read(item, StreamGrant.class));
    } catch (ConditionalCheckFailedException e) {
      return Optional.empty();
    }
  }

  @Override
  public void saveConnection(String connectionId, StreamGrant grant, Instant expiresAt) {
    table.putItem(item(CONNECTION + connectionId, CONNECTION_SORT_KEY, grant, expiresAt));
  }

  @Override
  public Optional<StreamGrant> connection(String connectionId, Instant now) {
    ConversationItem item =
        table.getItem(
            GetItemEnhancedRequest.builder()
                .key(key(CONNECTION + connectionId, CONNECTION_SORT_KEY))
                .consistentRead(true)
                .build());
    return Optional.ofNullable(item)
        .filter(found -> found.getExpiresAt() != null && found.getExpiresAt() > now.getEpochSecond())
        .map(found -> DynamoDbConversationStore.read(found, StreamGrant.class));
  }

  @Override
  public void removeConnection(String connectionId) {
    table.deleteItem(key(CONNECTION + connectionId, CONNECTION_SORT_KEY));
  }

  private static Key key(String partition, String sort) {
    return Key.builder().partitionValue(partition).sortValue(sort).build();
  }

  private static ConversationItem item(
      String partition, String sort, StreamGrant grant, Instant expiresAt) {
    return ConversationItem.builder()
        .pk(partition)
        .sk(sort)
        .body(DynamoDbConversationStore.write(grant))
        .expiresAt(expiresAt.getEpochSecond())
        .build();
  }
}
