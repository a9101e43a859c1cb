package io.flowforge.assistant.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import io.flowforge.testing.SharedData;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code ./flowforge mcp} as an MCP client sees it: a real process spoken to over stdio by the MCP SDK client. */
class McpToolServerIT {
  private static McpSyncClient client;
  private static final Queue<String> STDERR = new ConcurrentLinkedQueue<>();

  @BeforeAll
  static void startServer() {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    ServerParameters server = ServerParameters.builder(java.toString())
        .args("-cp", System.getProperty("java.class.path"), "io.flowforge.cli.FlowForgeCli", "mcp",
            "--data", SharedData.resolve("adventureworks/csv").toString())
        .addEnvVar("DDB_LOCAL_TELEMETRY", "0")
        .build();
    StdioClientTransport transport = new StdioClientTransport(server, McpJsonDefaults.getMapper());
    transport.setStdErrorHandler(STDERR::add);
    client = McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(60))
        // A JVM starting on a busy machine can take longer than the SDK's 20 s default.
        .initializationTimeout(Duration.ofSeconds(90))
        .build();
    client.initialize();
  }

  @AfterAll
  static void stopServer() {
    client.closeGracefully();
  }

  @Test
  void listsTheRegisteredToolsWithTheirSchemas() {
    List<McpSchema.Tool> tools = client.listTools().tools();
    List<String> names = tools.stream().map(McpSchema.Tool::name).toList();
    assertTrue(names.containsAll(List.of("detect_modeling_patterns", "recommend_pattern", "generate_yaml_metadata",
        "generate_templates")), names.toString());
    assertEquals(20, tools.size(), names.toString());

    McpSchema.Tool metadata = tools.stream().filter(t -> t.name().equals("get_table_metadata")).findFirst().orElseThrow();
    Map<String, Object> schema = metadata.inputSchema();
    assertTrue(((Map<?, ?>) schema.get("properties")).containsKey("table_names"), schema.toString());
    assertTrue(((List<?>) schema.get("required")).contains("table_names"), schema.toString());
    McpSchema.Tool estimate = tools.stream().filter(t -> t.name().equals("estimate_performance")).findFirst().orElseThrow();
    assertTrue(((Map<?, ?>) estimate.inputSchema().get("properties")).containsKey("clustering_columns"));
  }

  @Test
  void callsAToolThroughTheClient_andGetsTheCatalogsAnswer() {
    McpSchema.CallToolResult result = client.callTool(
        McpSchema.CallToolRequest.builder("get_table_metadata")
            .arguments(Map.of("table_names", List.of("Production.ProductCategory"))).build());

    assertFalse(Boolean.TRUE.equals(result.isError()), result.toString());
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) result.structuredContent();
    @SuppressWarnings("unchecked")
    Map<String, Object> table = ((List<Map<String, Object>>) content.get("tables")).get(0);
    assertEquals("Production.ProductCategory", table.get("name"));
    assertEquals(4, ((Number) table.get("row_count")).intValue());
    assertEquals(4, ((List<?>) table.get("columns")).size());
  }

  @Test
  void estimatesPerformanceOverMcp_fromTheProfiledFile() {
    McpSchema.CallToolResult result = client.callTool(
        McpSchema.CallToolRequest.builder("estimate_performance")
            .arguments(Map.of("table_name", "Production.Product", "clustering_columns", List.of("ProductSubcategoryID"),
                "projected_row_count", 5_000_000_000L)).build());

    assertFalse(Boolean.TRUE.equals(result.isError()), result.toString());
    @SuppressWarnings("unchecked")
    Map<String, Object> content = (Map<String, Object>) result.structuredContent();
    assertEquals("profile of the table's data", content.get("statistics_from"));
    assertEquals("ProductSubcategoryID", content.get("filterColumn"));
    assertTrue(((Number) content.get("ratio")).doubleValue() > 1, content.toString());
  }

  @Test
  void logsEachToolCallAsAnAuditLine_withoutInputsOrResults() throws Exception {
    client.callTool(McpSchema.CallToolRequest.builder("suggest_keys")
        .arguments(Map.of("table_name", "Production.ProductCategory")).build());
    client.callTool(McpSchema.CallToolRequest.builder("suggest_keys")
        .arguments(Map.of("table_name", "Production.NoSuchTable")).build());

    List<JsonNode> audit = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (audit.size() < 2 && System.nanoTime() < deadline) {
      audit.clear();
      for (String line : STDERR) {
        if (line.contains("\"audit\":\"tool_call\"") && line.contains("suggest_keys")) {
          audit.add(Json.mapper().readTree(line));
        }
      }
      Thread.sleep(50);
    }
    assertEquals(2, audit.size(), String.join("\n", STDERR));
    assertEquals("mcp", audit.get(0).path("channel").asText());
    assertEquals("ok", audit.get(0).path("outcome").asText());
    assertEquals("validation", audit.get(1).path("outcome").asText());
    assertFalse(audit.toString().contains("ProductCategory"), "no tool input in the audit: " + audit);
  }

  @Test
  void answersAWrongInputWithAnErrorThatNamesTheField() {
    McpSchema.CallToolResult result = client.callTool(
        McpSchema.CallToolRequest.builder("get_table_metadata")
            .arguments(Map.of("table_names", "Production.Product")).build());

    assertTrue(Boolean.TRUE.equals(result.isError()));
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    assertTrue(text.contains("field 'table_names'"), text);
  }
}
