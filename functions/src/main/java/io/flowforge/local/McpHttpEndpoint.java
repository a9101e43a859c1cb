package io.flowforge.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import io.flowforge.api.Http;
import io.flowforge.assistant.StandardTools;
import io.flowforge.assistant.ToolContext;
import io.flowforge.assistant.mcp.McpToolServer;
import io.flowforge.conversation.CatalogSource;
import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.wiring.Wiring;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.server.McpStatelessServerHandler;
import io.modelcontextprotocol.server.McpStatelessSyncServer;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpStatelessServerTransport;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import reactor.core.publisher.Mono;

/**
 * FlowForge's tools over MCP streamable HTTP at {@code /mcp}, without sessions: every POST carries one
 * JSON-RPC message and gets its answer as one JSON document. Tools act for the dev user on the demo
 * workspace, or on the workspace named by the {@code X-FlowForge-Workspace} header or the {@code
 * workspace} query parameter, which the dev user must be a member of. The local server checks the dev
 * token before handing a request here.
 */
final class McpHttpEndpoint implements AutoCloseable {
  static final String PATH = "/mcp";
  static final String WORKSPACE_HEADER = "x-flowforge-workspace";
  static final String WORKSPACE_PARAMETER = "workspace";
  private static final Logger LOG = Logger.getLogger(McpHttpEndpoint.class.getName());

  private final Wiring wiring;
  private final CatalogSource catalogs;
  private final String defaultWorkspaceId;
  private final McpJsonMapper mapper = McpJsonDefaults.getMapper();
  private final Transport transport = new Transport();
  private final McpStatelessSyncServer server;

  McpHttpEndpoint(Wiring wiring, String defaultWorkspaceId) {
    this.wiring = wiring;
    this.catalogs = wiring.catalogs();
    this.defaultWorkspaceId = defaultWorkspaceId;
    String version =
        Optional.ofNullable(McpHttpEndpoint.class.getPackage().getImplementationVersion()).orElse("dev");
    Caller devUser = new Caller(LocalServer.DEV_SUBJECT);
    // Every call lands in the workspace's AI audit log, the one GET …/ai-audit serves.
    this.server = McpToolServer.stateless(
        StandardTools.registry(),
        transport,
        (context, tool, outcome) ->
            wiring.conversations().auditToolCall(devUser, context.workspaceId(), tool, outcome),
        version);
  }

  /** Answers one request whose dev token has been checked; the caller writes the answer. */
  APIGatewayV2HTTPResponse serve(HttpExchange exchange, String requestId) throws IOException {
    if (!exchange.getRequestMethod().equals("POST")) {
      // GET would open a stream for messages the server starts; a server without sessions sends none.
      exchange.getResponseHeaders().set("allow", "POST");
      return problem(ProblemType.METHOD_NOT_ALLOWED,
          "MCP over HTTP here takes one JSON-RPC message per POST; this server opens no event stream.",
          requestId);
    }
    Caller caller = new Caller(LocalServer.DEV_SUBJECT);
    String workspaceId = workspaceId(exchange);
    Optional<byte[]> body =
        LocalServer.readLimited(exchange.getRequestBody(), LocalServer.MAX_API_BODY_BYTES);
    if (body.isEmpty()) {
      return problem(ProblemType.PAYLOAD_TOO_LARGE,
          "The request body is over " + LocalServer.MAX_API_BODY_BYTES + " bytes. Send one JSON-RPC message"
              + " with the tool's arguments; tools read the workspace's data themselves.", requestId);
    }
    McpSchema.JSONRPCMessage message;
    try {
      message = McpSchema.deserializeJsonRpcMessage(mapper, new String(body.get(), StandardCharsets.UTF_8));
    } catch (IOException | IllegalArgumentException e) {
      return problem(ProblemType.BAD_REQUEST,
          "The body is not a JSON-RPC 2.0 request or notification. Send one JSON object with \"jsonrpc\":"
              + " \"2.0\" and a \"method\".", requestId);
    }
    try {
      wiring.workspaces().requireMember(caller, workspaceId);
      if (message instanceof McpSchema.JSONRPCRequest request) {
        return json(answer(caller, workspaceId, request));
      }
      if (message instanceof McpSchema.JSONRPCNotification notification) {
        transport.handler().handleNotification(McpTransportContext.EMPTY, notification).block();
        return APIGatewayV2HTTPResponse.builder().withStatusCode(202).withHeaders(Map.of()).build();
      }
      return problem(ProblemType.BAD_REQUEST,
          "This server sends no requests, so it expects no JSON-RPC responses. Send a request or a"
              + " notification.", requestId);
    } catch (FlowForgeException e) {
      return Http.problem(e.type(), e.getMessage(), e.pointer(), PATH, requestId);
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "MCP request " + requestId + " failed", e);
      return problem(ProblemType.INTERNAL,
          "Something went wrong on our side. Retry; if it keeps failing, report request id "
              + requestId
              + ".",
          requestId);
    }
  }

  /** The SDK's answer to a request; a tool call gets the workspace's catalog, open while the tool runs. */
  private McpSchema.JSONRPCResponse answer(
      Caller caller, String workspaceId, McpSchema.JSONRPCRequest request) {
    if (!request.method().equals(McpSchema.METHOD_TOOLS_CALL)) {
      return handle(McpTransportContext.EMPTY, request);
    }
    boolean samplesAllowed = wiring.conversations().settings(caller, workspaceId).controls().samplesAllowed();
    try (CatalogSource.OpenCatalog catalog = catalogs.open(caller, workspaceId, samplesAllowed)) {
      ToolContext context = ToolContext.of(catalog.catalog());
      return handle(McpTransportContext.create(Map.of(McpToolServer.TOOL_CONTEXT, context)), request);
    }
  }

  private McpSchema.JSONRPCResponse handle(McpTransportContext context, McpSchema.JSONRPCRequest request) {
    return transport.handler()
        .handleRequest(context, request)
        .contextWrite(reactor -> reactor.put(McpTransportContext.KEY, context))
        .block();
  }

  /** Written with the SDK's own mapper, which knows how its protocol types go on the wire. */
  private APIGatewayV2HTTPResponse json(McpSchema.JSONRPCResponse response) throws IOException {
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(200)
        .withHeaders(Map.of("content-type", Http.JSON, "cache-control", "no-store"))
        .withBody(mapper.writeValueAsString(response))
        .build();
  }

  private String workspaceId(HttpExchange exchange) {
    String header = exchange.getRequestHeaders().getFirst(WORKSPACE_HEADER);
    if (header != null && !header.isBlank()) {
      return header.trim();
    }
    String query = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    for (String pair : query.split("&")) {
      if (pair.startsWith(WORKSPACE_PARAMETER + "=")) {
        return URLDecoder.decode(pair.substring(WORKSPACE_PARAMETER.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return defaultWorkspaceId;
  }

  private static APIGatewayV2HTTPResponse problem(ProblemType type, String detail, String requestId) {
    return Http.problem(type, detail, null, PATH, requestId);
  }

  @Override
  public void close() {
    server.close();
  }

  /** The SDK hands the server's request handler to its transport; this endpoint is that transport. */
  private static final class Transport implements McpStatelessServerTransport {
    private volatile McpStatelessServerHandler handler;

    @Override
    public void setMcpHandler(McpStatelessServerHandler handler) {
      this.handler = handler;
    }

    McpStatelessServerHandler handler() {
      return handler;
    }

    @Override
    public Mono<Void> closeGracefully() {
      return Mono.empty();
    }
  }
}
