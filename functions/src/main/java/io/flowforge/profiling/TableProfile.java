package io.flowforge.profiling;

import java.util.List;
import java.util.Map;

/**
 * The profile of one table: the evidence every suggestion cites.
 *
 * @param name table name (file name without extension)
 * @param format source format
 * @param engine the SQL dialect the profile ran on
 * @param rowCount rows in the table
 * @param sampleSize rows in the bounded random sample used for value analysis
 * @param exactDuplicateRows rows that repeat an earlier row in every column
 * @param columns column profiles in source order
 * @param candidateKeys minimal unique column sets (up to three columns), best first
 * @param csvDialect what the CSV sniffer detected, empty for other formats
 */
public record TableProfile(
    String name,
    SourceFormat format,
    String engine,
    long rowCount,
    int sampleSize,
    long exactDuplicateRows,
    List<ColumnProfile> columns,
    List<CandidateKey> candidateKeys,
    Map<String, String> csvDialect) {

  public ColumnProfile column(String columnName) {
    return columns.stream().filter(c -> c.name().equals(columnName)).findFirst().orElseThrow();
  }

  /** The best candidate key, if any. */
  public java.util.Optional<CandidateKey> primaryKey() {
    return candidateKeys.stream().findFirst();
  }
}
