package io.flowforge.profiles;

import io.flowforge.profiling.ColumnProfile;
import io.flowforge.profiling.TableProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Compares two profiles of one dataset, and finds the columns a suggestion rests on. A column counts as
 * changed when anything a suggestion could rest on moved: its type or text format, its personal-data class,
 * whether it has nulls, whether it is unique, or its smallest or largest value. Counts alone (rows, distinct
 * values) change with every new load and are not reported per column.
 */
public final class ProfileDiff {
  private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^\\p{L}\\p{N}_]+");

  private ProfileDiff() {}

  /** What differs from {@code before} (stored as {@code previousVersion}) to {@code after}. */
  public static ProfileChanges compare(int previousVersion, TableProfile before, TableProfile after) {
    Map<String, ColumnProfile> old =
        before.columns().stream().collect(Collectors.toMap(ColumnProfile::name, Function.identity(), (a, b) -> a));
    List<String> added = new ArrayList<>();
    List<ProfileChanges.ColumnChange> changed = new ArrayList<>();
    List<String> unchanged = new ArrayList<>();
    for (ColumnProfile column : after.columns()) {
      ColumnProfile previous = old.get(column.name());
      if (previous == null) {
        added.add(column.name());
        continue;
      }
      List<String> differences = differences(before.rowCount(), previous, after.rowCount(), column);
      if (differences.isEmpty()) {
        unchanged.add(column.name());
      } else {
        changed.add(new ProfileChanges.ColumnChange(column.name(), differences));
      }
    }
    Set<String> present = after.columns().stream().map(ColumnProfile::name).collect(Collectors.toSet());
    List<String> gone = before.columns().stream().map(ColumnProfile::name).filter(n -> !present.contains(n)).toList();
    return new ProfileChanges(
        previousVersion, before.rowCount(), after.rowCount(), added, changed, unchanged, gone, List.of());
  }

  private static List<String> differences(long rowsBefore, ColumnProfile before, long rowsAfter, ColumnProfile after) {
    List<String> differences = new ArrayList<>();
    describe(differences, "type", before.inferredType(), after.inferredType());
    describe(differences, "format", before.format(), after.format());
    describe(differences, "personal data", before.pii(), after.pii());
    if ((before.nullCount() > 0) != (after.nullCount() > 0)) {
      differences.add(after.nullCount() > 0 ? "now has nulls (" + after.nullCount() + ")" : "no longer has nulls");
    }
    if (unique(rowsBefore, before) != unique(rowsAfter, after)) {
      differences.add(unique(rowsAfter, after) ? "now unique" : "no longer unique");
    }
    describe(differences, "min", before.min(), after.min());
    describe(differences, "max", before.max(), after.max());
    return differences;
  }

  private static boolean unique(long rows, ColumnProfile column) {
    return rows > 0 && column.distinct().value() == rows - column.nullCount();
  }

  private static void describe(List<String> differences, String what, Object before, Object after) {
    if (!Objects.equals(before, after)) {
      differences.add(what + " " + before + " → " + after);
    }
  }

  /**
   * The profile's columns a suggested or chosen setting names, found as whole words in its values (a
   * column list, a watermark, a metric expression such as {@code SUM(amount)}).
   */
  public static List<String> columnsNamedIn(Object value, TableProfile profile) {
    Set<String> words = new LinkedHashSet<>();
    collectWords(value, words);
    return profile.columns().stream().map(ColumnProfile::name).filter(words::contains).toList();
  }

  private static void collectWords(Object value, Set<String> words) {
    if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> collectWords(v, words));
    } else if (value instanceof Iterable<?> items) {
      items.forEach(v -> collectWords(v, words));
    } else if (value != null) {
      String text = value.toString();
      words.add(text);
      for (String word : NOT_IDENTIFIER.split(text)) {
        words.add(word);
      }
    }
  }
}
