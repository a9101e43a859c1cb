package io.flowforge.monitoring;

import io.flowforge.webhooks.AlertDestination;
import io.flowforge.webhooks.WebhookSecret;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A stored alert destination. Generic destinations have their own signing secret, so a receiver can
 * verify deliveries the same way FlowForge verifies inbound webhooks; Slack-compatible ones have none.
 */
public record Destination(
    String id, String name, AlertDestination.Kind kind, URI url, WebhookSecret secret, Instant createdAt) {

  public AlertDestination toAlertDestination() {
    return new AlertDestination(id, kind, url, secret == null ? List.of() : List.of(secret));
  }
}
