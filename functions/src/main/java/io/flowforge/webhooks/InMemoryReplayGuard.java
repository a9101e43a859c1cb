package io.flowforge.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ReplayGuard} for one process, forgetting ids once they are past their keep-until time. */
public final class InMemoryReplayGuard implements ReplayGuard {
  private final Map<String, Instant> seen = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryReplayGuard(Clock clock) {
    this.clock = clock;
  }

  @Override
  public boolean firstDelivery(String workspaceId, String webhookId, Instant keepUntil) {
    Instant now = clock.instant();
    seen.values().removeIf(until -> until.isBefore(now));
    return seen.putIfAbsent(workspaceId + "\n" + webhookId, keepUntil) == null;
  }
}
