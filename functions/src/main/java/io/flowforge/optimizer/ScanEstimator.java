package io.flowforge.optimizer;

import io.flowforge.core.FlowForgeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Estimates how many files and bytes a typical filtered query reads on a Delta table, without a layout and
 * with a proposed one (partitioning, liquid clustering or Z-order), from the table's profile statistics.
 *
 * <p>The model is deliberately simple and fully stated in every estimate's assumptions: the table is cut
 * into files of the optimizer's target size; a query is an equality filter on one column matching
 * 1/distinct of the rows; Delta skips a file when its per-file min/max statistics cannot hold the value;
 * clustering on k columns splits each column's range into about files^(1/k) slices. No measured benchmark of
 * Delta layouts backs the figures, so they are labelled an estimate, never a measurement. Deterministic:
 * the same statistics and layout always give the same numbers.
 */
public final class ScanEstimator {
  static final long TARGET_FILE_BYTES = DatabricksOptimizer.TARGET_FILE_BYTES;
  /** Databricks guidance: a partition should hold at least about a gigabyte. */
  static final long MIN_PARTITION_BYTES = DatabricksOptimizer.GB;
  /** Beyond this many partitions the metadata and listing cost alone hurts, whatever their size. */
  static final long MAX_PARTITIONS = 10_000;
  static final long ASSUMED_ROWS = 1_000_000;
  /** Used when a filter column's cardinality was not profiled. */
  static final long ASSUMED_DISTINCT = 100;
  /** A column with at least this share of distinct values is key-like: it grows with the table when projected. */
  static final double KEY_LIKE_SHARE = 0.95;
  static final int MAX_LAYOUT_COLUMNS = 4;

  /**
   * One column's statistics.
   *
   * @param distinct distinct values, null when not profiled
   * @param ascendingInFileOrder true when values rise in file order (appended by date, a sequence), which
   *     gives min/max skipping without any layout
   */
  public record ColumnStats(String name, String type, Long distinct, boolean ascendingInFileOrder) {}

  /**
   * A table's statistics.
   *
   * @param rowCount rows, null when unknown
   * @param rowBytes average bytes per row, null when unknown (then estimated from the column count)
   */
  public record TableStats(String name, Long rowCount, Long rowBytes, List<ColumnStats> columns) {}

  /**
   * What to estimate.
   *
   * @param filterColumn the column a typical query filters on (null: chosen from the layout and statistics)
   * @param partitionColumns proposed partition columns (may be empty)
   * @param clusteringColumns proposed clustering columns (may be empty)
   * @param zOrder true for {@code ZORDER BY} instead of liquid clustering (same skipping model)
   * @param projectedRows estimate at this many rows instead of the table's own (null: as profiled)
   */
  public record Request(
      TableStats table,
      String filterColumn,
      List<String> partitionColumns,
      List<String> clusteringColumns,
      boolean zOrder,
      Long projectedRows) {}

  /**
   * Reading the table with one layout.
   *
   * @param layout none, partitioning, liquid_clustering, z_order or partitioning+clustering
   * @param files files the table has with this layout
   * @param filesScanned files the filtered query reads
   * @param bytesScanned bytes those files hold
   * @param explanation why that many files are read
   */
  public record Scan(
      String layout, List<String> columns, long files, long filesScanned, long bytesScanned, String explanation) {}

  /** How likely the layout is to leave many files far below the target size. */
  public record SmallFileRisk(String level, String reason) {}

  /**
   * The estimate.
   *
   * @param filterSelectivity share of rows the filter matches
   * @param ratio bytes scanned without the layout over bytes scanned with it (≥ 1 means the layout helps)
   */
  public record Estimate(
      String table,
      long rows,
      long bytes,
      String filterColumn,
      String filterColumnChosenBecause,
      long filterDistinct,
      double filterSelectivity,
      Scan withoutLayout,
      Scan withLayout,
      double ratio,
      SmallFileRisk smallFileRisk,
      String layoutSource,
      List<String> assumptions) {}

  private final DatabricksOptimizer optimizer;

  public ScanEstimator(DatabricksOptimizer optimizer) {
    this.optimizer = optimizer;
  }

