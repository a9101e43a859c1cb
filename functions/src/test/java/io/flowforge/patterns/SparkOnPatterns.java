package io.flowforge.patterns;

import io.flowforge.testing.SparkDelta;
import java.util.List;

/** Helpers shared by the Spark suites: clean schemas, platform-only statements, row counts. */
final class SparkOnPatterns {
  /** Every schema the golden cases and generated models write to. */
  static final List<String> SCHEMAS = List.of("staging", "bronze", "silver", "gold", "vault", "mart");
  static final String DATABRICKS_ONLY = "@databricks-only";

  private SparkOnPatterns() {}

  static void resetSchemas() {
    for (String schema : SCHEMAS) {
      SparkDelta.session().sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      SparkDelta.session().sql("CREATE SCHEMA " + schema);
    }
  }

  /** Runs the statements of {@code sql}, skipping (and recording) those marked Databricks-only. */
  static void runSkippingPlatformOnly(String name, String sql, List<String> skipped) {
    if (sql == null) {
      return;
    }
    for (String statement : SparkDelta.statements(sql)) {
      if (statement.contains(DATABRICKS_ONLY)) {
        skipped.add(name + " [databricks-only] " + statement.lines().filter(l -> !l.startsWith("--")).findFirst().orElse(""));
        continue;
      }
      try {
        SparkDelta.session().sql(statement).collectAsList();
      } catch (RuntimeException e) {
        throw new AssertionError(name + " failed on statement:\n" + statement + "\n" + e.getMessage(), e);
      }
    }
  }

  static List<Long> rowCounts(String... tables) {
    return java.util.Arrays.stream(tables)
        .map(table -> SparkDelta.session().sql("SELECT count(*) FROM " + io.flowforge.patterns.Identifiers.quoteTable(table)).first().getLong(0))
        .toList();
  }
}
