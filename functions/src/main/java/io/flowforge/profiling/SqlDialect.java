package io.flowforge.profiling;

import java.util.List;

/**
 * The SQL an engine needs to profile a table. The profiler builds every query through this port, so the same
 * profile runs on DuckDB for files and on Spark SQL for Databricks tables. Implementations receive already
 * quoted identifiers or expressions built from them, never raw user text.
 */
public interface SqlDialect {
  /** Short name used in reports ({@code duckdb}, {@code spark}). */
  String name();

  /** Quotes an identifier after {@link Identifiers#requireValid} accepted it. */
  String quote(String identifier);

  /** Casts any expression to the engine's text type. */
  String toText(String expr);

  /** Approximate distinct count (HyperLogLog on both engines). */
  String approxDistinct(String expr);

  /** An expression yielding an array of approximate quantiles of a numeric or temporal expression. */
  String approxQuantiles(String expr, List<Double> fractions);

  /** Counts rows where {@code condition} holds; zero, not null, on an empty table. */
  default String countWhere(String condition) {
    return "coalesce(sum(CASE WHEN " + condition + " THEN 1 ELSE 0 END), 0)";
  }

  /** A bounded, repeatable random sample of a relation. */
  String sample(String relation, int rows, long seed);

  /** A 64-bit hash of several expressions, used to count exact duplicate rows without moving them. */
  String rowHash(List<String> exprs);

  /** A query returning the previous value of {@code expr} in the relation's natural (file) order. */
  String previousInFileOrder(String expr);
}
