package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Caller;
import io.flowforge.core.Ids;
import io.flowforge.core.Json;
import io.flowforge.local.demo.DemoData;
import io.flowforge.wiring.Settings;
import io.flowforge.workspace.CreateWorkspaceRequest;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local stack's MCP server over streamable HTTP, spoken to by the MCP SDK's own client. */
class McpHttpIT {
  static final String TOKEN = "mcp-test-token";
  static final String INITIALIZE =
      "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
          + "\"params\":{\"protocolVersion\":\"2025-06-18\","
          + "\"capabilities\":{},\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static LocalStack stack;
  static LocalApi api;
  static McpSyncClient demo;

  @BeforeAll
  static void start() throws IOException {
    stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)));
    api = new LocalApi(stack.baseUri(), TOKEN);
    demo = client(Map.of("Authorization", "Bearer " + TOKEN));
    demo.initialize();
  }

  @AfterAll
  static void stop() {
    demo.closeGracefully();
    stack.close();
  }

  @Test
  void listsTheRegisteredToolsWithTheirSchemas() {
    List<McpSchema.Tool> tools = demo.listTools().tools();

    McpSchema.Tool keys =
        tools.stream().filter(t -> t.name().equals("suggest_keys")).findFirst().orElseThrow();
    assertTrue(((List<?>) keys.inputSchema().get("required")).contains("table_name"), keys.toString());
    assertTrue(tools.stream().anyMatch(t -> t.name().equals("analyze_schema")));
    assertTrue(tools.stream().anyMatch(t -> t.name().equals("generate_dimensional_model")));
  }

  @Test
  void suggestsTheDemoProductsKey_throughTheClient() {
    McpSchema.CallToolResult result = call(demo, "suggest_keys", Map.of("table_name", "product"));

    assertFalse(Boolean.TRUE.equals(result.isError()), result.toString());
    JsonNode keys = structured(result);
    assertEquals("product_id", keys.at("/candidate_keys/0/columns/0").asText(), keys.toString());
  }

  @Test
  void analyzesTheDemoSchema_withStatisticsOnlyWhileTheWorkspaceKeepsSamplesHome() {
    McpSchema.CallToolResult result = call(demo, "analyze_schema", Map.of("tables", List.of("product")));

    JsonNode analysis = structured(result);
    assertEquals("product", analysis.at("/tables/0/name").asText(), analysis.toString());
    JsonNode name = column(analysis.at("/tables/0/columns"), "name");
    assertTrue(name.has("nullRatio"), name.toString());
    assertFalse(name.has("topValues"), "sample values stay home unless the workspace allows them");
  }

  @Test
  void actsOnTheWorkspaceTheHeaderNames_withThatWorkspacesSampleSetting() {
    String other = api.createWorkspace("MCP other");
    String products =
        DemoData.tables().stream().filter(t -> t.name().equals("product")).findFirst().orElseThrow().csv();
    assertEquals(200, api.upload(other, "item", "csv", products.getBytes(StandardCharsets.UTF_8)).status());
    String settings = "/api/workspaces/" + other + "/ai-settings";
    assertEquals(200, api.putJson(settings, "{\"samplesAllowed\": true}").status());
    McpSyncClient client = client(Map.of("Authorization", "Bearer " + TOKEN, "X-FlowForge-Workspace", other));
    try {
      client.initialize();

      JsonNode metadata =
          structured(call(client, "get_table_metadata", Map.of("table_names", List.of("item"))));
      McpSchema.CallToolResult demoTable = call(client, "suggest_keys", Map.of("table_name", "product"));
      JsonNode analysis = structured(call(client, "analyze_schema", Map.of("tables", List.of("item"))));

      assertEquals("item", metadata.at("/tables/0/name").asText(), metadata.toString());
      assertTrue(Boolean.TRUE.equals(demoTable.isError()), "the demo's tables are not in this workspace");
      String refusal = ((McpSchema.TextContent) demoTable.content().get(0)).text();
      assertTrue(refusal.contains("no table 'product'"), refusal);
      assertTrue(column(analysis.at("/tables/0/columns"), "name").has("topValues"), analysis.toString());
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void writesEveryToolCallToTheWorkspacesAiAuditLog_evenWithAiOff_withoutInputsOrResults() {
    String audited = api.createWorkspace("MCP audited");
    String products =
        DemoData.tables().stream().filter(t -> t.name().equals("product")).findFirst().orElseThrow().csv();
    assertEquals(200, api.upload(audited, "item", "csv", products.getBytes(StandardCharsets.UTF_8)).status());
    assertEquals(200, api.putJson("/api/workspaces/" + audited + "/ai-settings", "{\"aiEnabled\": false}").status());
    McpSyncClient client = client(Map.of("Authorization", "Bearer " + TOKEN, "X-FlowForge-Workspace", audited));
    try {
      client.initialize();
      client.listTools();

      JsonNode estimate = structured(call(client, "estimate_performance",
          Map.of("table_name", "item", "clustering_columns", List.of("category_id"), "projected_row_count", 3_000_000_000L)));
      McpSchema.CallToolResult wrong = call(client, "estimate_performance",
          Map.of("table_name", "item", "clustering_columns", List.of("secret_column_name")));

      assertTrue(estimate.path("ratio").asDouble() > 1, estimate.toString());
      assertTrue(Boolean.TRUE.equals(wrong.isError()));
      LocalApi.Answer audit = api.get("/api/workspaces/" + audited + "/ai-audit");
      assertEquals(200, audit.status(), audit.text());
      JsonNode items = audit.json().path("items");
      assertEquals(2, items.size(), "one entry per tool call, none for initialize or tools/list: " + items);
      JsonNode failed = items.get(0);
      JsonNode ok = items.get(1);
      assertEquals("mcp", ok.path("channel").asText(), ok.toString());
      assertEquals("tool_call", ok.path("action").asText());
      assertEquals("[\"estimate_performance\"]", ok.path("tools").toString());
      assertEquals("ok", ok.path("outcome").asText());
      assertEquals(LocalServer.DEV_SUBJECT, ok.path("actor").asText());
      assertEquals("validation", failed.path("outcome").asText(), failed.toString());
      assertFalse(audit.text().contains("secret_column_name"), "no tool input in the audit log: " + audit.text());
      assertFalse(audit.text().contains("category_id"), "no tool input in the audit log: " + audit.text());
      List<String> fields = new java.util.ArrayList<>();
      ok.fieldNames().forEachRemaining(fields::add);
      assertEquals(
          List.of("id", "at", "actor", "action", "tools", "inputTokens", "outputTokens", "costUsd", "outcome", "channel"),
          fields);
    } finally {
      client.closeGracefully();
    }
  }

  @Test
  void answersAWrongInputWithAToolErrorThatNamesTheField() {
    McpSchema.CallToolResult result = call(demo, "suggest_keys", Map.of("table_name", 42));

    assertTrue(Boolean.TRUE.equals(result.isError()), result.toString());
    String text = ((McpSchema.TextContent) result.content().get(0)).text();
    assertTrue(text.contains("table_name"), text);
  }

  @Test
  void refusesWith401_withoutTheDevToken() throws Exception {
    HttpResponse<String> missing = post(Map.of(), INITIALIZE);
    HttpResponse<String> wrong = post(Map.of("Authorization", "Bearer not-the-token"), INITIALIZE);
    McpSyncClient anonymous = client(Map.of());

    assertProblem(missing, 401, "unauthorized");
    assertEquals("Bearer", missing.headers().firstValue("www-authenticate").orElse(""));
    assertProblem(wrong, 401, "unauthorized");
    assertThrows(RuntimeException.class, anonymous::initialize);
    anonymous.close();
  }

  @Test
  void answersAnotherOrUnknownWorkspaceWith404() throws Exception {
    String foreign =
        stack.wiring()
            .workspaces()
            .create(new Caller("someone-else"), new CreateWorkspaceRequest("Theirs"))
            .id();

    HttpResponse<String> theirs = post(authorized("X-FlowForge-Workspace", foreign), INITIALIZE);
    String missing = Ids.newId("ws");
    HttpResponse<String> unknown = post(authorized("X-FlowForge-Workspace", missing), INITIALIZE);
    HttpResponse<String> hostile =
        post(authorized("X-FlowForge-Workspace", "' OR 1=1 --<script>"), INITIALIZE);
    HttpResponse<String> byQuery = send(HttpRequest.newBuilder(mcp("?workspace=" + foreign))
        .header("Authorization", "Bearer " + TOKEN)
        .POST(HttpRequest.BodyPublishers.ofString(INITIALIZE)));

    assertProblem(theirs, 404, "not-found");
    assertProblem(unknown, 404, "not-found");
    assertProblem(byQuery, 404, "not-found");
    assertProblem(hostile, 404, "not-found");
    assertFalse(hostile.body().contains("<script>"), hostile.body());
    assertEquals(
        Json.mapper().readTree(theirs.body()).get("detail").asText().replace(foreign, "ID"),
        Json.mapper().readTree(unknown.body()).get("detail").asText().replace(missing, "ID"),
        "another workspace looks exactly like one that does not exist");
  }

  @Test
  void refusesBodiesOverOneMebibyte_malformedMessagesAndGet_andAcceptsNotifications() throws Exception {
    String huge = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\",\"params\":{\"pad\":\""
        + "x".repeat(LocalServer.MAX_API_BODY_BYTES) + "\"}}";

    HttpResponse<String> tooLarge = post(authorized(), huge);
    HttpResponse<String> notJson = post(authorized(), "{\"jsonrpc\":");
    HttpResponse<String> notJsonRpc = post(authorized(), "[1, 2, 3]");
    HttpResponse<String> notification =
        post(authorized(), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    HttpResponse<String> get =
        send(HttpRequest.newBuilder(mcp("")).header("Authorization", "Bearer " + TOKEN).GET());

    assertProblem(tooLarge, 413, "payload-too-large");
    assertProblem(notJson, 400, "bad-request");
    assertProblem(notJsonRpc, 400, "bad-request");
    assertProblem(get, 405, "method-not-allowed");
    assertEquals(202, notification.statusCode(), notification.body());
    assertEquals("", notification.body());
    assertEquals("POST", get.headers().firstValue("allow").orElse(""));
    JsonNode keys = structured(call(demo, "suggest_keys", Map.of("table_name", "product")));
    assertEquals("product_id", keys.at("/candidate_keys/0/columns/0").asText(),
        "the server still answers after refusing bad input");
  }

  private static McpSyncClient client(Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder();
    headers.forEach(request::header);
    HttpClientStreamableHttpTransport transport =
        HttpClientStreamableHttpTransport.builder(stack.baseUri().toString())
            .endpoint(stack.mcpUri().getPath())
            .requestBuilder(request)
            .jsonMapper(McpJsonDefaults.getMapper())
            .build();
    return McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(60))
        .initializationTimeout(Duration.ofSeconds(30))
        .build();
  }

  private static McpSchema.CallToolResult call(
      McpSyncClient client, String tool, Map<String, Object> arguments) {
    return client.callTool(McpSchema.CallToolRequest.builder(tool).arguments(arguments).build());
  }

  private static JsonNode structured(McpSchema.CallToolResult result) {
    assertFalse(Boolean.TRUE.equals(result.isError()), result.toString());
    return Json.mapper().valueToTree(result.structuredContent());
  }

  private static JsonNode column(JsonNode columns, String name) {
    for (JsonNode column : columns) {
      if (column.path("name").asText().equals(name)) {
        return column;
      }
    }
    throw new AssertionError("no column " + name + " in " + columns);
  }

  private static Map<String, String> authorized(String... extra) {
    Map<String, String> headers = new LinkedHashMap<>(Map.of("Authorization", "Bearer " + TOKEN));
    for (int i = 0; i < extra.length; i += 2) {
      headers.put(extra[i], extra[i + 1]);
    }
    return headers;
  }

  private static URI mcp(String query) {
    return URI.create(stack.baseUri() + McpHttpEndpoint.PATH + query);
  }

  private static HttpResponse<String> post(Map<String, String> headers, String body) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(mcp(""))
        .header("content-type", "application/json")
        .header("accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(request::header);
    return send(request);
  }

  private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status, String type)
      throws IOException {
    assertEquals(status, response.statusCode(), response.body());
    assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(""));
    JsonNode problem = Json.mapper().readTree(response.body());
    assertEquals("https://flowforge.dev/problems/" + type, problem.get("type").asText());
  }
}
