package io.flowforge.profiling;

import java.util.List;

/**
 * A table the engine can query: its display name, the quoted relation to select from, and its columns with
 * the engine's types.
 *
 * @param name display name (a file name without extension)
 * @param relation quoted relation name, safe to place after {@code FROM}
 * @param columns columns in source order
 * @param format where the data came from
 * @param csvDialect for CSV, what the sniffer detected (delimiter, header, quote), else empty
 */
public record TableRef(
    String name, String relation, List<Column> columns, SourceFormat format, java.util.Map<String, String> csvDialect) {

  /** A column name and the engine's type name (e.g. {@code BIGINT}, {@code VARCHAR}). */
  public record Column(String name, String engineType) {}
}
