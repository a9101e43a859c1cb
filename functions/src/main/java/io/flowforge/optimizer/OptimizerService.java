package io.flowforge.optimizer;

import io.flowforge.core.FlowForgeException;
import java.util.List;
import java.util.Objects;

/** The Databricks optimizer as the API serves it: checks the table facts, then recommends. */
public final class OptimizerService {
  /** Most columns described in one request; wider than any sane Delta table. */
  private static final int MAX_COLUMNS = 2_000;

  private final DatabricksOptimizer optimizer;

  public OptimizerService(DatabricksOptimizer optimizer) {
    this.optimizer = optimizer;
  }

  /**
   * The facts as the API receives them: {@link TableFacts} with every field optional, so a missing flag
   * means "no" instead of a type error.
   */
  public record Request(
      String name,
      TableFacts.TableRole role,
      Long rowCount,
      Long averageRowBytes,
      List<TableFacts.ColumnFacts> columns,
      List<String> filterColumns,
      String runtime,
      Boolean streamingConsumers) {

    TableFacts toFacts() {
      return new TableFacts(name, role, rowCount, averageRowBytes, columns, filterColumns, runtime,
          Boolean.TRUE.equals(streamingConsumers));
    }
  }

  public OptimizationPlan recommend(Request request) {
    if (request == null) {
      throw FlowForgeException.invalid("", "Send the table's facts: {name, role, columns, …}.");
    }
    TableFacts table = request.toFacts();
    if (table.name() == null || table.name().isBlank()) {
      throw FlowForgeException.invalid("/name", "name is required: the table the recommendation is for.");
    }
    if (table.role() == null) {
      throw FlowForgeException.invalid("/role", "role is required: INSERT_ONLY, MERGED, REBUILT or APPEND_ONLY.");
    }
    if (table.columns() == null || table.columns().isEmpty()) {
      throw FlowForgeException.invalid("/columns", "Describe the table's columns: [{name, type, distinctCount?}].");
    }
    if (table.columns().size() > MAX_COLUMNS) {
      throw FlowForgeException.invalid("/columns", "At most " + MAX_COLUMNS + " columns can be described.");
    }
    if (table.columns().stream().anyMatch(c -> c == null || c.name() == null || c.type() == null)) {
      throw FlowForgeException.invalid("/columns", "Every column needs a name and a type.");
    }
    if (table.filterColumns() != null && table.filterColumns().stream().anyMatch(Objects::isNull)) {
      throw FlowForgeException.invalid("/filterColumns", "filterColumns holds a null; list column names.");
    }
    if (table.rowCount() != null && table.rowCount() < 0) {
      throw FlowForgeException.invalid("/rowCount", "rowCount cannot be negative.");
    }
    return optimizer.recommend(table);
  }
}
