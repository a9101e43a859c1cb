package io.flowforge.quality;

import io.flowforge.profiling.DuckDbDialect;
import io.flowforge.profiling.SparkSqlDialect;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Exports rules as Databricks pipeline expectations, Delta CHECK constraints and YAML. */
public final class RuleExporter {
  private RuleExporter() {}

  /** {@code CONSTRAINT id EXPECT (…) [ON VIOLATION DROP ROW]} lines for a Lakeflow declarative pipeline; errors drop rows. */
  public static List<String> expectations(List<QualityRule> rules) {
    List<String> lines = new ArrayList<>();
    for (QualityRule rule : rules) {
      String predicate = RuleSql.rowPredicate(rule, SparkSqlDialect.INSTANCE, true);
      if (predicate != null) {
        lines.add("CONSTRAINT " + rule.id() + " EXPECT (" + predicate + ")" + (rule.severity().equals("ERROR") ? " ON VIOLATION DROP ROW" : ""));
      }
    }
    return lines;
  }

  /** {@code ALTER TABLE … ADD CONSTRAINT … CHECK (…)} statements for row-level rules. */
  public static List<String> checks(String quotedTable, List<QualityRule> rules) {
    List<String> statements = new ArrayList<>();
    for (QualityRule rule : rules) {
      String predicate = RuleSql.rowPredicate(rule, SparkSqlDialect.INSTANCE, true);
      if (predicate != null) {
        statements.add("ALTER TABLE " + quotedTable + " ADD CONSTRAINT " + rule.id() + " CHECK (" + predicate + ");");
      }
    }
    return statements;
  }

  /** The rules as YAML, the user-editable contract. */
  public static String yaml(String table, List<QualityRule> rules) {
    List<Map<String, Object>> items = new ArrayList<>();
    for (QualityRule rule : rules) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", rule.id());
      item.put("kind", rule.kind());
      item.put("columns", rule.columns());
      Map<String, Object> params = new LinkedHashMap<>();
      rule.params().forEach((k, v) -> params.put(k, v instanceof java.math.BigDecimal d ? d.toPlainString() : v));
      item.put("params", params);
      item.put("severity", rule.severity());
      item.put("confidence", rule.confidence());
      item.put("evidence", rule.evidence());
      String sql = RuleSql.rowPredicate(rule, DuckDbDialect.INSTANCE, false);
      if (sql != null) {
        item.put("sql", sql);
      }
      items.add(item);
    }
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("table", table);
    document.put("rules", items);
    return new Yaml(options).dump(document);
  }
}
