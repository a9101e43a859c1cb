package io.flowforge.monitoring;

import io.flowforge.anomaly.ExceptionRule;
import io.flowforge.anomaly.Monitor;
import io.flowforge.anomaly.MonitorSettings;
import io.flowforge.anomaly.Sensitivity;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * A stored monitor: one metric series of one job, created the first time a run report carries it, with the
 * settings a person may change (sensitivity, minimum history, the country whose holidays explain drops).
 * {@code version} guards edits against concurrent writers.
 */
public record MonitorDefinition(
    String id,
    String job,
    String metric,
    Sensitivity sensitivity,
    int minHistory,
    String country,
    Instant createdAt,
    Long version) {

  /** The detector's view of this monitor, with the exception rules people created for it. */
  public Monitor toMonitor(String workspaceId, List<ExceptionRule> exceptions) {
    MonitorSettings settings =
        new MonitorSettings(
            sensitivity, minHistory, MonitorSettings.DEFAULT_ROLLING_WINDOW, ZoneId.of("UTC"), exceptions);
    return new Monitor(workspaceId, id, job, metric, settings);
  }

  public MonitorDefinition withSettings(Sensitivity newSensitivity, int newMinHistory, String newCountry) {
    return new MonitorDefinition(id, job, metric, newSensitivity, newMinHistory, newCountry, createdAt, version);
  }
}
