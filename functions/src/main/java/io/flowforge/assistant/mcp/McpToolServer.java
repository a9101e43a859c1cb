package io.flowforge.assistant.mcp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.assistant.ToolContext;
import io.flowforge.assistant.ToolDefinition;
import io.flowforge.assistant.ToolRegistry;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpStatelessServerFeatures;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Serves the tool registry to MCP clients (Claude Desktop, Claude Code, any MCP client). The registry
 * validates every input and refuses state-changing tools without confirmation, exactly as for Claude on
 * Bedrock and the offline architect. Every tool call it runs is recorded through a {@link ToolCallAudit}
 * (tool name and outcome only).
 */
public final class McpToolServer {
  public static final String NAME = "flowforge";
  /**
   * Key of the {@link ToolContext} in the transport context of a stateless request: the transport knows
   * the caller and the workspace, the tools only read it.
   */
  public static final String TOOL_CONTEXT = "flowforge.toolContext";

  private McpToolServer() {}

  /** A server speaking MCP over the given streams (stdin/stdout for {@code ./flowforge mcp}). */
  public static McpSyncServer stdio(
      ToolRegistry registry, ToolContext context, ToolCallAudit audit, InputStream in, OutputStream out, String version) {
    McpJsonMapper mapper = McpJsonDefaults.getMapper();
    return McpServer.sync(new StdioServerTransportProvider(mapper, in, out))
        .serverInfo(NAME, version)
        .instructions("FlowForge data architect tools for workspace " + context.workspaceId()
            + ": schema analysis, modeling patterns, model generation and Databricks optimization.")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        // The registry validates inputs itself, with errors that name the field.
        .validateToolInputs(false)
        .tools(specifications(registry, context, audit, mapper))
        .build();
  }

  /**
   * A server answering each request on its own (MCP streamable HTTP without sessions). The transport puts
   * the request's {@link ToolContext} under {@link #TOOL_CONTEXT} for every {@code tools/call}; tools run on
   * the thread that handles the request.
   */
  public static McpStatelessSyncServer stateless(
      ToolRegistry registry, McpStatelessServerTransport transport, ToolCallAudit audit, String version) {
    McpJsonMapper mapper = McpJsonDefaults.getMapper();
    return McpServer.sync(transport)
        .serverInfo(NAME, version)
        .instructions("FlowForge data architect tools for the workspace the request names: schema analysis,"
            + " modeling patterns, model generation and Databricks optimization.")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .validateToolInputs(false)
        .immediateExecution(true)
        .tools(registry.definitions().stream()
            .map(d -> new McpStatelessServerFeatures.SyncToolSpecification(
                tool(mapper, d),
                (transportContext, request) ->
                    call(registry, audit, transportContext, d.name(), request.arguments())))
            .toList())
        .build();
  }

  static List<SyncToolSpecification> specifications(
      ToolRegistry registry, ToolContext context, ToolCallAudit audit, McpJsonMapper mapper) {
    return registry.definitions().stream().map(d -> specification(registry, context, audit, mapper, d)).toList();
  }

  private static SyncToolSpecification specification(
      ToolRegistry registry, ToolContext context, ToolCallAudit audit, McpJsonMapper mapper, ToolDefinition definition) {
    return SyncToolSpecification.builder()
        .tool(tool(mapper, definition))
        .callHandler((exchange, request) -> call(registry, audit, context, definition.name(), request.arguments()))
        .build();
  }

  private static McpSchema.Tool tool(McpJsonMapper mapper, ToolDefinition definition) {
    return McpSchema.Tool.builder(definition.name(), mapper, definition.inputSchema().toString())
        .title(definition.group() + ": " + definition.name())
        .description(definition.description())
        .build();
  }

  private static McpSchema.CallToolResult call(
      ToolRegistry registry, ToolCallAudit audit, McpTransportContext request, String name, Map<String, Object> arguments) {
    if (!(request.get(TOOL_CONTEXT) instanceof ToolContext context)) {
      return McpSchema.CallToolResult.builder()
          .addTextContent("No workspace is open for this request.")
          .isError(true)
          .build();
    }
    return call(registry, audit, context, name, arguments);
  }

  /** Runs the tool, then records the call's outcome before the client sees the answer. */
  private static McpSchema.CallToolResult call(
      ToolRegistry registry, ToolCallAudit audit, ToolContext context, String name, Map<String, Object> arguments) {
    McpSchema.CallToolResult result;
    String outcome;
    try {
      JsonNode input = Json.mapper().valueToTree(arguments == null ? Map.of() : arguments);
      JsonNode output = registry.call(context, name, input);
      McpSchema.CallToolResult.Builder answer =
          McpSchema.CallToolResult.builder().addTextContent(Json.mapper().writeValueAsString(output)).isError(false);
      if (output.isObject()) {
        answer.structuredContent(Json.mapper().convertValue(output, Object.class));
      }
      result = answer.build();
      outcome = "ok";
    } catch (FlowForgeException e) {
      result = McpSchema.CallToolResult.builder().addTextContent(e.getMessage()).isError(true).build();
      outcome = e.type().slug();
    } catch (JsonProcessingException e) {
      result = McpSchema.CallToolResult.builder().addTextContent("The result of " + name + " could not be serialized.").isError(true).build();
      outcome = ProblemType.INTERNAL.slug();
    } catch (RuntimeException e) {
      // An unexpected failure is still a call that happened: record it, then let the SDK answer it.
      audit.toolCalled(context, name, ProblemType.INTERNAL.slug());
      throw e;
    }
    audit.toolCalled(context, name, outcome);
    return result;
  }
}
