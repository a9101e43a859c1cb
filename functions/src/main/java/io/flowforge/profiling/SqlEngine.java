package io.flowforge.profiling;

import java.util.List;

/**
 * A SQL engine the profiler pushes its queries to (DuckDB for files, Spark SQL for Databricks). Only
 * aggregates and bounded samples come back to the JVM.
 */
public interface SqlEngine extends AutoCloseable {
  SqlDialect dialect();

  /** Runs a query and returns all its rows; callers only issue queries with bounded results. */
  List<List<Object>> query(String sql);

  @Override
  void close();
}
