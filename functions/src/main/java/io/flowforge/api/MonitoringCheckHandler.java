package io.flowforge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.wiring.Wiring;
import java.time.Instant;
import java.util.List;

/**
 * The scheduled monitoring check (EventBridge in AWS, the local scheduler locally): judges every monitor of
 * every monitored workspace and alerts. Safe to rerun: anomalies are recorded once per point.
 */
public final class MonitoringCheckHandler implements RequestHandler<ScheduledEvent, String> {
  private final MonitoringService service;

  public MonitoringCheckHandler() {
    this(Wiring.fromEnvironment());
  }

  public MonitoringCheckHandler(Wiring wiring) {
    this(wiring.monitoring());
  }

  MonitoringCheckHandler(MonitoringService service) {
    this.service = service;
  }

  @Override
  public String handleRequest(ScheduledEvent event, Context context) {
    // The event's time names the window, so a retried invocation checks the same window as the first.
    Instant at = event.getTime() == null ? Instant.now() : Instant.ofEpochMilli(event.getTime().getMillis());
    try {
      List<MonitoringService.CheckResult> results = service.checkAll(at);
      int anomalies = results.stream().mapToInt(result -> result.report().newAnomalies()).sum();
      int failures = results.stream().mapToInt(result -> result.report().failures()).sum();
      String summary =
          "checked " + results.size() + " workspaces: " + anomalies + " new anomalies, " + failures + " failures";
      if (context != null) {
        context.getLogger().log(summary);
      }
      return summary;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("monitoring check interrupted", e);
    }
  }
}
