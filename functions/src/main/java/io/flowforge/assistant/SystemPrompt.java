package io.flowforge.assistant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The system prompt for a language model, from {@code assistant/system-prompt.txt}, carrying the workspace
 * context: table names, column names and types, statistics, and scrubbed samples only when the workspace
 * allows them. Everything taken from the workspace is JSON inside a delimited block labelled untrusted, with
 * {@code <} and {@code >} escaped so no name can close the block.
 */
public final class SystemPrompt {
  /** At most this many sample values per column, in line with the 100-row sample limit. */
  public static final int MAX_SAMPLES = 100;

  private static final String RESOURCE = "assistant/system-prompt.txt";
  private final String template;

  private SystemPrompt(String template) {
    this.template = template;
  }

  public static SystemPrompt standard() {
    try (InputStream in = SystemPrompt.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("Missing " + RESOURCE + " on the classpath");
      }
      return new SystemPrompt(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String render(WorkspaceCatalog catalog, ConversationState state) {
    return template
        .replace("{{workspace_data}}", untrusted(workspace(catalog)))
        .replace("{{last_suggestion}}", state.hasSuggestion() ? untrusted(Json.mapper().valueToTree(state.lastRequest())) : "none");
  }

  static ObjectNode workspace(WorkspaceCatalog catalog) {
    ObjectNode root = Json.mapper().createObjectNode();
    ArrayNode tables = root.putArray("tables");
    for (WorkspaceCatalog.Table table : catalog.tables()) {
      ObjectNode t = tables.addObject().put("name", table.name()).put("row_count", table.rowCount());
      ArrayNode columns = t.putArray("columns");
      for (WorkspaceCatalog.Column c : table.columns()) {
        ObjectNode column = columns.addObject().put("name", c.name()).put("type", c.type());
        if (c.distinctCount() >= 0) {
          column.put("distinct_count", c.distinctCount());
        }
        if (c.nullRatio() >= 0) {
          column.put("null_ratio", c.nullRatio());
        }
        if (catalog.allowSamples() && !c.samples().isEmpty() && !PiiScrubber.isPersonalColumn(c.name())) {
          ArrayNode samples = column.putArray("samples");
          c.samples().stream().limit(MAX_SAMPLES).map(PiiScrubber::scrub).forEach(samples::add);
        }
      }
    }
    return root;
  }

  private static String untrusted(Object data) {
    try {
      String json = Json.mapper().writeValueAsString(data);
      // Inside JSON, < and > only occur in strings, where the \\u escapes are equivalent.
      return json.replace("<", "\\u003c").replace(">", "\\u003e");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Workspace context is not serializable", e);
    }
  }
}
