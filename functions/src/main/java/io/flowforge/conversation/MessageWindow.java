package io.flowforge.conversation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A workspace's rolling rate window: when each message still inside the window was admitted. A message is
 * admitted while fewer than the limit were admitted in the window before it, so no stretch of that length
 * ever holds more than the limit, wherever clock minutes begin (a per-minute counter lets a burst that
 * straddles a minute boundary through twice). Refused messages are not recorded. At most the limit (600 a
 * minute at most) timestamps are kept, so the stored window stays a few kilobytes.
 *
 * @param admittedAtMillis admission times in epoch milliseconds, oldest first
 */
public record MessageWindow(List<Long> admittedAtMillis) {
  public static final MessageWindow EMPTY = new MessageWindow(List.of());

  public MessageWindow {
    admittedAtMillis = admittedAtMillis == null ? List.of() : List.copyOf(admittedAtMillis);
  }

  /**
   * The decision for a message at {@code now}.
   *
   * @param next the window to store when admitted (null when refused: nothing changes)
   * @param retryAt when refused, the instant the oldest message leaves the window and a slot frees
   */
  public record Admission(MessageWindow next, Instant retryAt) {
    public boolean admitted() {
      return next != null;
    }
  }

  /** Admits a message at {@code now} if the window before it holds fewer than {@code limit} messages. */
  public Admission admit(Instant now, int limit, Duration window) {
    long nowMillis = now.toEpochMilli();
    long start = nowMillis - window.toMillis();
    List<Long> inside = new ArrayList<>();
    for (long at : admittedAtMillis) {
      // A message exactly one window ago has left it; one admitted "later" than now (a clock step back
      // between servers) still counts.
      if (at > start) {
        inside.add(at);
      }
    }
    inside.sort(null);
    if (inside.size() >= limit) {
      long oldestThatMustLeave = inside.get(inside.size() - limit);
      return new Admission(null, Instant.ofEpochMilli(oldestThatMustLeave + window.toMillis()));
    }
    inside.add(nowMillis);
    return new Admission(new MessageWindow(inside), null);
  }

  /** When the newest admission leaves the window: the stored window may be forgotten after that. */
  public Instant expiresAt(Duration window) {
    long newest = admittedAtMillis.stream().mapToLong(Long::longValue).max().orElse(0);
    return Instant.ofEpochMilli(newest).plus(window);
  }
}
