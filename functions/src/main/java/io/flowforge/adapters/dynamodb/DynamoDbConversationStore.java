package io.flowforge.adapters.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flowforge.conversation.AiControls;
import io.flowforge.conversation.AuditEntry;
import io.flowforge.conversation.MessageWindow;
import io.flowforge.conversation.ChatMessage;
import io.flowforge.conversation.Conversation;
import io.flowforge.conversation.ConversationStore;
import io.flowforge.conversation.MonthlyUsage;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactWriteItemsEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link ConversationStore} on the {@code conversations} table; see docs/storage.md for the key
 * design.
 */
public final class DynamoDbConversationStore implements ConversationStore {
  static final String CONVERSATION = "CONV#";
  static final String MESSAGE = "MSG#";
  static final String CONTROLS = "CONTROLS";
  static final String USAGE = "USAGE#";
  /** The rolling rate window: one item per workspace. */
  static final String RATE_WINDOW = "RATEWINDOW";
  static final String AUDIT = "AUDIT#";
  /**
   * Fixed-width instants, so keys sort in time order: {@code Instant.toString} drops a zero
   * fraction, and "10:00:03Z" would sort after "10:00:03.004Z".
   */
  private static final DateTimeFormatter AUDIT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** Counters are updated optimistically; concurrent answers in one workspace retry this often. */
  private static final int COUNTER_ATTEMPTS = 8;

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<ConversationItem> table;

  public DynamoDbConversationStore(DynamoDbEnhancedClient client, String tableName) {
    this.client = client;
    this.table = client.table(tableName, ConversationItem.SCHEMA);
  }

  @Override
  public Conversation create(Conversation conversation) {
    table.putItem(
        item(conversation.workspaceId(), CONVERSATION + conversation.id(), conversation, null));
    return find(conversation.workspaceId(), conversation.id()).orElseThrow();
  }

  @Override
  public Optional<Conversation> find(String workspaceId, String conversationId) {
    return get(workspaceId, CONVERSATION + conversationId)
        .map(DynamoDbConversationStore::conversation);
  }

  @Override
  public List<Conversation> list(String workspaceId) {
    return query(workspaceId, CONVERSATION, true).stream()
        .map(DynamoDbConversationStore::conversation)
        .sorted(
            Comparator.comparing(Conversation::updatedAt)
                .reversed()
                .thenComparing(Conversation::id))
        .toList();
  }

  @Override
  public List<ChatMessage> messages(String workspaceId, String conversationId) {
    return query(workspaceId, MESSAGE + conversationId + "#", true).stream()
        .map(item -> read(item, ChatMessage.class))
        .toList();
  }

  @Override
  public Conversation append(Conversation updated, List<ChatMessage> messages) {
    String workspaceId = updated.workspaceId();
    TransactWriteItemsEnhancedRequest.Builder transaction =
        TransactWriteItemsEnhancedRequest.builder();
    for (ChatMessage message : messages) {
      transaction.addPutItem(table, item(workspaceId, messageKey(message), message, null));
    }
    transaction.addPutItem(
        table, item(workspaceId, CONVERSATION + updated.id(), updated, updated.version()));
    try {
      client.transactWriteItems(transaction.build());
    } catch (TransactionCanceledException e) {
      throw new FlowForgeException(
          ProblemType.CONFLICT,
          "Conversation "
              + updated.id()
              + " got another message while this one was answered. Reload the"
              + " conversation and send your message again.",
          null,
          e);
    }
    return find(workspaceId, updated.id()).orElseThrow();
  }

  @Override
  public void replaceMessage(String workspaceId, ChatMessage message) {
    String key = messageKey(message);
    ConversationItem stored =
        get(workspaceId, key)
            .orElseThrow(
                () -> new IllegalStateException("message " + message.id() + " is not stored"));
    try {
      table.putItem(item(workspaceId, key, message, stored.getVersion()));
    } catch (ConditionalCheckFailedException e) {
      throw new FlowForgeException(
          ProblemType.CONFLICT,
          "The message changed while it was updated. Reload the conversation and try again.",
          null,
          e);
    }
  }

  @Override
  public Optional<AiControls> controls(String workspaceId) {
    return get(workspaceId, CONTROLS)
        .map(
            item -> {
              AiControls stored = read(item, AiControls.class);
              return new AiControls(
                  stored.aiEnabled(),
                  stored.samplesAllowed(),
                  stored.monthlyTokenBudget(),
                  stored.messagesPerMinute(),
                  item.getVersion());
            });
  }

  @Override
  public AiControls saveControls(String workspaceId, AiControls controls) {
    try {
      // Version 0 means the defaults were read: nothing is stored yet, so the item must not exist.
      table.putItem(
          item(
              workspaceId,
              CONTROLS,
              controls,
              controls.version() == 0 ? null : controls.version()));
    } catch (ConditionalCheckFailedException e) {
      throw new FlowForgeException(
          ProblemType.CONFLICT,
          "The AI controls were changed by another request. Read them again and reapply your"
              + " change.",
          null,
          e);
    }
    return controls(workspaceId).orElseThrow();
  }

  @Override
  public MonthlyUsage usage(String workspaceId, String month) {
    return get(workspaceId, USAGE + month)
        .map(item -> read(item, MonthlyUsage.class))
        .orElse(MonthlyUsage.empty(month));
  }

  @Override
  public void addUsage(
      String workspaceId, String month, long inputTokens, long outputTokens, BigDecimal costUsd) {
    update(
        workspaceId,
        USAGE + month,
        MonthlyUsage.class,
        MonthlyUsage.empty(month),
        null,
        usage ->
            new MonthlyUsage(
                month,
                usage.messages() + 1,
                usage.inputTokens() + inputTokens,
                usage.outputTokens() + outputTokens,
                usage.costUsd().add(costUsd)));
  }

