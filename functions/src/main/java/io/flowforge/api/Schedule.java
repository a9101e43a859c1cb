package io.flowforge.api;

import java.time.Duration;

/**
 * A handler invoked on a timer rather than by a request: an EventBridge schedule in AWS, the in-process
 * scheduler locally. The handler class implements {@code RequestHandler<ScheduledEvent, ?>} and, like route
 * handlers, has a no-argument constructor (Lambda) and one taking {@code Wiring} (local stack).
 *
 * @param name stable identifier, used for the EventBridge rule and in logs
 * @param handlerClass fully qualified name of the handler class
 * @param every how often it runs
 */
public record Schedule(String name, String handlerClass, Duration every) {}
