package io.flowforge.webhooks;

import io.flowforge.core.FlowForgeException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pipeline run as reported to FlowForge, whatever the orchestrator: the job, the run id, when it
 * started and ended, how it ended, rows written per table, custom numeric metrics and quality-rule pass
 * rates (0..1). {@code source} names the payload format it was read from. Optionally, the jobs this one
 * depends on ({@code upstream}) and the columns of the tables it wrote ({@code schemas}: table → column →
 * type); both are data only, kept to bounded sizes.
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
    String source,
    List<String> upstream,
    Map<String, Map<String, String>> schemas) {
  /** The longest job, run id or measurement name accepted. */
  public static final int MAX_NAME_LENGTH = 200;
  /** The most measurements (tables, metrics and quality rules together) one report may carry. */
  public static final int MAX_SERIES = 200;
  /** The most upstream jobs one job may declare. */
  public static final int MAX_UPSTREAM = 50;
  /** The most tables whose schema one report may carry. */
  public static final int MAX_SCHEMA_TABLES = 50;
  /** The most columns one report's schemas may carry, all tables together. */
  public static final int MAX_SCHEMA_COLUMNS = 2_000;
  /** The longest column type accepted, e.g. {@code decimal(38,10)} or a nested struct's short form. */
  public static final int MAX_TYPE_LENGTH = 200;

  /** A report without dependencies or schemas. */
  public RunReport(
      String job,
      String runId,
      Instant startedAt,
      Instant endedAt,
      RunStatus status,
      Map<String, Long> rowCounts,
      Map<String, Double> metrics,
      Map<String, Double> qualityPassRates,
      String source) {
    this(job, runId, startedAt, endedAt, status, rowCounts, metrics, qualityPassRates, source, null, null);
  }

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
    upstream = upstreamOf(job, upstream);
    schemas = schemasOf(schemas);
  }

  /**
   * Checks a job's declared upstream jobs: names as bounded data, not the job itself, at most {@link
   * #MAX_UPSTREAM}; duplicates are dropped and the order kept. Shared by run reports and the upstream route.
   */
  public static List<String> upstreamOf(String job, List<String> upstream) {
    if (upstream == null) {
      return List.of();
    }
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (int i = 0; i < upstream.size(); i++) {
      String name = upstream.get(i);
      if (name == null) {
        throw FlowForgeException.invalid(
            "/upstream/" + i, "Upstream job names must be strings; entry " + i + " is null.");
      }
      requireShortName("/upstream/" + i, "upstream job name", name);
      if (name.equals(job)) {
        throw FlowForgeException.invalid(
            "/upstream/" + i, "A job cannot depend on itself; remove " + job + " from its upstream list.");
      }
      distinct.add(name);
    }
    if (distinct.size() > MAX_UPSTREAM) {
      throw FlowForgeException.invalid(
          "/upstream",
          "A job may declare at most " + MAX_UPSTREAM + " upstream jobs; got " + distinct.size() + ".");
    }
    return List.copyOf(new ArrayList<>(distinct));
  }

  private static Map<String, Map<String, String>> schemasOf(Map<String, Map<String, String>> schemas) {
    if (schemas == null || schemas.isEmpty()) {
      return Map.of();
    }
    if (schemas.size() > MAX_SCHEMA_TABLES) {
      throw FlowForgeException.invalid(
          "/schemas",
          "The report carries the schemas of " + schemas.size() + " tables; at most " + MAX_SCHEMA_TABLES
              + " are kept.");
    }
    Map<String, Map<String, String>> sorted = new TreeMap<>();
    int columns = 0;
    for (Map.Entry<String, Map<String, String>> table : schemas.entrySet()) {
      String pointer = "/schemas/" + table.getKey();
      requireShortName("/schemas", "table name", table.getKey());
      if (table.getValue() == null || table.getValue().isEmpty()) {
        throw FlowForgeException.invalid(
            pointer, "The schema of " + table.getKey() + " must map at least one column to its type.");
      }
      columns += table.getValue().size();
      if (columns > MAX_SCHEMA_COLUMNS) {
        throw FlowForgeException.invalid(
            "/schemas",
            "The report's schemas carry more than " + MAX_SCHEMA_COLUMNS
                + " columns; send the tables that changed or fewer tables.");
      }
      table.getValue().forEach(
          (column, type) -> {
            requireShortName(pointer, "column name", column);
            if (type == null || type.isBlank() || type.length() > MAX_TYPE_LENGTH) {
              throw FlowForgeException.invalid(
                  pointer + "/" + column,
                  "The type of column " + column + " must be 1 to " + MAX_TYPE_LENGTH + " characters.");
            }
          });
      sorted.put(table.getKey(), java.util.Collections.unmodifiableMap(new TreeMap<>(table.getValue())));
    }
    return java.util.Collections.unmodifiableMap(sorted);
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
