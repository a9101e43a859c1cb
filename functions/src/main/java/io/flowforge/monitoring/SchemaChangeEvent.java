package io.flowforge.monitoring;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A change to the columns of a table a job writes, seen when a run reported a schema that differs
 * from the previous one: columns added, removed, and retyped ({@code "amount: int ->
 * decimal(10,2)"}).
 */
public record SchemaChangeEvent(
    String job,
    String table,
    String runId,
    Instant at,
    List<String> added,
    List<String> removed,
    List<String> retyped) {
  /** How many columns a description names per kind before summarising the rest. */
  static final int DESCRIBED_COLUMNS = 10;

  public SchemaChangeEvent {
    added = added == null ? List.of() : List.copyOf(added);
    removed = removed == null ? List.of() : List.copyOf(removed);
    retyped = retyped == null ? List.of() : List.copyOf(retyped);
  }

  /**
   * The change from {@code before} to {@code after} (column → type), or empty when they are the
   * same.
   */
  static Optional<SchemaChangeEvent> between(
      String job,
      String table,
      String runId,
      Instant at,
      Map<String, String> before,
      Map<String, String> after) {
    List<String> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    List<String> retyped = new ArrayList<>();
    after.forEach(
        (column, type) -> {
          String old = before.get(column);
          if (old == null) {
            added.add(column);
          } else if (!old.equalsIgnoreCase(type)) {
            retyped.add(column + ": " + old + " -> " + type);
          }
        });
    before.keySet().stream().filter(column -> !after.containsKey(column)).forEach(removed::add);
    if (added.isEmpty() && removed.isEmpty() && retyped.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new SchemaChangeEvent(
            job,
            table,
            runId,
            at,
            added.stream().sorted().toList(),
            removed.stream().sorted().toList(),
            retyped.stream().sorted().toList()));
  }

  /** What changed, naming the columns: "removed customer_id; added region". */
  public String description() {
    List<String> parts = new ArrayList<>();
    describe(parts, "removed", removed);
    describe(parts, "added", added);
    describe(parts, "retyped", retyped);
    return String.join("; ", parts);
  }

  private static void describe(List<String> parts, String what, List<String> columns) {
    if (columns.isEmpty()) {
      return;
    }
    String named =
        String.join(", ", columns.subList(0, Math.min(DESCRIBED_COLUMNS, columns.size())));
    int more = columns.size() - DESCRIBED_COLUMNS;
    parts.add(what + " " + named + (more > 0 ? " and " + more + " more" : ""));
  }
}
