package io.flowforge.optimizer;

import io.flowforge.core.FlowForgeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses a Delta layout and features for a table from its size, cardinalities, filter columns and write
 * pattern. The rules follow Databricks guidance: liquid clustering for new tables on runtimes that have it
 * (13.3 LTS and later), partitioning only for very large tables with a low-cardinality date column, Z-order
 * on older runtimes, and features switched on only where the write pattern benefits.
 */
public final class DatabricksOptimizer {
  static final long MB = 1024L * 1024;
  static final long GB = 1024 * MB;
  static final long TB = 1024 * GB;
  /** Below this a table is a handful of files and layout makes no measurable difference. */
  static final long SMALL_TABLE_BYTES = 256 * MB;
  /** Partitioning pays only when every partition still holds at least about a gigabyte. */
  static final long PARTITION_MIN_TABLE_BYTES = TB;
  static final long TARGET_FILE_BYTES = 128 * MB;
  static final int MAX_CLUSTER_COLUMNS = 4;
  // Estimate assumptions, stated in every plan.
  static final double SCAN_BYTES_PER_SECOND_PER_CORE = 100.0 * MB;
  static final int CLUSTER_CORES = 16;
  static final double DBU_PER_HOUR = 4.0;
  static final double USD_PER_DBU = 0.15;
  static final long DEFAULT_COLUMN_BYTES = 12;

  /** Recommends a layout, features and an estimate for one table. */
  public OptimizationPlan recommend(TableFacts table) {
    if (table == null || table.name() == null || table.role() == null) {
      throw FlowForgeException.invalid(null, "Give the table name and role to get optimizer recommendations.");
    }
    long bytes = estimatedBytes(table);
    OptimizationPlan.Layout layout = layout(table, bytes);
    List<OptimizationPlan.Feature> features = features(table);
    return new OptimizationPlan(table.name(), layout, features, estimate(table, bytes, layout));
  }

  private OptimizationPlan.Layout layout(TableFacts table, long bytes) {
    List<String> filters = table.filterColumns() == null ? List.of() : table.filterColumns();
    if (filters.isEmpty()) {
      return new OptimizationPlan.Layout(
          "none", List.of(), "No filter or join columns are known, so there is nothing to co-locate.", null);
    }
    if (bytes < SMALL_TABLE_BYTES) {
      return new OptimizationPlan.Layout(
          "none",
          List.of(),
          "About " + human(bytes) + ": a few files at most, so every query reads all of it anyway; add"
              + " clustering when it grows past " + human(SMALL_TABLE_BYTES) + ".",
          null);
    }
    String dateColumn = lowCardinalityDate(table);
    if (bytes >= PARTITION_MIN_TABLE_BYTES && dateColumn != null) {
      return new OptimizationPlan.Layout(
          "partitioning",
          List.of(dateColumn),
          "About " + human(bytes) + " with low-cardinality date column " + dateColumn + ": each partition"
              + " stays above a gigabyte, and partitions can be dropped or overwritten one at a time.",
          null);
    }
    List<String> columns = rankByCardinality(table, filters);
    if (supportsLiquidClustering(table.runtime())) {
      return new OptimizationPlan.Layout(
          "liquid_clustering",
          columns,
          "About " + human(bytes) + ", filtered on " + String.join(", ", columns) + ": liquid clustering"
              + " co-locates rows by these columns without fixing partition sizes, and keys can change later.",
          "OPTIMIZE " + table.name() + ";");
    }
    return new OptimizationPlan.Layout(
        "z_order",
        columns,
        "Runtime " + table.runtime() + " predates liquid clustering (13.3 LTS); Z-ordering by "
            + String.join(", ", columns) + " gives data skipping on those columns.",
        "OPTIMIZE " + table.name() + " ZORDER BY (" + String.join(", ", columns) + ");");
  }

  private List<OptimizationPlan.Feature> features(TableFacts table) {
    List<OptimizationPlan.Feature> out = new ArrayList<>();
    boolean merged = table.role() == TableFacts.TableRole.MERGED;
    out.add(
        new OptimizationPlan.Feature(
            "change_data_feed",
            merged || table.streamingConsumers(),
            merged || table.streamingConsumers()
                ? "Rows change in place, so downstream tables should read the change feed instead of diffing"
                    + " full snapshots."
                : "Rows are only appended or the table is rebuilt; readers can use the table itself."));
    out.add(
        new OptimizationPlan.Feature(
            "deletion_vectors",
            merged,
            merged
                ? "MERGE updates existing rows; deletion vectors mark them instead of rewriting whole files."
                : "No updates or deletes in the normal load, so there is nothing for deletion vectors to speed"
                    + " up."));
    boolean manyWrites = merged || table.role() == TableFacts.TableRole.APPEND_ONLY;
    out.add(
        new OptimizationPlan.Feature(
            "optimized_writes",
            manyWrites,
            manyWrites
                ? "Frequent MERGE or append batches write small files; optimized writes bin-pack them."
                : "Writes are few and large, so files come out well sized already."));
    return out;
  }

