package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a caller (Claude, the offline architect, an MCP client, the HTTP API) knows about a tool before
 * calling it.
 *
 * @param name stable snake_case name, also the schema file name
 * @param group the tool server it belongs to (schema-analyzer, pattern-library, model-generator,
 *     databricks-optimizer)
 * @param description what the tool does, shown to the model and to MCP clients
 * @param inputSchema the JSON Schema (draft 2020-12) its input is validated against
 * @param requiresConfirmation true when the tool changes stored state and so runs only after the user
 *     confirms (Apply)
 */
public record ToolDefinition(
    String name, String group, String description, JsonNode inputSchema, boolean requiresConfirmation) {}
