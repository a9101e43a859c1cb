package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import java.util.List;

/**
 * Tools answered from the workspace catalog itself: names, types, row counts and the statistics the catalog
 * already holds. Sample values are never part of a result.
 */
public final class CatalogTools {
  private CatalogTools() {}

  public static ToolRegistry register(ToolRegistry registry) {
    return registry.register("get_table_metadata", CatalogTools::tableMetadata);
  }

  static JsonNode tableMetadata(ToolContext context, JsonNode input) {
    boolean stats = input.path("include_stats").asBoolean(true);
    ObjectNode result = Json.mapper().createObjectNode();
    ArrayNode tables = result.putArray("tables");
    for (JsonNode requested : input.path("table_names")) {
      WorkspaceCatalog.Table table =
          context.catalog().table(requested.asText()).orElseThrow(() -> unknownTable(context, requested.asText(), "/table_names"));
      ObjectNode t = tables.addObject().put("name", table.name()).put("row_count", table.rowCount());
      ArrayNode columns = t.putArray("columns");
      for (WorkspaceCatalog.Column c : table.columns()) {
        ObjectNode column = columns.addObject().put("name", c.name()).put("type", c.type());
        if (stats && c.distinctCount() >= 0) {
          column.put("distinct_count", c.distinctCount());
        }
        if (stats && c.nullRatio() >= 0) {
          column.put("null_ratio", c.nullRatio());
        }
      }
    }
    return result;
  }

  /** An unknown table, with the closest catalog name as a hint. */
  static FlowForgeException unknownTable(ToolContext context, String name, String pointer) {
    List<String> names = context.catalog().tables().stream().map(WorkspaceCatalog.Table::name).toList();
    List<NameMatcher.Match> near = NameMatcher.find(NameMatcher.words(name), names, w -> false);
    String hint = near.isEmpty() ? "Tables in this workspace: " + String.join(", ", names) : "Did you mean " + near.get(0).name() + "?";
    return FlowForgeException.invalid(pointer, "There is no table '" + name + "' in this workspace. " + hint);
  }
}