  private OptimizationPlan.Estimate estimate(TableFacts table, long bytes, OptimizationPlan.Layout layout) {
    long files = Math.max(1, (bytes + TARGET_FILE_BYTES - 1) / TARGET_FILE_BYTES);
    double fraction = 1.0;
    if (!layout.columns().isEmpty()) {
      Long distinct = distinctOf(table, layout.columns().get(0));
      long groups = distinct == null ? files : Math.min(files, distinct);
      fraction = Math.max(1.0 / files, 1.0 / Math.max(1, groups));
    }
    double throughput = SCAN_BYTES_PER_SECOND_PER_CORE * CLUSTER_CORES;
    double full = bytes / throughput;
    double filtered = full * fraction;
    double cost = full / 3600.0 * DBU_PER_HOUR * USD_PER_DBU;
    List<String> assumptions =
        List.of(
            table.rowCount() == null
                ? "row count unknown: assumed 1,000,000 rows"
                : "row count " + table.rowCount(),
            table.averageRowBytes() == null
                ? "row size assumed " + DEFAULT_COLUMN_BYTES + " bytes per column after compression"
                : "row size " + table.averageRowBytes() + " bytes",
            "target file size " + human(TARGET_FILE_BYTES),
            "scan throughput " + human((long) SCAN_BYTES_PER_SECOND_PER_CORE) + "/s per core on "
                + CLUSTER_CORES + " cores",
            "cluster cost " + DBU_PER_HOUR + " DBU/h at $" + USD_PER_DBU + "/DBU (jobs compute list price)",
            "a selective filter on the first layout column reads one file group per distinct value");
    return new OptimizationPlan.Estimate(
        bytes, files, round(fraction), round(full), round(filtered), round(cost), assumptions);
  }

  private static long estimatedBytes(TableFacts table) {
    long rows = table.rowCount() == null ? 1_000_000 : Math.max(0, table.rowCount());
    long rowBytes =
        table.averageRowBytes() != null
            ? table.averageRowBytes()
            : DEFAULT_COLUMN_BYTES * Math.max(1, table.columns() == null ? 1 : table.columns().size());
    return rows * rowBytes;
  }

  private static String lowCardinalityDate(TableFacts table) {
    if (table.columns() == null) {
      return null;
    }
    for (TableFacts.ColumnFacts column : table.columns()) {
      String type = column.type() == null ? "" : column.type().toUpperCase(Locale.ROOT);
      if (type.equals("DATE") && column.distinctCount() != null && column.distinctCount() <= 10_000) {
        return column.name();
      }
    }
    return null;
  }

  /** Highest cardinality first: clustering pays most on selective columns; at most four. */
  private static List<String> rankByCardinality(TableFacts table, List<String> filters) {
    List<String> ranked = new ArrayList<>(filters);
    ranked.sort(
        (a, b) -> {
          Long da = distinctOf(table, a);
          Long db = distinctOf(table, b);
          if (da == null || db == null) {
            return 0;
          }
          return Long.compare(db, da);
        });
    return List.copyOf(ranked.subList(0, Math.min(MAX_CLUSTER_COLUMNS, ranked.size())));
  }

  private static Long distinctOf(TableFacts table, String column) {
    if (table.columns() == null) {
      return null;
    }
    return table.columns().stream()
        .filter(c -> c.name().equalsIgnoreCase(column))
        .findFirst()
        .map(TableFacts.ColumnFacts::distinctCount)
        .orElse(null);
  }

  static boolean supportsLiquidClustering(String runtime) {
    if (runtime == null || runtime.isBlank()) {
      return true;
    }
    String[] parts = runtime.trim().split("\\.");
    try {
      int major = Integer.parseInt(parts[0]);
      int minor = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
      return major > 13 || (major == 13 && minor >= 3);
    } catch (NumberFormatException e) {
      throw FlowForgeException.invalid(
          "/runtime", "Runtime '" + runtime + "' is not a Databricks runtime version such as 15.4.");
    }
  }

  private static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }

  static String human(long bytes) {
    if (bytes >= TB) {
      return String.format(Locale.ROOT, "%.1f TB", bytes / (double) TB);
    }
    if (bytes >= GB) {
      return String.format(Locale.ROOT, "%.1f GB", bytes / (double) GB);
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
  }
}