  /**
   * Estimates the filtered scan without and with the proposed layout; with no layout proposed, the
   * optimizer's recommended layout for the filter column.
   *
   * @throws FlowForgeException VALIDATION naming the field when a column is not in the table or repeated
   */
  public Estimate estimate(Request request) {
    TableStats table = request.table();
    List<String> partition = resolve(table, request.partitionColumns(), "/partition_columns");
    List<String> clustering = resolve(table, request.clusteringColumns(), "/clustering_columns");
    for (int i = 0; i < clustering.size(); i++) {
      if (partition.contains(clustering.get(i))) {
        throw FlowForgeException.invalid(
            "/clustering_columns/" + i,
            "Column '" + clustering.get(i) + "' is already a partition column; a column is either partitioned"
                + " or clustered, not both.");
      }
    }
    long measuredRows = table.rowCount() == null ? ASSUMED_ROWS : Math.max(0, table.rowCount());
    long rows = request.projectedRows() == null ? measuredRows : request.projectedRows();
    long rowBytes = table.rowBytes() != null && table.rowBytes() > 0
        ? table.rowBytes()
        : DatabricksOptimizer.DEFAULT_COLUMN_BYTES * Math.max(1, table.columns().size());
    double bytes = Math.max(1.0, (double) rows * rowBytes);
    Stats stats = new Stats(table, measuredRows, rows);

    String filter;
    String filterReason;
    if (request.filterColumn() != null) {
      filter = column(table, request.filterColumn(), "/filter_column").name();
      filterReason = "named in the request";
    } else {
      String[] chosen = chooseFilter(table, partition, clustering);
      filter = chosen[0];
      filterReason = chosen[1];
    }

    String layoutSource = "proposed in the request";
    String recommendedWhy = null;
    if (partition.isEmpty() && clustering.isEmpty()) {
      OptimizationPlan.Layout recommended = recommend(table, rows, rowBytes, filter);
      recommendedWhy = recommended.reason();
      layoutSource = "recommended by the Databricks optimizer: " + recommended.reason();
      if (recommended.strategy().equals("partitioning")) {
        partition = recommended.columns();
      } else {
        clustering = recommended.columns();
      }
    }

    long distinct = stats.distinct(filter);
    Scan without = scan(stats, bytes, filter, List.of(), List.of(), false);
    Scan with = partition.isEmpty() && clustering.isEmpty()
        ? new Scan("none", List.of(), without.files(), without.filesScanned(), without.bytesScanned(),
            "The optimizer proposes no layout (" + recommendedWhy + "), so the query reads what it reads today.")
        : scan(stats, bytes, filter, partition, clustering, request.zOrder());
    double ratio = with.bytesScanned() == 0 ? 1.0 : round((double) without.bytesScanned() / with.bytesScanned());
    return new Estimate(
        table.name(), rows, (long) bytes, filter, filterReason, distinct, 1.0 / distinct, without, with,
        ratio, smallFileRisk(stats, bytes, partition), layoutSource,
        assumptions(table, rows, measuredRows, rowBytes, filter, distinct, stats));
  }

  private OptimizationPlan.Layout recommend(TableStats table, long rows, long rowBytes, String filter) {
    List<TableFacts.ColumnFacts> columns = table.columns().stream()
        .map(c -> new TableFacts.ColumnFacts(c.name(), c.type(), c.distinct()))
        .toList();
    TableFacts facts = new TableFacts(
        table.name(), TableFacts.TableRole.INSERT_ONLY, rows, rowBytes, columns, List.of(filter), null, false);
    return optimizer.recommend(facts).layout();
  }

