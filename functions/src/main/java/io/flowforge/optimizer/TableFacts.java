package io.flowforge.optimizer;

import java.util.List;

/**
 * What the optimizer needs to know about one Delta table.
 *
 * @param name table name, for explanations
 * @param role what the table is in a model; decides the write pattern (merge, append, rebuild)
 * @param rowCount expected rows (null when unknown)
 * @param averageRowBytes expected bytes per row on disk (null: estimated from the column count)
 * @param columns columns with their cardinality when known
 * @param filterColumns columns queries filter or join on, most important first
 * @param runtime Databricks runtime version such as "15.4" (null: a current runtime)
 * @param streamingConsumers true when downstream jobs read the table incrementally
 */
public record TableFacts(
    String name,
    TableRole role,
    Long rowCount,
    Long averageRowBytes,
    List<ColumnFacts> columns,
    List<String> filterColumns,
    String runtime,
    boolean streamingConsumers) {

  /** One column: its Spark type and, when profiled, its distinct count. */
  public record ColumnFacts(String name, String type, Long distinctCount) {}

  /** How a table is written, which decides which Delta features pay off. */
  public enum TableRole {
    /** Insert-only keyed tables (hubs, links, transaction facts): appends plus key lookups. */
    INSERT_ONLY,
    /** Tables updated by MERGE (SCD dimensions, satellites closing versions, silver). */
    MERGED,
    /** Tables rebuilt in full each run (PIT, bridges, aggregates, snapshots). */
    REBUILT,
    /** Raw landing tables (bronze). */
    APPEND_ONLY
  }
}
