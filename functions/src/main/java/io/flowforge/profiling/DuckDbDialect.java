package io.flowforge.profiling;

import java.util.List;
import java.util.stream.Collectors;

/** DuckDB SQL: double-quoted identifiers, {@code approx_quantile}, reservoir sampling. */
public final class DuckDbDialect implements SqlDialect {
  public static final DuckDbDialect INSTANCE = new DuckDbDialect();

  private DuckDbDialect() {}

  @Override
  public String name() {
    return "duckdb";
  }

  @Override
  public String quote(String identifier) {
    return "\"" + Identifiers.requireValid(identifier).replace("\"", "\"\"") + "\"";
  }

  @Override
  public String toText(String expr) {
    return "CAST(" + expr + " AS VARCHAR)";
  }

  @Override
  public String approxDistinct(String expr) {
    return "approx_count_distinct(" + expr + ")";
  }

  @Override
  public String approxQuantiles(String expr, List<Double> fractions) {
    return "approx_quantile(" + expr + ", ["
        + fractions.stream().map(String::valueOf).collect(Collectors.joining(", ")) + "])";
  }

  @Override
  public String sample(String relation, int rows, long seed) {
    return "SELECT * FROM " + relation + " USING SAMPLE reservoir(" + rows + " ROWS) REPEATABLE (" + seed + ")";
  }

  @Override
  public String previousInFileOrder(String expr) {
    // DuckDB keeps file order for scans (preserve_insertion_order), so an empty window is file order.
    return "lag(" + expr + ") OVER ()";
  }

  @Override
  public String rowHash(List<String> exprs) {
    return "hash(" + String.join(", ", exprs) + ")";
  }
}