  private static Scan scan(
      Stats stats, double bytes, String filter, List<String> partition, List<String> clustering, boolean zOrder) {
    double partitions = 1;
    for (String p : partition) {
      partitions *= stats.distinct(p);
    }
    partitions = Math.max(1, Math.min(partitions, Math.max(1, stats.rows)));
    double partitionBytes = bytes / partitions;
    double filesPerPartition = Math.max(1, Math.ceil(partitionBytes / TARGET_FILE_BYTES));
    double files = partitions * filesPerPartition;
    double fileBytes = bytes / files;
    long distinct = stats.distinct(filter);

    double partitionsRead = partitions;
    StringBuilder why = new StringBuilder();
    if (partition.contains(filter)) {
      partitionsRead = Math.max(1, Math.ceil(partitions / distinct));
      why.append("Partition pruning on ").append(filter).append(" keeps ").append(count(partitionsRead))
          .append(" of ").append(count(partitions)).append(" partitions. ");
    } else if (!partition.isEmpty()) {
      why.append("The filter is not on the partition columns, so all ").append(count(partitions))
          .append(" partitions are read. ");
    }

    double filesRead = filesPerPartition;
    int position = clustering.indexOf(filter);
    if (position >= 0) {
      double slices = Math.max(1, Math.floor(Math.pow(filesPerPartition, 1.0 / clustering.size()) + 1e-9));
      filesRead = Math.ceil(filesPerPartition / Math.min(distinct, slices));
      why.append(zOrder ? "Z-order" : "Liquid clustering").append(" on ").append(clustering.size())
          .append(clustering.size() == 1 ? " column" : " columns").append(" gives ").append(filter)
          .append(" about ").append(count(slices)).append(" value ranges per ")
          .append(partition.isEmpty() ? "table" : "partition")
          .append("; file statistics skip the files whose range cannot hold the value. ");
    } else if (clustering.isEmpty() && stats.ascending(filter)) {
      filesRead = Math.ceil(filesPerPartition / Math.min(distinct, filesPerPartition));
      why.append(filter).append(" rises in file order, so per-file min/max statistics already skip the files"
          + " outside the value. ");
    } else {
      why.append("Every file's min/max range of ").append(filter).append(" can hold the value, so no file is"
          + " skipped").append(partition.isEmpty() ? ". " : " within a partition. ");
    }
    double filesScanned = Math.min(files, partitionsRead * filesRead);
    double bytesScanned = Math.min(bytes, filesScanned * fileBytes);
    why.append("Reads ").append(count(filesScanned)).append(" of ").append(count(files)).append(" files (")
        .append(DatabricksOptimizer.human((long) bytesScanned)).append(").");
    return new Scan(
        layoutName(partition, clustering, zOrder),
        concat(partition, clustering),
        (long) files,
        (long) filesScanned,
        (long) bytesScanned,
        why.toString());
  }

  private static SmallFileRisk smallFileRisk(Stats stats, double bytes, List<String> partition) {
    if (partition.isEmpty()) {
      return new SmallFileRisk(
          "low",
          "Not partitioned: OPTIMIZE (and liquid clustering) compacts files toward the "
              + DatabricksOptimizer.human(TARGET_FILE_BYTES) + " target.");
    }
    double partitions = 1;
    for (String p : partition) {
      partitions *= stats.distinct(p);
    }
    partitions = Math.max(1, Math.min(partitions, Math.max(1, stats.rows)));
    long partitionBytes = (long) (bytes / partitions);
    String size = count(partitions) + " partitions of about " + DatabricksOptimizer.human(partitionBytes);
    if (partitions > MAX_PARTITIONS) {
      return new SmallFileRisk(
          "high", size + ": over " + count(MAX_PARTITIONS) + " partitions; listing and metadata dominate.");
    }
    if (partitionBytes < TARGET_FILE_BYTES) {
      return new SmallFileRisk(
          "high", size + ": each partition is smaller than one " + DatabricksOptimizer.human(TARGET_FILE_BYTES)
              + " target file, so every partition ends up as undersized files.");
    }
    if (partitionBytes < MIN_PARTITION_BYTES) {
      return new SmallFileRisk(
          "medium", size + ": below the 1 GB a partition should hold; consider clustering instead.");
    }
    return new SmallFileRisk("low", size + ": each partition fills several target-size files.");
  }

  private static List<String> assumptions(
      TableStats table, long rows, long measuredRows, long rowBytes, String filter, long distinct, Stats stats) {
    List<String> out = new ArrayList<>();
    out.add("An estimate from a model, not a measurement: no measured benchmark of Delta layouts backs these"
        + " figures; the ratio between the two layouts is more reliable than the absolute sizes.");
    out.add(table.rowCount() == null
        ? "Row count unknown: assumed " + count(ASSUMED_ROWS) + " rows."
        : rows == measuredRows
            ? count(rows) + " rows, as profiled."
            : "Projected to " + count(rows) + " rows from " + count(measuredRows) + " profiled: key-like"
                + " columns (distinct values at least " + (int) (KEY_LIKE_SHARE * 100) + "% of rows) grow with"
                + " the table, the others keep their measured cardinality.");
    out.add(table.rowBytes() != null && table.rowBytes() > 0
        ? rowBytes + " bytes per row: the profiled average length of the values as text. Parquet usually"
            + " stores less, which shrinks both layouts alike and leaves the ratio unchanged."
        : "Row size unknown: assumed " + DatabricksOptimizer.DEFAULT_COLUMN_BYTES + " bytes per column.");
    out.add("Files of the " + DatabricksOptimizer.human(TARGET_FILE_BYTES) + " target size OPTIMIZE writes,"
        + " at least one per partition.");
    out.add("A typical query filters " + filter + " = one value, matching 1/" + count(distinct) + " of the rows"
        + (stats.known(filter) ? "" : " (cardinality not profiled: assumed " + ASSUMED_DISTINCT + " values)")
        + "; values are assumed evenly spread.");
    out.add("Delta skips a file when its min/max statistics for the filter column cannot hold the value;"
        + " clustering on k columns gives each column about files^(1/k) value ranges.");
    out.add("Without a layout, files keep write order: skipping works only for a column that rises in file"
        + " order.");
    return out;
  }

