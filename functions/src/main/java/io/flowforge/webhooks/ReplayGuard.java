package io.flowforge.webhooks;

import java.time.Instant;

/**
 * Remembers the webhook ids a workspace has already accepted, so a delivery retried or replayed within the
 * tolerance window is processed once. DynamoDB implements it with a conditional put; tests and the CLI use
 * the in-memory one.
 */
public interface ReplayGuard {
  /**
   * Records the id and answers true if it was not seen before; false for a duplicate. Records may be
   * forgotten after {@code keepUntil} (the timestamp tolerance has then expired and a replay fails anyway).
   */
  boolean firstDelivery(String workspaceId, String webhookId, Instant keepUntil);
}
