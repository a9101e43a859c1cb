package io.flowforge.profiling;

import java.util.List;
import java.util.Map;

/**
 * Everything measured about one column.
 *
 * @param name column name as in the source
 * @param engineType the engine's type for the column
 * @param inferredType semantic type (see {@link ValueAnalysis#inferredType()})
 * @param format text format of dates, times or numbers stored as strings, or null
 * @param nullCount rows where the column is null
 * @param nullRatio nullCount over the row count
 * @param emptyCount rows holding an empty or blank string
 * @param emptyRatio emptyCount over the row count
 * @param distinct distinct non-null values
 * @param min smallest value as text, null when all values are null
 * @param max largest value as text
 * @param mean arithmetic mean for numeric columns
 * @param quantiles approximate quantiles keyed {@code p01, p25, p50, p75, p99} for numeric and temporal columns
 * @param topValues most frequent values (exact over the table, or over the sample when {@code topFromSample})
 * @param topFromSample whether top values were counted on the sample (very wide tables)
 * @param length length of the values as text
 * @param shapes most common value shapes in the sample
 * @param ordering behaviour in file order
 * @param pii likely personal-data class, or null
 * @param piiShare share of sampled values that match the PII class
 */
public record ColumnProfile(
    String name,
    String engineType,
    String inferredType,
    String format,
    long nullCount,
    double nullRatio,
    long emptyCount,
    double emptyRatio,
    DistinctCount distinct,
    String min,
    String max,
    Double mean,
    Map<String, String> quantiles,
    List<ValueCount> topValues,
    boolean topFromSample,
    LengthStats length,
    List<ValueCount> shapes,
    Ordering ordering,
    PiiClass pii,
    double piiShare) {

  /** Whether the column holds numbers (typed, or text in a number format). */
  public boolean numeric() {
    return inferredType.equals("INTEGER") || inferredType.equals("DECIMAL");
  }

  /** Whether the column holds dates or timestamps (typed or stored as text). */
  public boolean temporal() {
    return inferredType.equals("DATE") || inferredType.equals("TIMESTAMP");
  }

  /** Distinct count of values.
   *
   * @param value distinct count (capped at the non-null row count)
   * @param exact whether it was counted exactly
   * @param relativeError stated relative standard error when approximate, 0 when exact
   */
  public record DistinctCount(long value, boolean exact, double relativeError) {}

  /** Lengths of the values rendered as text. */
  public record LengthStats(Integer min, Integer max, Double avg) {}

  /**
   * How values change from one row to the next in file order, over the first {@code checkedRows} rows.
   *
   * @param pattern INCREASING, STRICTLY_INCREASING, DECREASING, MOSTLY_INCREASING (at least 95 % of steps) or NONE
   * @param sequential whether every step is exactly +1 (an integer sequence)
   * @param increasingShare share of steps that do not go down
   * @param checkedRows rows inspected
   */
  public record Ordering(String pattern, boolean sequential, double increasingShare, long checkedRows) {
    public static final Ordering NOT_CHECKED = new Ordering("NOT_CHECKED", false, 0, 0);
  }
}
