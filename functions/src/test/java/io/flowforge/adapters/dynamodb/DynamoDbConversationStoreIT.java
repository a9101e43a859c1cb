package io.flowforge.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.flowforge.conversation.AuditEntry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * The rolling rate window stored in DynamoDB Local (conditional writes keep it exact under races), and
 * the audit log's order.
 */
class DynamoDbConversationStoreIT {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  static AmazonDynamoDBLocal local;
  static DynamoDbConversationStore store;

  @BeforeAll
  static void start() {
    local = DynamoDBEmbedded.create();
    Map<Tables, String> names = LogicalTables.createAll(local.dynamoDbClient());
    DynamoDbEnhancedClient client = DynamoDbEnhancedClient.builder().dynamoDbClient(local.dynamoDbClient()).build();
    store = new DynamoDbConversationStore(client, names.get(Tables.CONVERSATIONS));
  }

  @AfterAll
  static void stop() {
    local.shutdownNow();
  }

  @Test
  void admitsTheLimitOnceAcrossAMinuteBoundary_andFreesASlotAWindowLater() {
    Instant burst = Instant.parse("2026-03-01T10:00:59Z");

    Optional<Instant> first = store.admitMessage("ws-boundary", burst, 2, MINUTE);
    Optional<Instant> second = store.admitMessage("ws-boundary", burst.plusMillis(500), 2, MINUTE);
    Optional<Instant> nextMinute = store.admitMessage("ws-boundary", burst.plusSeconds(2), 2, MINUTE);
    Optional<Instant> otherWorkspace = store.admitMessage("ws-other", burst.plusSeconds(2), 2, MINUTE);
    Optional<Instant> windowLater = store.admitMessage("ws-boundary", burst.plus(MINUTE), 2, MINUTE);

    assertTrue(first.isEmpty());
    assertTrue(second.isEmpty());
    assertEquals(Optional.of(burst.plus(MINUTE)), nextMinute);
    assertTrue(otherWorkspace.isEmpty(), "each workspace has its own window");
    assertTrue(windowLater.isEmpty());
  }

  @Test
  void listsAuditEntriesNewestFirst_evenWhenOneFallsOnAWholeSecond() {
    Instant whole = Instant.parse("2026-03-01T10:00:03Z");
    store.audit("ws-audit", entry("au_first", whole.minusMillis(2)));
    store.audit("ws-audit", entry("au_whole", whole));
    store.audit("ws-audit", entry("au_after", whole.plusMillis(4)));

    assertEquals(
        List.of("au_after", "au_whole", "au_first"),
        store.audit("ws-audit", 10).stream().map(AuditEntry::id).toList());
  }

  private static AuditEntry entry(String id, Instant at) {
    return new AuditEntry(id, at, "owner", "tool_call", null, null, null, List.of("suggest_keys"), 0, 0,
        BigDecimal.ZERO, "ok", AuditEntry.MCP);
  }

  @Test
  void concurrentMessagesNeverExceedTheLimit() throws Exception {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<Optional<Instant>>> senders = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Instant at = now.plusMillis(i);
        senders.add(() -> store.admitMessage("ws-race", at, 4, MINUTE));
      }
      long admitted = 0;
      for (Future<Optional<Instant>> result : pool.invokeAll(senders)) {
        admitted += result.get().isEmpty() ? 1 : 0;
      }

      assertEquals(4, admitted);
      assertTrue(store.admitMessage("ws-race", now.plusSeconds(1), 4, MINUTE).isPresent());
    } finally {
      pool.shutdownNow();
    }
  }
}
