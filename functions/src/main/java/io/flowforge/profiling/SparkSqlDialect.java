package io.flowforge.profiling;

import java.util.List;
import java.util.stream.Collectors;

/** Spark SQL (Databricks): backquoted identifiers, {@code percentile_approx}, {@code TABLESAMPLE}. */
public final class SparkSqlDialect implements SqlDialect {
  public static final SparkSqlDialect INSTANCE = new SparkSqlDialect();

  private SparkSqlDialect() {}

  @Override
  public String name() {
    return "spark";
  }

  @Override
  public String quote(String identifier) {
    return "`" + Identifiers.requireValid(identifier).replace("`", "``") + "`";
  }

  @Override
  public String toText(String expr) {
    return "CAST(" + expr + " AS STRING)";
  }

  @Override
  public String approxDistinct(String expr) {
    return "approx_count_distinct(" + expr + ")";
  }

  @Override
  public String approxQuantiles(String expr, List<Double> fractions) {
    return "percentile_approx(" + expr + ", array("
        + fractions.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "))";
  }

  @Override
  public String sample(String relation, int rows, long seed) {
    return "SELECT * FROM " + relation + " ORDER BY rand(" + seed + ") LIMIT " + rows;
  }

  @Override
  public String previousInFileOrder(String expr) {
    return "lag(" + expr + ") OVER (ORDER BY monotonically_increasing_id())";
  }

  @Override
  public String rowHash(List<String> exprs) {
    return "xxhash64(" + String.join(", ", exprs) + ")";
  }
}
