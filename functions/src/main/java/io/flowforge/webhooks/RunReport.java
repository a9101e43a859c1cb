package io.flowforge.webhooks;

import io.flowforge.core.FlowForgeException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pipeline run as reported to FlowForge, whatever the orchestrator: the job, the run id, when it
 * started and ended, how it ended, rows written per table, custom numeric metrics and quality-rule pass
 * rates (0..1). {@code source} names the payload format it was read from.
 */
public record RunReport(
    String job,
    String runId,
    Instant startedAt,
    Instant endedAt,
    RunStatus status,
    Map<String, Long> rowCounts,
    Map<String, Double> metrics,
    Map<String, Double> qualityPassRates,
    String source) {
  /** The longest job, run id or measurement name accepted. */
  public static final int MAX_NAME_LENGTH = 200;
  /** The most measurements (tables, metrics and quality rules together) one report may carry. */
  public static final int MAX_SERIES = 200;

  public RunReport {
    if (job == null || job.isBlank()) {
      throw FlowForgeException.invalid("/job", "job is required: the name of the pipeline or job that ran.");
    }
    if (runId == null || runId.isBlank()) {
      throw FlowForgeException.invalid("/runId", "runId is required: the orchestrator's id of this run, used to drop duplicates.");
    }
    if (startedAt == null) {
      throw FlowForgeException.invalid("/startedAt", "startedAt is required (ISO 8601, e.g. 2025-01-31T02:00:00Z).");
    }
    if (endedAt != null && endedAt.isBefore(startedAt)) {
      throw FlowForgeException.invalid("/endedAt", "endedAt " + endedAt + " is before startedAt " + startedAt + "; check the clock or the field order.");
    }
    requireShortName("/job", "job", job);
    requireShortName("/runId", "runId", runId);
    status = status == null ? (endedAt == null ? RunStatus.RUNNING : RunStatus.SUCCEEDED) : status;
    rowCounts = sorted(rowCounts);
    metrics = sorted(metrics);
    qualityPassRates = sorted(qualityPassRates);
    rowCounts.forEach(
        (table, rows) -> {
          if (rows == null || rows < 0) {
            throw FlowForgeException.invalid("/rowCounts/" + table, "Row count of " + table + " must be a number >= 0; got " + rows + ".");
          }
        });
    metrics.forEach(
        (name, value) -> {
          if (value == null || !Double.isFinite(value)) {
            throw FlowForgeException.invalid("/metrics/" + name, "Metric " + name + " must be a finite number; got " + value + ".");
          }
        });
    qualityPassRates.forEach(
        (rule, rate) -> {
          if (rate == null || !(rate >= 0 && rate <= 1)) {
            throw FlowForgeException.invalid(
                "/qualityPassRates/" + rule, "Pass rate of " + rule + " must be between 0 and 1; got " + rate + ".");
          }
        });
    source = source == null ? "flowforge" : source;
    int series = rowCounts.size() + metrics.size() + qualityPassRates.size();
    if (series > MAX_SERIES) {
      throw FlowForgeException.invalid(
          "", "The report carries " + series + " measurements; at most " + MAX_SERIES + " per run are kept.");
    }
    for (Map<String, ?> named : List.of(rowCounts, metrics, qualityPassRates)) {
      named.keySet().forEach(name -> requireShortName("", "measurement name", name));
    }
  }

  // Names become parts of storage keys and series names: bounded so no report can produce an unstorable key.
  private static void requireShortName(String pointer, String what, String value) {
    if (value.isBlank() || value.length() > MAX_NAME_LENGTH) {
      throw FlowForgeException.invalid(
          pointer, "The " + what + " must be 1 to " + MAX_NAME_LENGTH + " characters; got " + value.length() + ".");
    }
  }

  // Sorted so stored items and derived series come out in a stable order.
  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return map == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
