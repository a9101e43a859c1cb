package io.flowforge.profiling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Discovers foreign-key candidates across tables as inclusion dependencies backed by name evidence. Name
 * evidence is required: small integer identifiers are contained in one another by chance (1..5 sits inside
 * every id column), so containment alone would flood the result with false keys.
 */
public final class RelationshipFinder {
  /** Share of distinct child values that must be found in the parent. */
  public static final double MIN_CONTAINMENT = 0.99;
  /** Person-role words in a column name that point to a people table ({@code SupportRepId} → employee). */
  private static final List<String> ROLE_WORDS =
      List.of("rep", "agent", "manager", "supervisor", "reportsto", "salesperson", "staff", "assignee", "owner", "boss");
  private static final Set<String> PEOPLE_TABLES = Set.of("employee", "staff", "user", "person", "agent", "worker", "member");
  /** Words naming a hierarchy inside one table ({@code ReportsTo}, {@code ParentId}). */
  private static final List<String> HIERARCHY_WORDS = List.of("parent", "reportsto", "manager", "supervisor", "boss");

  private final SqlEngine engine;
  private final SqlDialect sql;

  public RelationshipFinder(SqlEngine engine) {
    this.engine = engine;
    this.sql = engine.dialect();
  }

  /** Finds foreign-key candidates among registered tables and their profiles (same order). */
  public List<Relationship> find(List<TableRef> tables, List<TableProfile> profiles) {
    Map<String, TableRef> refs = tables.stream().collect(Collectors.toMap(TableRef::name, Function.identity()));
    List<Relationship> found = new ArrayList<>();
    for (TableProfile parent : profiles) {
      for (ColumnProfile parentColumn : referenceableColumns(parent)) {
        for (TableProfile child : profiles) {
          for (ColumnProfile childColumn : child.columns()) {
            if (child == parent && childColumn == parentColumn) {
              continue;
            }
            NameEvidence name = nameEvidence(child, childColumn, parent, parentColumn);
            if (name.score == 0 || childColumn.distinct().value() == 0) {
              continue;
            }
            Relationship relationship = measure(refs.get(child.name()), child, childColumn, refs.get(parent.name()), parent, parentColumn, name);
            if (relationship != null) {
              found.add(relationship);
            }
          }
        }
      }
    }
    return bestPerChildColumn(found);
  }

  /** Role hints from the relationships: bridges, facts and dimensions. */
  public static List<TableRole> roles(List<TableProfile> profiles, List<Relationship> relationships) {
    List<TableRole> roles = new ArrayList<>();
    for (TableProfile table : profiles) {
      List<Relationship> outgoing = relationships.stream().filter(r -> r.fromTable().equals(table.name()) && !r.toTable().equals(table.name())).toList();
      long incoming = relationships.stream().filter(r -> r.toTable().equals(table.name()) && !r.fromTable().equals(table.name())).count();
      Set<String> foreignColumns = outgoing.stream().map(Relationship::fromColumn).collect(Collectors.toSet());
      List<String> key = table.primaryKey().map(CandidateKey::columns).orElse(List.of());
      long measures = table.columns().stream()
          .filter(c -> c.numeric() && !foreignColumns.contains(c.name()) && !key.contains(c.name())
              && KeyFinder.nameBonus(table.name(), c.name()) == 0)
          .count();
      List<String> reasons = new ArrayList<>();
      String role;
      if (key.size() >= 2 && foreignColumns.containsAll(key)) {
        role = "BRIDGE";
        reasons.add("its key " + key + " is made of foreign keys");
      } else if (outgoing.size() >= 2 && measures > 0) {
        role = "FACT";
        reasons.add(outgoing.size() + " foreign keys and " + measures + " numeric measure columns");
      } else if (incoming > 0) {
        role = "DIMENSION";
        reasons.add("referenced by " + incoming + " relationship(s) and holds " + outgoing.size() + " foreign key(s)");
      } else {
        role = "STANDALONE";
        reasons.add("no relationship to the other tables");
      }
      roles.add(new TableRole(table.name(), role, reasons));
    }
    return roles;
  }

  private static List<ColumnProfile> referenceableColumns(TableProfile table) {
    List<ColumnProfile> columns = new ArrayList<>();
    for (CandidateKey key : table.candidateKeys()) {
      boolean top = key == table.candidateKeys().get(0);
      if (key.columns().size() == 1 && key.strict() && (top || KeyFinder.nameBonus(table.name(), key.columns().get(0)) > 0)) {
        columns.add(table.column(key.columns().get(0)));
      }
    }
    return columns;
  }

