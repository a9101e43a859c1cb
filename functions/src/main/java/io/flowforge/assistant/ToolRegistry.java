package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The one place tools are called from: Claude's tool use, the offline architect, the MCP server and the HTTP
 * API all go through {@link #call}. Only tools with a registered implementation are listed, so a caller is
 * never offered a tool whose engine is missing.
 */
public final class ToolRegistry {
  private final ToolCatalog catalog;
  private final Map<String, Registered> tools = new LinkedHashMap<>();

  public ToolRegistry(ToolCatalog catalog) {
    this.catalog = catalog;
  }

  /** Binds an implementation to the catalog's definition of {@code name}. */
  public ToolRegistry register(String name, ToolHandler handler) {
    ToolDefinition definition =
        catalog
            .find(name)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "No schema for tool '" + name + "': add tools/" + name + ".schema.json and list it in tools/index.json"));
    if (tools.containsKey(name)) {
      throw new IllegalStateException("Tool '" + name + "' is already registered");
    }
    tools.put(name, new Registered(definition, new ToolInputValidator(definition), handler));
    return this;
  }

  /** Definitions of the callable tools, in registration order. */
  public List<ToolDefinition> definitions() {
    List<ToolDefinition> list = new ArrayList<>();
    tools.values().forEach(t -> list.add(t.definition()));
    return Collections.unmodifiableList(list);
  }

  public Optional<ToolDefinition> find(String name) {
    return Optional.ofNullable(tools.get(name)).map(Registered::definition);
  }

  public boolean has(String name) {
    return tools.containsKey(name);
  }

  /**
   * Validates {@code input} against the tool's schema, checks confirmation for state-changing tools, then
   * runs it.
   *
   * @throws FlowForgeException NOT_FOUND for an unknown tool, VALIDATION naming the bad field, FORBIDDEN
   *     when a state-changing tool is called without the user's confirmation
   */
  public JsonNode call(ToolContext context, String name, JsonNode input) {
    Registered tool = tools.get(name);
    if (tool == null) {
      throw new FlowForgeException(
          ProblemType.NOT_FOUND,
          "There is no tool named '" + name + "'. Available tools: " + String.join(", ", tools.keySet()) + ".");
    }
    tool.validator().validate(input);
    if (tool.definition().requiresConfirmation() && !context.confirmed()) {
      throw new FlowForgeException(
          ProblemType.FORBIDDEN,
          "Tool '" + name + "' changes stored state, so it runs only after the user confirms it with Apply.");
    }
    return tool.handler().call(context, input);
  }

  private record Registered(ToolDefinition definition, ToolInputValidator validator, ToolHandler handler) {}
}
