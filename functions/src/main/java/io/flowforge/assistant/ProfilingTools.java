package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.flowforge.profiling.Relationship;
import io.flowforge.profiling.SchemaAnalysis;
import io.flowforge.profiling.SchemaAnalyzer;
import io.flowforge.profiling.TableProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The schema-analyzer tools over the profiling engine: analyze_schema, suggest_keys and find_relationships
 * profile the tables' data files. Unless the workspace allows samples, results keep statistics and drop the
 * values themselves (top values, and min/max/quantiles of text or personal columns), because tool results
 * may go to a language model or an MCP client.
 */
public final class ProfilingTools {
  private static final Set<String> VALUE_FREE_TYPES = Set.of("INTEGER", "DECIMAL", "DATE", "TIMESTAMP", "BOOLEAN");

  private ProfilingTools() {}

  public static ToolRegistry register(ToolRegistry registry) {
    return registry
        .register("analyze_schema", ProfilingTools::analyzeSchema)
        .register("suggest_keys", ProfilingTools::suggestKeys)
        .register("find_relationships", ProfilingTools::findRelationships);
  }

  static JsonNode analyzeSchema(ToolContext context, JsonNode input) {
    List<String> names = new ArrayList<>();
    input.path("tables").forEach(t -> names.add(t.asText()));
    if (names.isEmpty()) {
      context.catalog().tables().forEach(t -> names.add(t.name()));
    }
    return withoutValues(context, Json.mapper().valueToTree(analyze(context, names)));
  }

  static JsonNode suggestKeys(ToolContext context, JsonNode input) {
    String name = input.path("table_name").asText();
    TableProfile profile = analyze(context, List.of(name)).tables().get(0);
    ObjectNode result = Json.mapper().createObjectNode().put("table_name", profile.name()).put("row_count", profile.rowCount());
    result.set("candidate_keys", Json.mapper().valueToTree(profile.candidateKeys()));
    return result;
  }

  static JsonNode findRelationships(ToolContext context, JsonNode input) {
    String source = canonical(context, input.path("source_table").asText());
    String target = input.hasNonNull("target_table") ? canonical(context, input.get("target_table").asText()) : null;
    List<String> names = new ArrayList<>();
    if (target == null) {
      context.catalog().tables().forEach(t -> names.add(t.name()));
    } else {
      names.addAll(List.of(source, target));
    }
    ArrayNode found = Json.mapper().createArrayNode();
    for (Relationship r : analyze(context, names).relationships()) {
      boolean touchesSource = r.fromTable().equals(source) || r.toTable().equals(source);
      boolean touchesTarget = target == null || r.fromTable().equals(target) || r.toTable().equals(target);
      if (touchesSource && touchesTarget) {
        found.add(Json.mapper().valueToTree(r));
      }
    }
    ObjectNode result = Json.mapper().createObjectNode().put("source_table", source);
    if (target != null) {
      result.put("target_table", target);
    }
    result.set("relationships", found);
    return result;
  }

  /** Profiles the named catalog tables' data files; a table without a file is a clear 422. */
  static SchemaAnalysis analyze(ToolContext context, List<String> names) {
    List<Path> files = new ArrayList<>();
    for (String name : names) {
      files.add(context.catalog().file(canonical(context, name)).orElseThrow(() -> new FlowForgeException(
          ProblemType.UNPROCESSABLE,
          "Table '" + name + "' has no data file at hand to profile; upload its data to this workspace first.")));
    }
    return SchemaAnalyzer.analyze(files);
  }

  static String canonical(ToolContext context, String name) {
    return context.catalog().table(name).map(WorkspaceCatalog.Table::name)
        .orElseThrow(() -> CatalogTools.unknownTable(context, name, "/table_name"));
  }

  /** Statistics only, unless the workspace allows samples. */
  private static JsonNode withoutValues(ToolContext context, JsonNode analysis) {
    if (context.catalog().allowSamples()) {
      return analysis;
    }
    for (JsonNode table : analysis.path("tables")) {
      for (JsonNode column : table.path("columns")) {
        ObjectNode c = (ObjectNode) column;
        c.remove("topValues");
        if (!valueFree(c.path("inferredType").asText(), !c.path("pii").isNull() && !c.path("pii").isMissingNode())) {
          c.remove(List.of("min", "max", "quantiles"));
        }
      }
    }
    return analysis;
  }

  /** Whether a column's statistics (min, max, quantiles) tell nothing about any one person or text value. */
  static boolean valueFree(String inferredType, boolean personal) {
    return VALUE_FREE_TYPES.contains(inferredType) && !personal;
  }
}
