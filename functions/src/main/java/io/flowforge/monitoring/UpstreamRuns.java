package io.flowforge.monitoring;

import io.flowforge.anomaly.CauseContext;
import io.flowforge.webhooks.RunMetrics;
import io.flowforge.webhooks.RunReport;
import io.flowforge.webhooks.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Reads an upstream job's run log for the run that may explain a downstream anomaly. */
final class UpstreamRuns {
  private UpstreamRuns() {}

  /**
   * The upstream job's latest run that ended within {@code lookback} before {@code at} (or at it):
   * a failed or cancelled one as a failure; a successful one with the time it usually finishes, so
   * the analyzer can judge whether it was late. Runs still going, and skipped ones, explain nothing
   * here.
   */
  static Optional<CauseContext.UpstreamRun> latest(
      String job, List<RunReport> runs, Instant at, Duration lookback) {
    Optional<RunReport> latest =
        runs.stream()
            .filter(
                run ->
                    run.endedAt() != null
                        && run.status() != RunStatus.RUNNING
                        && run.status() != RunStatus.SKIPPED)
            .filter(
                run -> !run.endedAt().isAfter(at) && !run.endedAt().isBefore(at.minus(lookback)))
            .max(Comparator.comparing(RunReport::endedAt));
    return latest.map(
        run ->
            run.status() == RunStatus.SUCCEEDED
                ? new CauseContext.UpstreamRun(
                    job, true, run.endedAt(), usualEnd(run, runs).orElse(null))
                : new CauseContext.UpstreamRun(job, false, run.endedAt(), null));
  }

  /**
   * When the run would have finished had it kept the job's habits: the start its cadence predicts
   * (the previous start plus the median gap, as the lateness series measures it) plus the median
   * duration of earlier successful runs. Judging start and duration separately, rather than the
   * time of day runs usually end, works for hourly and irregular jobs as well as daily ones, and
   * counts both a late start and a slow run as lateness.
   */
  static Optional<Instant> usualEnd(RunReport run, List<RunReport> runs) {
    List<RunReport> earlier =
        runs.stream()
            .filter(
                other ->
                    other.startedAt().isBefore(run.startedAt())
                        && !other.runId().equals(run.runId()))
            .sorted(Comparator.comparing(RunReport::startedAt))
            .toList();
    List<Duration> durations =
        earlier.stream()
            .filter(other -> other.status() == RunStatus.SUCCEEDED && other.endedAt() != null)
            .map(other -> Duration.between(other.startedAt(), other.endedAt()))
            .sorted()
            .toList();
    if (durations.isEmpty()) {
      return Optional.empty();
    }
    Duration median = durations.get(durations.size() / 2);
    return RunMetrics.expectedStart(earlier).map(start -> start.plus(median));
  }
}
