package io.flowforge.profiles;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flowforge.profiling.ColumnProfile;
import io.flowforge.profiling.SourceFormat;
import io.flowforge.profiling.TableProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileDiffTest {
  @Test
  void sortsColumnsIntoNewChangedUnchangedAndGone() {
    TableProfile before =
        table(100, column("id", "INTEGER", 0, 100, "1", "100"), column("amount", "DECIMAL", 0, 80, "1.5", "99.5"),
            column("legacy", "STRING", 0, 3, "a", "c"));
    TableProfile after =
        table(100, column("id", "INTEGER", 0, 100, "1", "100"), column("amount", "DECIMAL", 4, 80, "1.5", "250.0"),
            column("channel", "STRING", 0, 3, "app", "web"));

    ProfileChanges changes = ProfileDiff.compare(1, before, after);

    assertEquals(List.of("channel"), changes.newColumns());
    assertEquals(List.of("id"), changes.unchangedColumns());
    assertEquals(List.of("legacy"), changes.goneColumns());
    assertEquals(1, changes.changedColumns().size());
    assertEquals("amount", changes.changedColumns().get(0).column());
    assertEquals(List.of("now has nulls (4)", "max 99.5 → 250.0"), changes.changedColumns().get(0).differences());
    assertEquals(List.of("amount", "legacy"), changes.reviewColumns());
  }

  @Test
  void reportsTypeAndUniquenessChanges_butNotMereGrowth() {
    TableProfile before = table(100, column("code", "INTEGER", 0, 100, "1", "100"), column("note", "STRING", 0, 50, "a", "z"));
    TableProfile after = table(200, column("code", "STRING", 0, 150, "1", "100"), column("note", "STRING", 0, 90, "a", "z"));

    ProfileChanges changes = ProfileDiff.compare(3, before, after);

    assertEquals(3, changes.previousVersion());
    assertEquals(List.of("note"), changes.unchangedColumns(), "more rows and distinct values alone are no change");
    assertEquals(List.of("type INTEGER → STRING", "no longer unique"), changes.changedColumns().get(0).differences());
  }

  @Test
  void findsTheColumnsASettingNames_asWholeWords() {
    TableProfile profile =
        table(10, column("amount", "DECIMAL", 0, 10, "1", "2"), column("transaction_date", "DATE", 0, 10, "a", "b"),
            column("id", "INTEGER", 0, 10, "1", "10"));
    Map<String, Object> value =
        Map.of(
            "metrics", List.of(Map.of("name", "daily_amount_sum", "expression", "SUM(amount)")),
            "sort_by", List.of("transaction_date DESC"));

    assertEquals(List.of("amount", "transaction_date"), ProfileDiff.columnsNamedIn(value, profile));
  }

  private static TableProfile table(long rows, ColumnProfile... columns) {
    return new TableProfile("t", SourceFormat.CSV, "duckdb", rows, (int) rows, 0, List.of(columns), List.of(), Map.of());
  }

  private static ColumnProfile column(String name, String type, long nulls, long distinct, String min, String max) {
    return new ColumnProfile(
        name, type, type, null, nulls, 0, 0, 0, new ColumnProfile.DistinctCount(distinct, true, 0), min, max, null,
        Map.of(), List.of(), false, new ColumnProfile.LengthStats(1, 5, 3.0), List.of(), ColumnProfile.Ordering.NOT_CHECKED,
        null, 0);
  }
}
