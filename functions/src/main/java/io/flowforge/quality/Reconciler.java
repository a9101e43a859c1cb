package io.flowforge.quality;

import io.flowforge.core.FlowForgeException;
import io.flowforge.profiling.SqlEngine;
import io.flowforge.profiling.TableRef;
import io.flowforge.profiling.ValueClassifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Compares a source and a target table in the engine: row counts, key coverage, sums and checksums. */
public final class Reconciler {
  private static final int SAMPLE_KEYS = 5;
  private final SqlEngine engine;

  public Reconciler(SqlEngine engine) {
    this.engine = engine;
  }

  public Reconciliation reconcile(TableRef source, TableRef target, List<String> key) {
    var sql = engine.dialect();
    for (String column : key) {
      if (source.columns().stream().noneMatch(c -> c.name().equals(column)) || target.columns().stream().noneMatch(c -> c.name().equals(column))) {
        throw FlowForgeException.invalid("/key", "Key column '" + column + "' must exist in both the source and the target.");
      }
    }
    String keys = key.stream().map(sql::quote).collect(Collectors.joining(", "));
    String keyText = key.stream().map(k -> sql.toText(sql.quote(k))).collect(Collectors.joining(" || '|' || "));
    long sourceRows = count("SELECT count(*) FROM " + source.relation());
    long targetRows = count("SELECT count(*) FROM " + target.relation());
    String missing = "SELECT " + keys + " FROM " + source.relation() + " EXCEPT SELECT " + keys + " FROM " + target.relation();
    String extra = "SELECT " + keys + " FROM " + target.relation() + " EXCEPT SELECT " + keys + " FROM " + source.relation();
    long missingKeys = count("SELECT count(*) FROM (" + missing + ") m");
    long extraKeys = count("SELECT count(*) FROM (" + extra + ") e");
    List<Reconciliation.ColumnComparison> columns = new ArrayList<>();
    for (TableRef.Column column : source.columns()) {
      if (target.columns().stream().noneMatch(c -> c.name().equals(column.name()))) {
        continue;
      }
      String c = sql.quote(column.name());
      String family = ValueClassifier.engineFamily(column.engineType());
      boolean numeric = family.equals("INTEGER") || family.equals("DECIMAL");
      String aggregates = (numeric ? sql.toText("sum(" + c + ")") : "NULL") + ", " + sql.toText("bit_xor(" + sql.rowHash(List.of(sql.toText(c))) + ")");
      List<Object> s = engine.query("SELECT " + aggregates + " FROM " + source.relation()).get(0);
      List<Object> t = engine.query("SELECT " + aggregates + " FROM " + target.relation()).get(0);
      String ss = str(s.get(0));
      String ts = str(t.get(0));
      String sc = str(s.get(1));
      String tc = str(t.get(1));
      columns.add(new Reconciliation.ColumnComparison(column.name(), ss, ts, sc, tc, Objects.equals(ss, ts) && Objects.equals(sc, tc)));
    }
    return new Reconciliation(sourceRows, targetRows, missingKeys, extraKeys,
        sampleKeys("SELECT " + keyText + " FROM (" + missing + ") m ORDER BY 1 LIMIT " + SAMPLE_KEYS),
        sampleKeys("SELECT " + keyText + " FROM (" + extra + ") e ORDER BY 1 LIMIT " + SAMPLE_KEYS), columns);
  }

  private long count(String query) {
    return ((Number) engine.query(query).get(0).get(0)).longValue();
  }

  private List<String> sampleKeys(String query) {
    return engine.query(query).stream().map(r -> String.valueOf(r.get(0))).toList();
  }

  private static String str(Object value) {
    return value == null ? null : value.toString();
  }
}
