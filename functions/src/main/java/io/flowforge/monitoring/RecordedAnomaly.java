package io.flowforge.monitoring;

import io.flowforge.anomaly.Anomaly;
import java.time.Instant;

/**
 * An anomaly a scheduled check recorded. Its id is derived from the monitor and the check window, so a
 * rerun of the same window finds the record already there and neither stores nor alerts twice.
 */
public record RecordedAnomaly(
    String id,
    String monitorId,
    String job,
    String metric,
    Instant window,
    Instant detectedAt,
    Anomaly anomaly,
    AnomalyStatus status,
    Long version) {

  public RecordedAnomaly withStatus(AnomalyStatus newStatus) {
    return new RecordedAnomaly(id, monitorId, job, metric, window, detectedAt, anomaly, newStatus, version);
  }
}
