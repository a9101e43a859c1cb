package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import io.flowforge.patterns.PatternDefinition;
import io.flowforge.patterns.PatternLibrary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The pattern-library tools over {@link PatternLibrary}: list_patterns, get_pattern and
 * get_databricks_optimizations. A {@code pattern_type} of the tool schemas names a family; it maps to the
 * library's patterns of that family.
 */
public final class PatternTools {
  private PatternTools() {}

  public static ToolRegistry register(ToolRegistry registry, PatternLibrary library) {
    return registry
        .register("list_patterns", (context, input) -> listPatterns(library, input))
        .register("get_pattern", (context, input) -> getPattern(library, input))
        .register("get_databricks_optimizations", (context, input) -> optimizations(library, input));
  }

  /** Library pattern ids for a pattern family; a dimension family takes the SCD type (Type 2 unless given). */
  static List<String> patternIds(String patternType, int scdType) {
    return switch (patternType) {
      case "data_vault" -> List.of("data_vault/hub", "data_vault/link", "data_vault/satellite");
      case "kimball_fact" -> List.of("kimball/transaction_fact");
      case "bridge_table" -> List.of("kimball/bridge");
      default -> List.of("kimball/scd" + scdType);
    };
  }

  static JsonNode listPatterns(PatternLibrary library, JsonNode input) {
    String category = input.path("category").asText("").toLowerCase(Locale.ROOT);
    List<String> tags = new ArrayList<>();
    input.path("tags").forEach(t -> tags.add(t.asText().toLowerCase(Locale.ROOT)));
    ObjectNode result = Json.mapper().createObjectNode();
    ArrayNode patterns = result.putArray("patterns");
    library.list().stream()
        .filter(p -> category.isEmpty() || p.category().equalsIgnoreCase(category))
        .filter(p -> p.tags().stream().map(t -> t.toLowerCase(Locale.ROOT)).toList().containsAll(tags))
        .forEach(p -> patterns.addObject()
            .put("id", p.id())
            .put("name", p.name())
            .put("category", p.category())
            .put("description", p.description())
            .put("when_to_use", p.whenToUse()));
    return result;
  }

  static JsonNode getPattern(PatternLibrary library, JsonNode input) {
    String type = input.path("pattern_type").asText();
    ObjectNode result = Json.mapper().createObjectNode().put("pattern_type", type)
        .put("optimization", input.path("optimization").asText("databricks"));
    ArrayNode patterns = result.putArray("patterns");
    for (String id : patternIds(type, input.path("scd_type").asInt(2))) {
      patterns.add(Json.mapper().valueToTree(library.get(id)));
    }
    return result;
  }

  static JsonNode optimizations(PatternLibrary library, JsonNode input) {
    String type = input.path("pattern_type").asText();
    ObjectNode result = Json.mapper().createObjectNode().put("pattern_type", type);
    ArrayNode list = result.putArray("optimizations");
    for (String id : patternIds(type, input.path("scd_type").asInt(2))) {
      PatternDefinition pattern = library.get(id);
      for (PatternDefinition.Optimization o : pattern.databricksOptimizations()) {
        list.addObject().put("pattern", pattern.id()).put("feature", o.feature()).put("columns", o.columns()).put("reason", o.reason());
      }
    }
    return result;
  }
}
