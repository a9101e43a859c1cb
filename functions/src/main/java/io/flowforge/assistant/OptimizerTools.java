package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import io.flowforge.optimizer.DatabricksOptimizer;
import io.flowforge.optimizer.OptimizationPlan;
import io.flowforge.optimizer.ScanEstimator;
import io.flowforge.optimizer.TableFacts;
import io.flowforge.profiling.ColumnProfile;
import io.flowforge.profiling.SchemaAnalyzer;
import io.flowforge.profiling.TableProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The databricks-optimizer tools over {@link DatabricksOptimizer} and {@link ScanEstimator}:
 * recommend_partitioning, recommend_clustering, recommend_delta_features and estimate_performance.
 * Statistics come from the profiling engine when the table's data file is at hand (row count, value lengths,
 * cardinalities, file order), else from the catalog. Results hold counts and sizes only, never values.
 */
public final class OptimizerTools {
  private static final Set<String> ASCENDING = Set.of("INCREASING", "STRICTLY_INCREASING", "MOSTLY_INCREASING");

  private OptimizerTools() {}

  public static ToolRegistry register(ToolRegistry registry, DatabricksOptimizer optimizer) {
    ScanEstimator estimator = new ScanEstimator(optimizer);
    return registry
        .register("recommend_partitioning", (context, input) -> partitioning(optimizer, context, input))
        .register("recommend_clustering", (context, input) -> clustering(optimizer, context, input))
        .register("recommend_delta_features", (context, input) -> deltaFeatures(optimizer, input))
        .register("estimate_performance", (context, input) -> estimate(estimator, context, input));
  }

  /** Partitioning only pays for very large tables with a low-cardinality date column; usually the answer is none. */
  static JsonNode partitioning(DatabricksOptimizer optimizer, ToolContext context, JsonNode input) {
    ScanEstimator.TableStats stats = stats(context, input.path("table_name").asText());
    List<String> dates = strings(input.path("date_columns"));
    if (dates.isEmpty()) {
      stats.columns().stream().filter(c -> isTemporal(c.type())).forEach(c -> dates.add(c.name()));
    }
    Long rows = input.hasNonNull("row_count") ? Long.valueOf(input.get("row_count").asLong()) : stats.rowCount();
    OptimizationPlan.Layout layout = optimizer.recommend(facts(stats, rows, dates, TableFacts.TableRole.INSERT_ONLY, false)).layout();
    boolean partition = layout.strategy().equals("partitioning");
    ObjectNode result = Json.mapper().createObjectNode().put("table_name", stats.name());
    result.set("partition_columns", Json.mapper().valueToTree(partition ? layout.columns() : List.of()));
    result.put("recommendation", partition ? "partition" : "do_not_partition");
    result.put("reason", partition ? layout.reason()
        : "No partitioning: tables under about 1 TB, or without a date column of at most 10,000 values, get small"
            + " partitions full of small files. Instead: " + layout.strategy().replace('_', ' ') + ". " + layout.reason());
    return result;
  }

  /**
   * Clustering on the columns the query patterns name; without patterns, on the keys and dates lookups and
   * joins usually filter on. A table not in the workspace yet (a model's dim_ or fact_ table) is judged on
   * the cardinalities given, else the answer says its statistics are unknown.
   */
  static JsonNode clustering(DatabricksOptimizer optimizer, ToolContext context, JsonNode input) {
    String name = input.path("table_name").asText();
    JsonNode given = input.path("cardinality");
    Optional<WorkspaceCatalog.Table> table = context.catalog().table(name);
    ObjectNode result = Json.mapper().createObjectNode();
    if (table.isEmpty() && given.isEmpty()) {
      result.put("table_name", name).put("strategy", "unknown");
      result.putArray("columns");
      result.put("reason", name + " is not in this workspace yet, so its size and cardinalities are unknown;"
          + " the generated model carries its pattern's clustering, and this tool can judge it once the table"
          + " holds data or with its cardinality.");
      return result;
    }
    ScanEstimator.TableStats stats = table.isPresent()
        ? stats(context, name)
        : new ScanEstimator.TableStats(name, null, null, new ArrayList<>());
    List<ScanEstimator.ColumnStats> columns = new ArrayList<>(stats.columns());
    given.properties().forEach(e -> {
      columns.removeIf(c -> c.name().equalsIgnoreCase(e.getKey()));
      columns.add(new ScanEstimator.ColumnStats(e.getKey(), "UNKNOWN", e.getValue().asLong(), false));
    });
    List<String> filters = new ArrayList<>();
    String basis;
    List<String> patterns = strings(input.path("query_patterns"));
    for (ScanEstimator.ColumnStats c : columns) {
      String column = NameMatcher.normalize(c.name());
      boolean named = patterns.stream().anyMatch(p -> NameMatcher.words(p).stream().anyMatch(w -> w.equals(column))
          || NameMatcher.normalize(p).contains(column));
      if (named) {
        filters.add(c.name());
      }
    }
    if (!patterns.isEmpty()) {
      basis = "the columns the query patterns name";
    } else {
      columns.stream().filter(c -> isKeyName(c.name()) || isTemporal(c.type())).forEach(c -> filters.add(c.name()));
      basis = "no query patterns given: the key and date columns lookups and joins usually filter on";
    }
    ScanEstimator.TableStats withGiven = new ScanEstimator.TableStats(stats.name(), stats.rowCount(), stats.rowBytes(), columns);
    OptimizationPlan.Layout layout =
        optimizer.recommend(facts(withGiven, stats.rowCount(), filters, TableFacts.TableRole.INSERT_ONLY, false)).layout();
    result.put("table_name", stats.name()).put("strategy", layout.strategy());
    result.set("columns", Json.mapper().valueToTree(layout.columns()));
    result.put("reason", layout.reason());
    result.put("filter_columns_from", basis);
    if (layout.maintenance() != null) {
      result.put("maintenance", layout.maintenance());
    }
    return result;
  }

