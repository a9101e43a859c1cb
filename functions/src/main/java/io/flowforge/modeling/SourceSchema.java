package io.flowforge.modeling;

import java.util.List;

/**
 * The generator's input: source tables with their columns, keys, relationships and, when profiled, row counts
 * and column statistics. Built from declared keys ({@code keys.json}), from profiles, or by hand.
 *
 * @param system name of the source system, used as the record source (such as {@code erp})
 * @param stagingSchema schema where the source tables are readable (such as {@code staging})
 */
public record SourceSchema(String system, String stagingSchema, List<SourceTable> tables) {

  /** A source table. Names are as the source spells them; the generator derives target names. */
  public record SourceTable(
      String name,
      List<SourceColumn> columns,
      List<String> primaryKey,
      List<List<String>> uniqueKeys,
      List<ForeignKey> foreignKeys,
      Long rowCount) {}

  /**
   * A column. {@code type} is the source type (nvarchar(50), money, INTEGER …); the generator maps it to Spark.
   */
  public record SourceColumn(String name, String type, boolean nullable, ColumnStats stats) {}

  /**
   * Profile statistics, all optional.
   *
   * @param changeRate how often values change between loads: LOW, HIGH, or null when unknown
   */
  public record ColumnStats(Long distinctCount, Double nullFraction, String changeRate) {}

  /** A relationship: {@code columns} of this table reference {@code referencedColumns} of another table. */
  public record ForeignKey(List<String> columns, String referencedTable, List<String> referencedColumns) {}
}
