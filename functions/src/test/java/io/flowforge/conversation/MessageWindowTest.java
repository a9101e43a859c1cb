package io.flowforge.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessageWindowTest {
  private static final Duration MINUTE = Duration.ofMinutes(1);
  private static final Instant T = Instant.parse("2026-03-01T10:00:59Z");

  @Test
  void aBurstStraddlingAMinuteBoundary_getsTheLimitOnce_notTwice() {
    MessageWindow window = admitAll(MessageWindow.EMPTY, T, 3);

    MessageWindow.Admission afterBoundary = window.admit(T.plusSeconds(2), 3, MINUTE);

    assertFalse(afterBoundary.admitted(), "10:01:01 is a new clock minute but within 60 s of the burst");
    assertEquals(T.plus(MINUTE), afterBoundary.retryAt());
  }

  @Test
  void aSlotFreesExactlyOneWindowAfterTheOldestAdmission() {
    MessageWindow window = admitAll(MessageWindow.EMPTY, T, 2);
    window = window.admit(T.plusSeconds(30), 3, MINUTE).next();

    assertFalse(window.admit(T.plus(MINUTE).minusMillis(1), 3, MINUTE).admitted());
    MessageWindow.Admission freed = window.admit(T.plus(MINUTE), 3, MINUTE);
    assertTrue(freed.admitted());
    // Both messages of 10:00:59 left; the one of 10:01:29 and the new one remain.
    assertEquals(2, freed.next().admittedAtMillis().size());
  }

  @Test
  void aLoweredLimit_waitsUntilEnoughOldMessagesLeave() {
    MessageWindow window = MessageWindow.EMPTY;
    for (int i = 0; i < 5; i++) {
      window = window.admit(T.plusSeconds(i * 10), 10, MINUTE).next();
    }

    MessageWindow.Admission refused = window.admit(T.plusSeconds(45), 2, MINUTE);

    // Five inside, limit two: the fourth oldest (T+30s) must leave before a sixth fits.
    assertEquals(T.plusSeconds(30).plus(MINUTE), refused.retryAt());
  }

  @Test
  void refusalsAreNotRecorded_andTheStoredWindowExpiresAfterItsNewestMessage() {
    MessageWindow window = admitAll(MessageWindow.EMPTY, T, 2);

    window.admit(T.plusSeconds(1), 2, MINUTE);

    assertEquals(2, window.admittedAtMillis().size());
    assertEquals(T.plus(MINUTE), window.expiresAt(MINUTE));
  }

  private static MessageWindow admitAll(MessageWindow window, Instant at, int count) {
    for (int i = 0; i < count; i++) {
      window = window.admit(at, count, MINUTE).next();
    }
    return window;
  }
}
