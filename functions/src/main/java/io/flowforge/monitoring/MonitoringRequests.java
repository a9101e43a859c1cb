package io.flowforge.monitoring;

import io.flowforge.anomaly.Sensitivity;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;

/** The bodies of monitoring's write routes. */
public final class MonitoringRequests {
  private MonitoringRequests() {}

  /** {@code PATCH …/monitoring/monitors/{monitorId}}: fields left out keep their value. */
  public record ConfigureMonitor(Sensitivity sensitivity, Integer minHistory, String country) {}

  /**
   * {@code POST …/monitoring/rules}: {@code kind} DATE uses {@code date}, WEEKDAY {@code weekday}, RANGE
   * {@code from} and {@code to}.
   */
  public record CreateRule(
      String monitorId, String kind, LocalDate date, DayOfWeek weekday, LocalDate from, LocalDate to) {}

  /** {@code POST …/monitoring/destinations}: {@code kind} SLACK or GENERIC, an https URL. */
  public record CreateDestination(String name, String kind, String url) {}

  /** {@code PUT …/monitoring/jobs/{job}/upstream}: the jobs this one depends on; {@code []} clears them. */
  public record DeclareUpstream(List<String> upstream) {}
}
