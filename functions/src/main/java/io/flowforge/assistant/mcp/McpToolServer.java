package io.flowforge.assistant.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.assistant.ToolContext;
import io.flowforge.assistant.ToolDefinition;
import io.flowforge.assistant.ToolRegistry;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Serves the tool registry to MCP clients (Claude Desktop, Claude Code, any MCP client). The registry
 * validates every input and refuses state-changing tools without confirmation, exactly as for Claude on
 * Bedrock and the offline architect.
 */
public final class McpToolServer {
  public static final String NAME = "flowforge";

  private McpToolServer() {}

  /** A server speaking MCP over the given streams (stdin/stdout for {@code ./flowforge mcp}). */
  public static McpSyncServer stdio(ToolRegistry registry, ToolContext context, InputStream in, OutputStream out, String version) {
    McpJsonMapper mapper = McpJsonDefaults.getMapper();
    return McpServer.sync(new StdioServerTransportProvider(mapper, in, out))
        .serverInfo(NAME, version)
        .instructions("FlowForge data architect tools for workspace " + context.workspaceId()
            + ": schema analysis, modeling patterns, model generation and Databricks optimization.")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        // The registry validates inputs itself, with errors that name the field.
        .validateToolInputs(false)
        .tools(specifications(registry, context, mapper))
        .build();
  }

  static List<SyncToolSpecification> specifications(ToolRegistry registry, ToolContext context, McpJsonMapper mapper) {
    return registry.definitions().stream().map(d -> specification(registry, context, mapper, d)).toList();
  }

  private static SyncToolSpecification specification(
      ToolRegistry registry, ToolContext context, McpJsonMapper mapper, ToolDefinition definition) {
    McpSchema.Tool tool =
        McpSchema.Tool.builder(definition.name(), mapper, definition.inputSchema().toString())
            .title(definition.group() + ": " + definition.name())
            .description(definition.description())
            .build();
    return SyncToolSpecification.builder()
        .tool(tool)
        .callHandler((exchange, request) -> call(registry, context, definition.name(), request.arguments()))
        .build();
  }

  private static McpSchema.CallToolResult call(ToolRegistry registry, ToolContext context, String name, Map<String, Object> arguments) {
    try {
      JsonNode input = Json.mapper().valueToTree(arguments == null ? Map.of() : arguments);
      JsonNode output = registry.call(context, name, input);
      McpSchema.CallToolResult.Builder result =
          McpSchema.CallToolResult.builder().addTextContent(Json.mapper().writeValueAsString(output)).isError(false);
      if (output.isObject()) {
        result.structuredContent(Json.mapper().convertValue(output, Object.class));
      }
      return result.build();
    } catch (FlowForgeException e) {
      return McpSchema.CallToolResult.builder().addTextContent(e.getMessage()).isError(true).build();
    } catch (JsonProcessingException e) {
      return McpSchema.CallToolResult.builder().addTextContent("The result of " + name + " could not be serialized.").isError(true).build();
    }
  }
}
