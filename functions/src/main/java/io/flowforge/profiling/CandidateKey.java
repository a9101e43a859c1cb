package io.flowforge.profiling;

import java.util.List;

/**
 * A minimal set of columns whose values identify a row.
 *
 * @param columns the columns, in source order
 * @param distinctRatio distinct combinations over rows (1.0 = unique)
 * @param nullRows rows where any key column is null
 * @param verified whether uniqueness was checked on the whole table (not only the sample)
 * @param exactDuplicateRows for a key that is unique only after deduplication: rows that repeat another row
 *     entirely
 * @param versionedKeys for such a key: key values that occur in several differing rows (late updates)
 * @param score how likely this is the primary key, 0–1, from uniqueness, names, types and position
 * @param reasons the evidence behind the score
 */
public record CandidateKey(
    List<String> columns, double distinctRatio, long nullRows, boolean verified, long exactDuplicateRows, long versionedKeys, double score, List<String> reasons) {

  /** Whether the key is unique as loaded, without deduplication. */
  public boolean strict() {
    return distinctRatio >= 1.0 && nullRows == 0;
  }
}
