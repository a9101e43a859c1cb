package io.flowforge.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns a run report into points of the job's metric series: volume ({@code rows:<table>}), value metrics
 * ({@code metric:<name>}), latency ({@code latency:duration_seconds}, and {@code latency:lateness_seconds}
 * against the job's usual cadence), freshness ({@code freshness:hours_since_previous_success}) and quality
 * ({@code quality:<rule>} pass rates). Each point is stamped with the run's end, or its start while running.
 */
public final class RunMetrics {
  /** Previous starts needed before lateness is measured: the cadence needs a few gaps to be known. */
  static final int CADENCE_RUNS = 3;

  private RunMetrics() {}

  /** {@code previous} are the job's earlier runs, in any order; the report itself may be among them. */
  public static List<MetricPoint> extract(RunReport report, List<RunReport> previous) {
    Instant at = report.endedAt() != null ? report.endedAt() : report.startedAt();
    String job = report.job();
    List<MetricPoint> points = new ArrayList<>();
    report.rowCounts().forEach((table, rows) -> points.add(new MetricPoint(job, "rows:" + table, at, rows)));
    report.metrics().forEach((name, value) -> points.add(new MetricPoint(job, "metric:" + name, at, value)));
    report.qualityPassRates().forEach((rule, rate) -> points.add(new MetricPoint(job, "quality:" + rule, at, rate)));
    if (report.endedAt() != null) {
      points.add(new MetricPoint(job, "latency:duration_seconds", at, seconds(report.startedAt(), report.endedAt())));
    }
    List<RunReport> earlier =
        previous.stream()
            .filter(run -> run.startedAt().isBefore(report.startedAt()) && !run.runId().equals(report.runId()))
            .sorted(Comparator.comparing(RunReport::startedAt))
            .toList();
    expectedStart(earlier)
        .ifPresent(expected -> points.add(new MetricPoint(job, "latency:lateness_seconds", at, seconds(expected, report.startedAt()))));
    if (report.status() == RunStatus.SUCCEEDED && report.endedAt() != null) {
      earlier.stream()
          .filter(run -> run.status() == RunStatus.SUCCEEDED && run.endedAt() != null)
          .map(RunReport::endedAt)
          .max(Comparator.naturalOrder())
          .ifPresent(last -> points.add(new MetricPoint(job, "freshness:hours_since_previous_success", at, seconds(last, report.endedAt()) / 3600)));
    }
    return points;
  }

  /**
   * The start the job's usual cadence predicts: the last start plus the median gap between earlier starts
   * (a daily 02:00 job is expected at 02:00 the next day, an hourly one an hour later).
   */
  public static Optional<Instant> expectedStart(List<RunReport> earlierByStart) {
    if (earlierByStart.size() < CADENCE_RUNS) {
      return Optional.empty();
    }
    long[] gaps = new long[earlierByStart.size() - 1];
    for (int i = 1; i < earlierByStart.size(); i++) {
      gaps[i - 1] = Duration.between(earlierByStart.get(i - 1).startedAt(), earlierByStart.get(i).startedAt()).toSeconds();
    }
    Arrays.sort(gaps);
    long median = gaps[gaps.length / 2];
    return Optional.of(earlierByStart.get(earlierByStart.size() - 1).startedAt().plusSeconds(median));
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