  /** Delta features by how the table is written, read from the use case and change frequency. */
  static JsonNode deltaFeatures(DatabricksOptimizer optimizer, JsonNode input) {
    String useCase = input.path("use_case").asText("").toLowerCase(Locale.ROOT);
    String frequency = input.path("change_frequency").asText("");
    TableFacts.TableRole role;
    String why;
    if (containsAny(useCase, "scd", "merge", "upsert", "dimension", "satellite", "silver", "update")) {
      role = TableFacts.TableRole.MERGED;
      why = "the use case updates rows in place (MERGE)";
    } else if (containsAny(useCase, "bronze", "raw", "landing", "ingest")) {
      role = TableFacts.TableRole.APPEND_ONLY;
      why = "the use case lands raw data, appended";
    } else if (containsAny(useCase, "snapshot", "aggregate", "bridge", "pit", "rebuild") || frequency.equals("static")) {
      role = TableFacts.TableRole.REBUILT;
      why = "the table is rebuilt in full";
    } else {
      role = TableFacts.TableRole.INSERT_ONLY;
      why = "assumed insert-only (facts, hubs, links): name the use case (SCD, bronze, snapshot) to refine";
    }
    boolean streaming = frequency.equals("streaming") || useCase.contains("stream");
    ScanEstimator.TableStats none = new ScanEstimator.TableStats(input.path("table_name").asText(), null, null, List.of());
    OptimizationPlan plan = optimizer.recommend(facts(none, null, List.of(), role, streaming));
    ObjectNode result = Json.mapper().createObjectNode().put("table_name", none.name())
        .put("write_pattern", role.name()).put("write_pattern_because", why);
    result.set("features", Json.mapper().valueToTree(plan.features()));
    return result;
  }

  private static ScanEstimator.TableStats stats(ToolContext context, String name) {
    WorkspaceCatalog.Table table =
        context.catalog().table(name).orElseThrow(() -> CatalogTools.unknownTable(context, name, "/table_name"));
    return context.catalog().file(table.name()).map(file -> profiled(table, file)).orElseGet(() -> fromCatalog(table));
  }

  private static TableFacts facts(
      ScanEstimator.TableStats stats, Long rows, List<String> filters, TableFacts.TableRole role, boolean streaming) {
    List<TableFacts.ColumnFacts> columns = stats.columns().stream()
        .map(c -> new TableFacts.ColumnFacts(c.name(), c.type(), c.distinct()))
        .toList();
    return new TableFacts(stats.name(), role, rows, stats.rowBytes(), columns, filters, null, streaming);
  }

  private static boolean isTemporal(String type) {
    String t = type == null ? "" : type.toUpperCase(Locale.ROOT);
    return t.startsWith("DATE") || t.startsWith("TIMESTAMP");
  }

  private static boolean isKeyName(String column) {
    String n = NameMatcher.normalize(column);
    return n.endsWith("id") || n.endsWith("key") || n.endsWith("code");
  }

  private static boolean containsAny(String text, String... words) {
    for (String w : words) {
      if (text.contains(w)) {
        return true;
      }
    }
    return false;
  }

  static JsonNode estimate(ScanEstimator estimator, ToolContext context, JsonNode input) {
    ScanEstimator.TableStats stats = stats(context, input.path("table_name").asText());
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
