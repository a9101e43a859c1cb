package io.flowforge.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.flowforge.conversation.StreamGrant;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/** Stream tickets and connections on DynamoDB Local: single use, expiry and forgetting. */
class DynamoDbStreamSessionStoreIT {
  static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  static final StreamGrant GRANT =
      new StreamGrant("user-1", "ws_aaaaaaaaaaaaaaaaaaaa", "cv_bbbbbbbbbbbbbbbbbbbb");

  static AmazonDynamoDBLocal local;
  static DynamoDbStreamSessionStore store;

  @BeforeAll
  static void start() {
    local = DynamoDBEmbedded.create();
    LogicalTables.createAll(local.dynamoDbClient());
    DynamoDbEnhancedClient client =
        DynamoDbEnhancedClient.builder().dynamoDbClient(local.dynamoDbClient()).build();
    store = new DynamoDbStreamSessionStore(client, "conversations");
  }

  @AfterAll
  static void stop() {
    local.shutdownNow();
  }

  @Test
  void aTicketIsConsumedOnce_evenByConnectionsRacingForIt() throws Exception {
    store.saveTicket("hash-race", GRANT, NOW.plusSeconds(60));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      Callable<Optional<StreamGrant>> consume =
          () -> store.consumeTicket(GRANT.workspaceId(), "hash-race", NOW);
      List<Future<Optional<StreamGrant>>> racing =
          pool.invokeAll(List.of(consume, consume, consume, consume));
      long granted = 0;
      for (Future<Optional<StreamGrant>> result : racing) {
        granted += result.get().map(grant -> 1).orElse(0);
      }
      assertEquals(1, granted);
    } finally {
      pool.shutdownNow();
    }
    assertEquals(Optional.empty(), store.consumeTicket(GRANT.workspaceId(), "hash-race", NOW));
  }

  @Test
  void aTicketPastItsExpiryOpensNothing_evenBeforeTtlRemovesIt() {
    store.saveTicket("hash-expired", GRANT, NOW.plusSeconds(60));

    Optional<StreamGrant> late =
        store.consumeTicket(GRANT.workspaceId(), "hash-expired", NOW.plusSeconds(61));
    Optional<StreamGrant> otherWorkspace =
        store.consumeTicket("ws_cccccccccccccccccccc", "hash-expired", NOW);
    Optional<StreamGrant> inTime = store.consumeTicket(GRANT.workspaceId(), "hash-expired", NOW);

    assertEquals(Optional.empty(), late);
    assertEquals(Optional.empty(), otherWorkspace);
    assertEquals(Optional.of(GRANT), inTime);
  }

  @Test
  void aConnectionKeepsItsGrantUntilItExpiresOrIsRemoved() {
    store.saveConnection("conn-1=", GRANT, NOW.plusSeconds(7200));
    store.saveConnection("conn-2=", GRANT, NOW.plusSeconds(7200));

    assertEquals(Optional.of(GRANT), store.connection("conn-1=", NOW));
    assertTrue(store.connection("conn-1=", NOW.plusSeconds(7200)).isEmpty());
    store.removeConnection("conn-1=");
    store.removeConnection("never-connected=");
    assertTrue(store.connection("conn-1=", NOW).isEmpty());
    assertEquals(Optional.of(GRANT), store.connection("conn-2=", NOW));
  }
}
