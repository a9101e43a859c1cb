package io.flowforge.quality;

import io.flowforge.profiling.ColumnProfile;
import io.flowforge.profiling.SqlEngine;
import io.flowforge.profiling.TableProfile;
import io.flowforge.profiling.TableRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs quality rules in the engine and reports pass rates with a few failing rows, masking personal data. */
public final class RuleRunner {
  private static final int FAILING_ROWS = 5;
  private final SqlEngine engine;

  public RuleRunner(SqlEngine engine) {
    this.engine = engine;
  }

  public List<RuleResult> run(TableRef table, TableProfile profile, List<QualityRule> rules, Map<String, TableRef> others) {
    List<RuleResult> results = new ArrayList<>();
    var sql = engine.dialect();
    for (QualityRule rule : rules) {
      String invalid;
      String predicate = RuleSql.rowPredicate(rule, sql, sql.name().equals("spark"));
      if (predicate != null) {
        invalid = "NOT coalesce(" + predicate + ", false)";
      } else if (rule.kind().equals("UNIQUE")) {
        String cols = rule.columns().stream().map(sql::quote).collect(Collectors.joining(", "));
        invalid = "(" + cols + ") IN (SELECT " + cols + " FROM " + table.relation() + " GROUP BY " + cols + " HAVING count(*) > 1)";
      } else if (rule.kind().equals("REFERENTIAL") && others.containsKey(rule.params().get("table").toString())) {
        String c = sql.quote(rule.columns().get(0));
        invalid = c + " IS NOT NULL AND " + c + " NOT IN (SELECT " + sql.quote(rule.params().get("column").toString()) + " FROM "
            + others.get(rule.params().get("table").toString()).relation() + " WHERE " + sql.quote(rule.params().get("column").toString()) + " IS NOT NULL)";
      } else if (rule.kind().equals("FRESHNESS")) {
        String c = sql.quote(rule.columns().get(0));
        invalid = "(SELECT max(" + c + ") FROM " + table.relation() + ") < current_timestamp - INTERVAL " + rule.params().get("maxAgeDays") + " DAY";
      } else {
        continue;
      }
      List<Object> counts = engine.query("SELECT count(*), " + sql.countWhere(invalid) + " FROM " + table.relation()).get(0);
      long checked = ((Number) counts.get(0)).longValue();
      long failed = ((Number) counts.get(1)).longValue();
      List<Map<String, String>> samples = failed == 0 ? List.of() : failingRows(table, profile, invalid);
      results.add(new RuleResult(rule.id(), checked, failed, checked == 0 ? 1 : 1 - (double) failed / checked, samples));
    }
    return results;
  }

  private List<Map<String, String>> failingRows(TableRef table, TableProfile profile, String invalid) {
    var sql = engine.dialect();
    String select = table.columns().stream().map(c -> sql.toText(sql.quote(c.name()))).collect(Collectors.joining(", "));
    List<Map<String, String>> rows = new ArrayList<>();
    for (List<Object> row : engine.query("SELECT " + select + " FROM " + table.relation() + " WHERE " + invalid + " LIMIT " + FAILING_ROWS)) {
      Map<String, String> values = new LinkedHashMap<>();
      for (int i = 0; i < table.columns().size(); i++) {
        ColumnProfile column = profile.columns().get(i);
        Object value = row.get(i);
        values.put(column.name(), value == null ? null : column.pii() == null ? value.toString() : mask(value.toString()));
      }
      rows.add(values);
    }
    return rows;
  }

  /** Keeps the last two characters so a person can still match a row they know. */
  static String mask(String value) {
    if (value.length() <= 2) {
      return "**";
    }
    return "*".repeat(Math.min(8, value.length() - 2)) + value.substring(value.length() - 2);
  }
}
