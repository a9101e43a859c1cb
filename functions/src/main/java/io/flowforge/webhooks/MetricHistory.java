package io.flowforge.webhooks;

import io.flowforge.anomaly.Observation;
import java.time.Instant;
import java.util.List;

/**
 * The stored history of a workspace's job metrics, queryable as series. Points expire after the
 * workspace's retention period. Appending the same run's point twice stores it once, so a retried run
 * report is not double-counted.
 */
public interface MetricHistory {
  void append(String workspaceId, String runId, List<MetricPoint> points);

  /** The points of one series with {@code from <= at <= to}, oldest first. */
  List<Observation> series(String workspaceId, String job, String metric, Instant from, Instant to);
}