  @Override
  public Optional<Instant> admitMessage(
      String workspaceId, Instant now, int limit, Duration window) {
    // Read, decide, write only if nobody wrote since (the item's version): a lost race re-reads.
    for (int attempt = 1; ; attempt++) {
      Optional<ConversationItem> stored = get(workspaceId, RATE_WINDOW);
      MessageWindow current =
          stored.map(item -> read(item, MessageWindow.class)).orElse(MessageWindow.EMPTY);
      MessageWindow.Admission admission = current.admit(now, limit, window);
      if (!admission.admitted()) {
        return Optional.of(admission.retryAt());
      }
      ConversationItem item =
          ConversationItem.builder()
              .pk(workspaceId)
              .sk(RATE_WINDOW)
              .body(write(admission.next()))
              .expiresAt(admission.next().expiresAt(window).getEpochSecond())
              .version(stored.map(ConversationItem::getVersion).orElse(null))
              .build();
      try {
        table.putItem(item);
        return Optional.empty();
      } catch (ConditionalCheckFailedException e) {
        if (attempt == COUNTER_ATTEMPTS) {
          throw new FlowForgeException(
              ProblemType.CONFLICT,
              "Too many messages reached this workspace's assistant at once. Retry in a moment.",
              null,
              e);
        }
      }
    }
  }

  @Override
  public void audit(String workspaceId, AuditEntry entry) {
    table.putItem(
        item(workspaceId, AUDIT + AUDIT_TIME.format(entry.at()) + "#" + entry.id(), entry, null));
  }

  @Override
  public List<AuditEntry> audit(String workspaceId, int limit) {
    QueryEnhancedRequest request =
        QueryEnhancedRequest.builder()
            .queryConditional(beginsWith(workspaceId, AUDIT))
            .scanIndexForward(false)
            .limit(limit)
            .consistentRead(true)
            .build();
    return table.query(request).stream()
        .findFirst()
        .map(page -> page.items())
        .orElse(List.of())
        .stream()
        .map(item -> read(item, AuditEntry.class))
        .toList();
  }

  private <T> T update(
      String workspaceId,
      String sortKey,
      Class<T> type,
      T initial,
      Long expiresAt,
      UnaryOperator<T> change) {
    for (int attempt = 1; ; attempt++) {
      Optional<ConversationItem> stored = get(workspaceId, sortKey);
      T next = change.apply(stored.map(item -> read(item, type)).orElse(initial));
      ConversationItem item =
          ConversationItem.builder()
              .pk(workspaceId)
              .sk(sortKey)
              .body(write(next))
              .expiresAt(expiresAt)
              .version(stored.map(ConversationItem::getVersion).orElse(null))
              .build();
      try {
        table.putItem(item);
        return next;
      } catch (ConditionalCheckFailedException e) {
        if (attempt == COUNTER_ATTEMPTS) {
          throw new FlowForgeException(
              ProblemType.CONFLICT,
              "Too many requests changed this workspace's assistant counters at once. Retry in a"
                  + " moment.",
              null,
              e);
        }
      }
    }
  }

  private Optional<ConversationItem> get(String workspaceId, String sortKey) {
    Key key = Key.builder().partitionValue(workspaceId).sortValue(sortKey).build();
    return Optional.ofNullable(
        table.getItem(GetItemEnhancedRequest.builder().key(key).consistentRead(true).build()));
  }

  private List<ConversationItem> query(String workspaceId, String prefix, boolean forward) {
    return table
        .query(
            QueryEnhancedRequest.builder()
                .queryConditional(beginsWith(workspaceId, prefix))
                .scanIndexForward(forward)
                .consistentRead(true)
                .build())
        .items()
        .stream()
        .toList();
  }

  private static QueryConditional beginsWith(String workspaceId, String prefix) {
    return QueryConditional.sortBeginsWith(
        Key.builder().partitionValue(workspaceId).sortValue(prefix).build());
  }

  /** Messages sort by their zero-padded sequence number inside the conversation. */
  private static String messageKey(ChatMessage message) {
    return MESSAGE + message.conversationId() + "#" + String.format("%06d", message.sequence());
  }

  private static Conversation conversation(ConversationItem item) {
    Conversation c = read(item, Conversation.class);
    return new Conversation(
        c.id(),
        c.workspaceId(),
        c.title(),
        c.createdBy(),
        c.createdAt(),
        c.updatedAt(),
        c.messageCount(),
        c.lastRequest(),
        c.lastSuggestionId(),
        item.getVersion());
  }

  /**
   * {@code version} null means a new item: the versioned-record extension then requires it be
   * absent.
   */
  private static ConversationItem item(
      String workspaceId, String sortKey, Object record, Long version) {
    return ConversationItem.builder()
        .pk(workspaceId)
        .sk(sortKey)
        .body(write(record))
        .version(version)
        .build();
  }

  static SdkBytes write(Object record) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      Json.mapper().writeValue(gzip, record);
    } catch (IOException e) {
      throw new UncheckedIOException("record could not be serialised", e);
    }
    return SdkBytes.fromByteArray(bytes.toByteArray());
  }

  static <T> T read(ConversationItem item, Class<T> type) {
    try (GZIPInputStream gzip =
        new GZIPInputStream(new ByteArrayInputStream(item.getBody().asByteArray()))) {
      return Json.mapper().readValue(gzip, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is not valid JSON", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
