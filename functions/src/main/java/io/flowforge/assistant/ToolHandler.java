package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;

/** The Java implementation of a tool: a call into a core engine. Input has already been validated. */
@FunctionalInterface
public interface ToolHandler {
  JsonNode call(ToolContext context, JsonNode input);
}
