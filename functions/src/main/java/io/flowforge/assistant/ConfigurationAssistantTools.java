package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import io.flowforge.profiling.SchemaAnalysis;
import io.flowforge.profiling.TableProfile;
import io.flowforge.suggest.Layer;
import io.flowforge.suggest.LayerSuggestions;
import io.flowforge.suggest.Suggester;
import io.flowforge.suggest.Suggestion;
import java.util.List;
import java.util.Locale;

/**
 * The configuration-assistant tool over the suggestion engine: suggest_layer_configuration profiles a catalog
 * table's data file, as the schema-analyzer tools do, and returns the per-layer settings the Create Job wizard
 * offers (watermark, layout, key, deduplication, aggregates), each with its confidence and the measurement it
 * rests on. The suggestions name columns and cite statistics; they carry no data values.
 */
public final class ConfigurationAssistantTools {
  private ConfigurationAssistantTools() {}

  public static ToolRegistry register(ToolRegistry registry) {
    return registry.register("suggest_layer_configuration", ConfigurationAssistantTools::suggestLayerConfiguration);
  }

  static JsonNode suggestLayerConfiguration(ToolContext context, JsonNode input) {
    String name = ProfilingTools.canonical(context, input.path("table_name").asText());
    List<Layer> layers = input.hasNonNull("layer") ? List.of(Layer.parse(input.get("layer").asText())) : List.of(Layer.values());
    SchemaAnalysis analysis = ProfilingTools.analyze(context, List.of(name));
    TableProfile profile = analysis.tables().get(0);

    ObjectNode result = Json.mapper().createObjectNode().put("table_name", name).put("row_count", profile.rowCount());
    ArrayNode perLayer = result.putArray("layers");
    for (Layer layer : layers) {
      LayerSuggestions suggested = Suggester.suggest(profile, layer, analysis.relationships());
      ObjectNode entry = perLayer.addObject().put("layer", layer.name().toLowerCase(Locale.ROOT));
      ArrayNode suggestions = entry.putArray("suggestions");
      for (Suggestion s : suggested.suggestions()) {
        ObjectNode item = suggestions.addObject().put("kind", s.kind());
        item.set("value", Json.mapper().valueToTree(s.value()));
        item.put("confidence", s.confidence()).put("reason", s.reasoning());
      }
    }
    return result;
  }
}