  private record NameEvidence(double score, String reason) {}

  static NameEvidence nameEvidence(TableProfile child, ColumnProfile childColumn, TableProfile parent, ColumnProfile parentColumn) {
    String c = KeyFinder.normalize(childColumn.name());
    String p = KeyFinder.normalize(parentColumn.name());
    Set<String> stems = KeyFinder.tableStems(parent.name());
    boolean sameTable = child.name().equals(parent.name());
    if (sameTable) {
      return HIERARCHY_WORDS.stream().anyMatch(c::contains)
          ? new NameEvidence(0.6, "'" + childColumn.name() + "' names a hierarchy within the table")
          : new NameEvidence(0, null);
    }
    if (c.equals(p)) {
      return new NameEvidence(1.0, "same column name");
    }
    if (c.endsWith(p) && p.length() >= 4) {
      return new NameEvidence(0.85, "'" + childColumn.name() + "' is a role-named '" + parentColumn.name() + "'");
    }
    for (String stem : stems) {
      if (c.equals(stem + p) || (c.startsWith(stem) && List.of("id", "key", "code", "sk").stream().anyMatch(s -> c.equals(stem + s)))) {
        return new NameEvidence(0.95, "'" + childColumn.name() + "' is named after table " + parent.name());
      }
    }
    if (stems.stream().anyMatch(PEOPLE_TABLES::contains) && ROLE_WORDS.stream().anyMatch(c::contains)
        && KeyFinder.nameBonus(child.name(), childColumn.name()) > 0) {
      return new NameEvidence(0.6, "'" + childColumn.name() + "' names a person role and " + parent.name() + " holds people");
    }
    return new NameEvidence(0, null);
  }

  private Relationship measure(
      TableRef childRef, TableProfile child, ColumnProfile childColumn, TableRef parentRef, TableProfile parent,
      ColumnProfile parentColumn, NameEvidence name) {
    String childFamily = ValueClassifier.engineFamily(childColumn.engineType());
    String parentFamily = ValueClassifier.engineFamily(parentColumn.engineType());
    if (childFamily.equals("DECIMAL") || childFamily.equals("BOOLEAN") || childFamily.equals("DATE") || childFamily.equals("TIMESTAMP")) {
      return null;
    }
    String c = sql.quote(childColumn.name());
    String p = sql.quote(parentColumn.name());
    if (!childFamily.equals(parentFamily)) {
      c = sql.toText(c);
      p = sql.toText(p);
    }
    List<Object> row = engine.query("SELECT count(DISTINCT " + c + "), count(DISTINCT CASE WHEN " + c + " IN (SELECT " + p
        + " FROM " + parentRef.relation() + ") THEN " + c + " END) FROM " + childRef.relation() + " WHERE " + c + " IS NOT NULL").get(0);
    long distinct = Profiler.asLong(row.get(0));
    long contained = Profiler.asLong(row.get(1));
    double containment = distinct == 0 ? 0 : (double) contained / distinct;
    if (containment < MIN_CONTAINMENT) {
      return null;
    }
    boolean childUnique = childColumn.nullCount() + childColumn.distinct().value() >= child.rowCount() && childColumn.nullCount() == 0;
    List<String> reasons = new ArrayList<>();
    reasons.add(String.format(Locale.ROOT, "%d of %d distinct values found in %s.%s", contained, distinct, parent.name(), parentColumn.name()));
    reasons.add(name.reason);
    double support = distinct >= 3 ? 1.0 : 0.9;
    double confidence = (0.6 * name.score + 0.4 * (containment >= 1.0 ? 1.0 : 0.75)) * support;
    if (support < 1.0) {
      reasons.add("only " + distinct + " distinct value(s), weak containment evidence");
    }
    return new Relationship(child.name(), childColumn.name(), parent.name(), parentColumn.name(),
        childUnique ? "ONE_TO_ONE" : "MANY_TO_ONE", containment, distinct,
        Math.round(Math.min(0.99, confidence) * 1000) / 1000.0, reasons);
  }

  /** A column references at most one table: keep the strongest candidate per referencing column. */
  private static List<Relationship> bestPerChildColumn(List<Relationship> found) {
    Map<String, Relationship> best = new java.util.LinkedHashMap<>();
    for (Relationship r : found) {
      best.merge(r.fromTable() + "\u0001" + r.fromColumn(), r, (a, b) -> b.confidence() > a.confidence() ? b : a);
    }
    return best.values().stream()
        .sorted(Comparator.comparing(Relationship::fromTable).thenComparing(Relationship::fromColumn))
        .toList();
  }
}
