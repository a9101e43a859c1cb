package io.flowforge.profiles;

import java.util.List;

/**
 * What differs between two profiles of a dataset, column by column.
 *
 * @param previousVersion the version compared against
 * @param rowCountBefore rows in the previous version
 * @param rowCountAfter rows now
 * @param newColumns columns that were not there before
 * @param changedColumns columns whose type, format, nulls, uniqueness or value range changed
 * @param unchangedColumns columns measured the same
 * @param goneColumns columns no longer present
 * @param affectedSuggestions decided suggestions resting on a changed or gone column, as {@code layer/kind}
 */
public record ProfileChanges(
    int previousVersion,
    long rowCountBefore,
    long rowCountAfter,
    List<String> newColumns,
    List<ColumnChange> changedColumns,
    List<String> unchangedColumns,
    List<String> goneColumns,
    List<String> affectedSuggestions) {

  /** One changed column and what changed about it ({@code "max 100 → 250"}). */
  public record ColumnChange(String column, List<String> differences) {}

  /** Columns a suggestion resting on them should be reviewed for: changed or gone. */
  public List<String> reviewColumns() {
    List<String> columns = new java.util.ArrayList<>(changedColumns.stream().map(ColumnChange::column).toList());
    columns.addAll(goneColumns);
    return columns;
  }

  ProfileChanges withAffectedSuggestions(List<String> affected) {
    return new ProfileChanges(
        previousVersion, rowCountBefore, rowCountAfter, newColumns, changedColumns, unchangedColumns, goneColumns,
        List.copyOf(affected));
  }
}
