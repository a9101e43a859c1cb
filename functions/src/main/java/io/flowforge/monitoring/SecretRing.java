package io.flowforge.monitoring;

import io.flowforge.webhooks.WebhookSecret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A workspace's inbound webhook secrets: the current one and, for a grace period after a rotation, the
 * previous one, so senders can switch over without losing deliveries. {@code version} makes concurrent
 * rotations conflict instead of silently overwriting each other.
 */
public record SecretRing(
    WebhookSecret current, WebhookSecret previous, Instant previousValidUntil, Instant createdAt, Instant rotatedAt, Long version) {

  /** The secrets a delivery may be signed with at {@code now}. */
  public List<WebhookSecret> valid(Instant now) {
    List<WebhookSecret> secrets = new ArrayList<>(List.of(current));
    if (previous != null && previousValidUntil != null && now.isBefore(previousValidUntil)) {
      secrets.add(previous);
    }
    return secrets;
  }
}
