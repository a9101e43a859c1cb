package io.flowforge.quality;

import java.util.List;

/**
 * Source versus target comparison.
 *
 * @param sourceRows rows in the source
 * @param targetRows rows in the target
 * @param missingKeys distinct keys in the source but not the target
 * @param extraKeys distinct keys in the target but not the source
 * @param missingSample up to five missing keys
 * @param extraSample up to five extra keys
 * @param columns per common column: source and target sum (numeric) and checksum, and whether they match
 */
public record Reconciliation(
    long sourceRows, long targetRows, long missingKeys, long extraKeys, List<String> missingSample, List<String> extraSample,
    List<ColumnComparison> columns) {

  /** One column compared across source and target. */
  public record ColumnComparison(String column, String sourceSum, String targetSum, String sourceChecksum, String targetChecksum, boolean matches) {}

  public boolean matches() {
    return sourceRows == targetRows && missingKeys == 0 && extraKeys == 0 && columns.stream().allMatch(ColumnComparison::matches);
  }
}
