package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.flowforge.api.Schedule;
import io.flowforge.wiring.Settings;
import io.flowforge.wiring.Wiring;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-process scheduler runs scheduled handlers with EventBridge-shaped events, and keeps going after a failure. */
class LocalSchedulerIT {
  static final LinkedBlockingQueue<ScheduledEvent> RECEIVED = new LinkedBlockingQueue<>();

  /** A scheduled handler with the two constructors every handler has. */
  public static final class RecordingHandler implements RequestHandler<ScheduledEvent, Void> {
    public RecordingHandler(Wiring wiring) {}

    @Override
    public Void handleRequest(ScheduledEvent event, Context context) {
      RECEIVED.add(event);
      return null;
    }
  }

  @Test
  void invokesScheduledHandlers_withAScheduledEvent() throws InterruptedException {
    Wiring wiring = Wiring.create(Settings.local(Optional.empty()), null, null, Clock.systemUTC());
    Schedule schedule = new Schedule("recording", RecordingHandler.class.getName(), Duration.ofMillis(20));

    try (LocalScheduler scheduler = LocalScheduler.start(List.of(schedule), wiring)) {
      ScheduledEvent event = RECEIVED.poll(60, TimeUnit.SECONDS);

      assertEquals("aws.events", event.getSource());
      assertEquals("Scheduled Event", event.getDetailType());
      assertEquals(List.of("local:schedule/recording"), event.getResources());
    }
  }

  @Test
  void keepsRunningATask_afterOneRunFails() throws InterruptedException {
    CountDownLatch runs = new CountDownLatch(3);
    try (LocalScheduler scheduler = LocalScheduler.start(List.of(), null)) {
      scheduler.register("flaky", Duration.ofMillis(10), () -> {
        runs.countDown();
        throw new IllegalStateException("first runs fail");
      });

      assertTrue(runs.await(60, TimeUnit.SECONDS));
    }
  }
}
