package io.flowforge.webhooks;

import java.net.URI;
import java.util.List;

/**
 * Where a workspace's alerts go: a Slack-compatible incoming webhook, or a generic JSON endpoint whose
 * deliveries are signed with the destination's secrets (several during a rotation).
 */
public record AlertDestination(String id, Kind kind, URI url, List<WebhookSecret> secrets) {
  /** The payload format a destination receives. */
  public enum Kind {
    SLACK,
    GENERIC
  }

  public AlertDestination {
    secrets = secrets == null ? List.of() : List.copyOf(secrets);
  }
}
