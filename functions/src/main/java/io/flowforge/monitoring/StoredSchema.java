package io.flowforge.monitoring;

import java.time.Instant;
import java.util.Map;

/**
 * The latest columns (name → type) a job reported for a table, and the run that reported them;
 * {@code version} guards replacing it against a concurrent report.
 */
public record StoredSchema(
    String job, String table, Map<String, String> columns, String runId, Instant at, Long version) {
  public StoredSchema {
    columns = columns == null ? Map.of() : Map.copyOf(columns);
  }
}