  private static String[] chooseFilter(TableStats table, List<String> partition, List<String> clustering) {
    if (!clustering.isEmpty()) {
      return new String[] {clustering.get(0), "the first clustering column"};
    }
    if (!partition.isEmpty()) {
      return new String[] {partition.get(0), "the first partition column"};
    }
    for (ColumnStats c : table.columns()) {
      String type = c.type() == null ? "" : c.type().toUpperCase(Locale.ROOT);
      if (type.startsWith("DATE") || type.startsWith("TIMESTAMP")) {
        return new String[] {c.name(), "the first date column: queries most often filter on dates"};
      }
    }
    if (table.columns().isEmpty()) {
      throw FlowForgeException.invalid("/table_name", "Table '" + table.name() + "' has no columns to filter on.");
    }
    return new String[] {table.columns().get(0).name(), "the first column: no date column to filter on"};
  }

  private static List<String> resolve(TableStats table, List<String> names, String pointer) {
    List<String> out = new ArrayList<>();
    if (names == null) {
      return out;
    }
    if (names.size() > MAX_LAYOUT_COLUMNS) {
      throw FlowForgeException.invalid(pointer, "At most " + MAX_LAYOUT_COLUMNS + " columns; list fewer.");
    }
    for (int i = 0; i < names.size(); i++) {
      String name = column(table, names.get(i), pointer + "/" + i).name();
      if (out.contains(name)) {
        throw FlowForgeException.invalid(pointer + "/" + i, "Column '" + name + "' is listed twice.");
      }
      out.add(name);
    }
    return List.copyOf(out);
  }

  private static ColumnStats column(TableStats table, String name, String pointer) {
    return table.columns().stream()
        .filter(c -> c.name().equalsIgnoreCase(name))
        .findFirst()
        .orElseThrow(() -> FlowForgeException.invalid(
            pointer,
            "Table '" + table.name() + "' has no column '" + name + "'. Its columns: "
                + String.join(", ", table.columns().stream().map(ColumnStats::name).toList()) + "."));
  }

  private static String layoutName(List<String> partition, List<String> clustering, boolean zOrder) {
    String clustered = zOrder ? "z_order" : "liquid_clustering";
    if (partition.isEmpty()) {
      return clustering.isEmpty() ? "none" : clustered;
    }
    return clustering.isEmpty() ? "partitioning" : "partitioning+" + clustered;
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  private static String count(double value) {
    return String.format(Locale.ROOT, "%,d", (long) value);
  }

  private static double round(double value) {
    return Math.round(value * 1000.0) / 1000.0;
  }

  /** Cardinalities at the estimated row count. */
  private static final class Stats {
    private final TableStats table;
    private final long measuredRows;
    private final long rows;

    Stats(TableStats table, long measuredRows, long rows) {
      this.table = table;
      this.measuredRows = measuredRows;
      this.rows = rows;
    }

    boolean known(String column) {
      return find(column).distinct() != null;
    }

    boolean ascending(String column) {
      return find(column).ascendingInFileOrder();
    }

    long distinct(String column) {
      Long measured = find(column).distinct();
      long d = measured == null ? ASSUMED_DISTINCT : Math.max(1, measured);
      if (measured != null && measuredRows > 0 && rows != measuredRows && d >= KEY_LIKE_SHARE * measuredRows) {
        d = Math.round((double) d * rows / measuredRows);
      }
      return Math.max(1, Math.min(d, Math.max(1, rows)));
    }

    private ColumnStats find(String column) {
      return table.columns().stream().filter(c -> c.name().equals(column)).findFirst().orElseThrow();
    }
  }
}
