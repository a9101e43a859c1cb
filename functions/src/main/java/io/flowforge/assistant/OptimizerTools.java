package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import io.flowforge.optimizer.ScanEstimator;
import io.flowforge.profiling.ColumnProfile;
import io.flowforge.profiling.SchemaAnalyzer;
import io.flowforge.profiling.TableProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The databricks-optimizer tools over {@link ScanEstimator}: estimate_performance. Statistics come from the
 * profiling engine when the table's data file is at hand (row count, value lengths, cardinalities, file
 * order), else from the catalog. Results hold counts and sizes only, never values.
 */
public final class OptimizerTools {
  private static final Set<String> ASCENDING = Set.of("INCREASING", "STRICTLY_INCREASING", "MOSTLY_INCREASING");

  private OptimizerTools() {}

  public static ToolRegistry register(ToolRegistry registry, ScanEstimator estimator) {
    return registry.register("estimate_performance", (context, input) -> estimate(estimator, context, input));
  }

  static JsonNode estimate(ScanEstimator estimator, ToolContext context, JsonNode input) {
    String name = input.path("table_name").asText();
    WorkspaceCatalog.Table table =
        context.catalog().table(name).orElseThrow(() -> CatalogTools.unknownTable(context, name, "/table_name"));
    ScanEstimator.TableStats stats =
        context.catalog().file(table.name()).map(file -> profiled(table, file)).orElseGet(() -> fromCatalog(table));
    ScanEstimator.Estimate estimate = estimator.estimate(new ScanEstimator.Request(
        stats,
        input.hasNonNull("filter_column") ? input.get("filter_column").asText() : null,
        strings(input.path("partition_columns")),
        strings(input.path("clustering_columns")),
        "z_order".equals(input.path("clustering_method").asText()),
        input.hasNonNull("projected_row_count") ? input.get("projected_row_count").asLong() : null));
    ObjectNode result = Json.mapper().valueToTree(estimate);
    result.put("statistics_from", stats.rowBytes() != null ? "profile of the table's data" : "the catalog");
    return result;
  }

  private static ScanEstimator.TableStats profiled(WorkspaceCatalog.Table table, Path file) {
    TableProfile profile = SchemaAnalyzer.analyze(List.of(file)).tables().get(0);
    List<ScanEstimator.ColumnStats> columns = new ArrayList<>();
    double rowBytes = 0;
    for (ColumnProfile c : profile.columns()) {
      columns.add(new ScanEstimator.ColumnStats(
          c.name(),
          c.temporal() ? c.inferredType() : c.engineType(),
          c.distinct() == null ? null : c.distinct().value(),
          c.ordering() != null && ASCENDING.contains(c.ordering().pattern())));
      if (c.length() != null && c.length().avg() != null) {
        rowBytes += c.length().avg() * (1 - c.nullRatio());
      }
    }
    return new ScanEstimator.TableStats(
        table.name(), profile.rowCount(), Math.max(1, Math.round(rowBytes)), columns);
  }

  private static ScanEstimator.TableStats fromCatalog(WorkspaceCatalog.Table table) {
    List<ScanEstimator.ColumnStats> columns = table.columns().stream()
        .map(c -> new ScanEstimator.ColumnStats(
            c.name(), c.type(), c.distinctCount() >= 0 ? c.distinctCount() : null, false))
        .toList();
    return new ScanEstimator.TableStats(
        table.name(), table.rowCount() >= 0 ? table.rowCount() : null, null, columns);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
