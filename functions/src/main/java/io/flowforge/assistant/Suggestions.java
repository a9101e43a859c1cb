package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import java.util.List;
import java.util.Set;

/** Builds the suggestion a user previews and applies from the tool calls of one answer. */
public final class Suggestions {
  private static final Set<String> MODEL_TOOLS = Set.of("generate_dimensional_model", "generate_data_vault_model");

  private Suggestions() {}

  /**
   * The request (when known) and whatever the model tools produced, with the tools that did not run listed
   * so a preview never passes a missing part off as done. Null when the answer designs nothing.
   */
  public static JsonNode from(ModelRequest request, List<ToolOutcome> outcomes) {
    boolean generated = outcomes.stream().anyMatch(o -> MODEL_TOOLS.contains(o.tool()));
    if (request == null && !generated) {
      return null;
    }
    ObjectNode suggestion = Json.mapper().createObjectNode();
    if (request != null) {
      suggestion.set("request", Json.mapper().valueToTree(request));
    }
    ArrayNode missing = suggestion.putArray("missing_tools");
    for (ToolOutcome o : outcomes) {
      if (!o.ok()) {
        missing.add(o.tool());
      } else if (MODEL_TOOLS.contains(o.tool())) {
        suggestion.set("model", o.result());
      } else if (o.tool().equals("generate_reactflow_nodes")) {
        suggestion.set("reactflow_model", o.result());
      } else if (o.tool().equals("generate_templates")) {
        suggestion.set("templates", o.result());
      } else if (o.tool().equals("generate_yaml_metadata")) {
        suggestion.set("yaml_metadata", o.result());
      }
    }
    return suggestion;
  }
}
