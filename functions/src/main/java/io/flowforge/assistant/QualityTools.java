package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import io.flowforge.profiling.ColumnProfile;
import io.flowforge.profiling.SchemaAnalysis;
import io.flowforge.profiling.SparkSqlDialect;
import io.flowforge.profiling.TableProfile;
import io.flowforge.quality.QualityRule;
import io.flowforge.quality.RuleExporter;
import io.flowforge.suggest.Layer;
import io.flowforge.suggest.Suggester;
import java.util.ArrayList;
import java.util.List;

/**
 * The quality tool over the rule engine: generate_quality_rules profiles a catalog table's data file and
 * returns the rules the Silver layer would enforce (with the key and watermark the suggestion engine chose),
 * optionally exported as YAML, Delta CHECK constraints or pipeline expectations. Unless the workspace allows
 * samples, a rule that can only be stated with data values is withheld, by name and with the reason: an
 * allowed-values rule (the top values of a text column) and a range or freshness rule on a column whose
 * bounds {@link ProfilingTools} would not show either.
 */
public final class QualityTools {
  private QualityTools() {}

  public static ToolRegistry register(ToolRegistry registry) {
    return registry.register("generate_quality_rules", QualityTools::generateQualityRules);
  }

  static JsonNode generateQualityRules(ToolContext context, JsonNode input) {
    String name = ProfilingTools.canonical(context, input.path("table_name").asText());
    SchemaAnalysis analysis = ProfilingTools.analyze(context, List.of(name));
    TableProfile profile = analysis.tables().get(0);
    List<QualityRule> generated = Suggester.suggest(profile, Layer.SILVER, analysis.relationships()).qualityRules();

    List<QualityRule> shown = new ArrayList<>();
    ObjectNode result = Json.mapper().createObjectNode().put("table_name", name).put("row_count", profile.rowCount());
    ArrayNode withheld = Json.mapper().createArrayNode();
    for (QualityRule rule : generated) {
      String why = context.catalog().allowSamples() ? null : withheldBecause(profile, rule);
      if (why == null) {
        shown.add(rule);
      } else {
        withheld.addObject().put("name", rule.id()).put("kind", rule.kind()).put("reason", why);
      }
    }
    ArrayNode rules = result.putArray("rules");
    for (QualityRule rule : shown) {
      ObjectNode item = rules.addObject().put("name", rule.id()).put("kind", rule.kind());
      item.set("columns", Json.mapper().valueToTree(rule.columns()));
      item.set("params", Json.mapper().valueToTree(rule.params()));
      item.put("severity", rule.severity()).put("confidence", rule.confidence()).put("evidence", rule.evidence());
    }
    result.set("withheld_rules", withheld);
    if (input.hasNonNull("format")) {
      String format = input.get("format").asText();
      result.put("format", format).put("export", export(name, format, shown));
    }
    return result;
  }

  /** Why a rule would show data values to the caller, or null when it states only names and statistics. */
  private static String withheldBecause(TableProfile profile, QualityRule rule) {
    if (rule.kind().equals("ALLOWED_VALUES")) {
      return "lists the values of a text column; allow samples in the workspace's AI controls to see it";
    }
    if (rule.kind().equals("RANGE") || rule.kind().equals("FRESHNESS")) {
      ColumnProfile column = profile.column(rule.columns().get(0));
      if (!ProfilingTools.valueFree(column.inferredType(), column.pii() != null)) {
        return "states bounds of a text or personal column; allow samples in the workspace's AI controls to see it";
      }
    }
    return null;
  }

  /** The schema's enum has already limited the format to these three. */
  private static String export(String table, String format, List<QualityRule> rules) {
    return switch (format) {
      case "yaml" -> RuleExporter.yaml(table, rules);
      case "check" -> String.join("\n", RuleExporter.checks(SparkSqlDialect.INSTANCE.quote(table), rules));
      default -> String.join("\n", RuleExporter.expectations(rules));
    };
  }
}
