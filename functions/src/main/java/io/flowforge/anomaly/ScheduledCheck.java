package io.flowforge.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scheduled check of a workspace: judges the newest point of every monitor's series, records each
 * anomaly once per check window and alerts on it. Monitors are processed in bounded batches on the given
 * executor, so memory and concurrent reads stay bounded however many monitors a workspace has; a failing
 * series read or alert is counted and does not stop the others. Rerunning a check for the same window
 * records and alerts nothing new.
 */
public final class ScheduledCheck {
  /** What one run did. */
  public record Report(Instant window, int monitors, int judged, int anomalies, int newAnomalies, int failures) {}

  private final MonitorPorts.Catalog catalog;
  private final MonitorPorts.Series series;
  private final MonitorPorts.Context context;
  private final MonitorPorts.Ledger ledger;
  private final MonitorPorts.Alerts alerts;
  private final ExecutorService executor;
  private final int batchSize;

  public ScheduledCheck(
      MonitorPorts.Catalog catalog,
      MonitorPorts.Series series,
      MonitorPorts.Context context,
      MonitorPorts.Ledger ledger,
      MonitorPorts.Alerts alerts,
      ExecutorService executor,
      int batchSize) {
    this.catalog = catalog;
    this.series = series;
    this.context = context;
    this.ledger = ledger;
    this.alerts = alerts;
    this.executor = executor;
    this.batchSize = batchSize;
  }

  /** The start of the check window holding {@code at}, for a schedule that runs every {@code period}. */
  public static Instant windowOf(Instant at, Duration period) {
    long millis = period.toMillis();
    return Instant.ofEpochMilli(Math.floorDiv(at.toEpochMilli(), millis) * millis);
  }

  public Report run(String workspaceId, Instant now, Duration period) throws InterruptedException {
    Instant window = windowOf(now, period);
    List<Monitor> monitors = catalog.monitors(workspaceId);
    AtomicInteger judged = new AtomicInteger();
    AtomicInteger anomalies = new AtomicInteger();
    AtomicInteger fresh = new AtomicInteger();
    AtomicInteger failures = new AtomicInteger();
    for (int from = 0; from < monitors.size(); from += batchSize) {
      List<Future<?>> batch = new ArrayList<>();
      for (Monitor monitor : monitors.subList(from, Math.min(monitors.size(), from + batchSize))) {
        batch.add(executor.submit(() -> check(monitor, now, window, judged, anomalies, fresh, failures)));
      }
      for (Future<?> future : batch) {
        try {
          future.get();
        } catch (ExecutionException e) {
          failures.incrementAndGet();
        }
      }
    }
    return new Report(window, monitors.size(), judged.get(), anomalies.get(), fresh.get(), failures.get());
  }

  private void check(
      Monitor monitor, Instant now, Instant window, AtomicInteger judged, AtomicInteger anomalies, AtomicInteger fresh, AtomicInteger failures) {
    List<Observation> points = series.series(monitor, now);
    if (points.isEmpty()) {
      return;
    }
    Observation newest = points.get(points.size() - 1);
    List<Observation> history = points.subList(0, points.size() - 1);
    Evaluation evaluation = AnomalyDetector.evaluate(history, newest, monitor.settings(), CauseContext.none());
    judged.incrementAndGet();
    if (evaluation.anomaly().isEmpty()) {
      return;
    }
    anomalies.incrementAndGet();
    // Causes need context (more reads), so it is gathered only for the few points that are anomalous.
    Anomaly anomaly =
        AnomalyDetector.evaluate(history, newest, monitor.settings(), context.around(monitor, newest.at()))
            .anomaly()
            .orElse(evaluation.anomaly().get());
    if (!ledger.recordOnce(monitor, window, anomaly)) {
      return;
    }
    fresh.incrementAndGet();
    try {
      alerts.send(monitor, anomaly);
    } catch (Exception e) {
      // The anomaly is recorded; a destination that is down must not hold up the other monitors.
      failures.incrementAndGet();
    }
  }
}
