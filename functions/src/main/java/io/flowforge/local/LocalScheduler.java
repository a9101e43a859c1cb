package io.flowforge.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.flowforge.api.Schedule;
import io.flowforge.wiring.Wiring;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.joda.time.DateTime;

/**
 * The local stand-in for EventBridge schedules: runs each scheduled handler in-process on its rate, with
 * the same {@link ScheduledEvent} Lambda would receive. A failing run is logged and the next one still
 * happens.
 */
public final class LocalScheduler implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(LocalScheduler.class.getName());

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "flowforge-scheduler");
            thread.setDaemon(true);
            return thread;
          });

  /** Starts a timer for every schedule, building each handler once with {@code wiring}. */
  @SuppressWarnings("unchecked")
  public static LocalScheduler start(List<Schedule> schedules, Wiring wiring) {
    LocalScheduler scheduler = new LocalScheduler();
    for (Schedule schedule : schedules) {
      RequestHandler<ScheduledEvent, ?> handler =
          (RequestHandler<ScheduledEvent, ?>) Handlers.instantiate(schedule.handlerClass(), wiring);
      scheduler.register(schedule.name(), schedule.every(), () -> invoke(schedule.name(), handler));
    }
    return scheduler;
  }

  /** Runs {@code task} every {@code every}, first after one period. */
  public void register(String name, Duration every, Runnable task) {
    long millis = every.toMillis();
    timer.scheduleAtFixedRate(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "Scheduled task " + name + " failed", e);
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  private static void invoke(String name, RequestHandler<ScheduledEvent, ?> handler) {
    String id = UUID.randomUUID().toString();
    ScheduledEvent event = new ScheduledEvent();
    event.setId(id);
    event.setSource("aws.events");
    event.setDetailType("Scheduled Event");
    event.setTime(DateTime.now());
    event.setResources(List.of("local:schedule/" + name));
    handler.handleRequest(event, new LocalContext(id, name));
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
