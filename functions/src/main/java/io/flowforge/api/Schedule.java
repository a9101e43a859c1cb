package io.flowforge.api;

import io.flowforge.adapters.dynamodb.Tables;
import java.time.Duration;
import java.util.Set;

/**
 * A handler invoked on a timer rather than by a request: an EventBridge schedule in AWS, the in-process
 * scheduler locally. The handler class implements {@code RequestHandler<ScheduledEvent, ?>} and, like route
 * handlers, has a no-argument constructor (Lambda) and one taking {@code Wiring} (local stack).
 *
 * @param name stable identifier, used for the EventBridge rule and in logs
 * @param handlerClass fully qualified name of the handler class
 * @param every how often it runs
 * @param tables tables the handler reads and writes (its function's only grants in AWS)
 */
public record Schedule(String name, String handlerClass, Duration every, Set<Tables> tables) {
  public Schedule {
    tables = Set.copyOf(tables);
  }

  /** A scheduled handler that touches no table. */
  public Schedule(String name, String handlerClass, Duration every) {
    this(name, handlerClass, every, Set.of());
  }
}
