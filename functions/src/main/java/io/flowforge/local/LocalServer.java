package io.flowforge.local;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.flowforge.api.EventStream;
import io.flowforge.api.Feature;
import io.flowforge.api.Http;
import io.flowforge.api.RouteCatalog;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.wiring.Wiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The local stand-in for API Gateway: turns each HTTP request into the same payload v2 event API Gateway
 * sends, checks the dev token where the route needs one, calls the feature's handler (the class Lambda
 * runs, built once) and writes its answer. It also serves the web app, accepts local uploads and serves the
 * tools to MCP clients at {@code /mcp}.
 */
public final class LocalServer implements AutoCloseable {
  /** The subject of the local dev user; the JWT {@code sub} claim the handlers see. */
  public static final String DEV_SUBJECT = "local-dev-user";

  static final int MAX_API_BODY_BYTES = 1024 * 1024;
  /** Path prefix of local upload URLs, the local equivalent of presigned S3 PUT URLs. */
  public static final String UPLOAD_PREFIX = "/local-blobs/";
  private static final Logger LOG = Logger.getLogger(LocalServer.class.getName());
  private static final int THREADS = 32;

  private final HttpServer server;
  private final ExecutorService executor;
  private final RouteMatcher routes = new RouteMatcher(RouteCatalog.all());
  private final Map<Feature, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> handlers;
  private final byte[] devToken;
  private final Optional<UploadReceiver> uploads;
  private final StaticFiles staticFiles = new StaticFiles("static");
  private final McpHttpEndpoint mcp;

  /** Accepts the body of a local upload URL (the local equivalent of a presigned S3 PUT). */
  @FunctionalInterface
  public interface UploadReceiver {
    /**
     * Stores the body under the signed path.
     *
     * @param path the request path after {@code /local-blobs/}
     * @param rawQuery the query string carrying the expiry and signature
     */
    void receive(String path, String rawQuery, InputStream body) throws IOException;
  }

  private LocalServer(
      HttpServer server,
      Wiring wiring,
      String devToken,
      Optional<UploadReceiver> uploads,
      McpHttpEndpoint mcp) {
    this.server = server;
    this.mcp = mcp;
    this.devToken = devToken.getBytes(StandardCharsets.UTF_8);
    this.uploads = uploads;
    this.handlers = buildHandlers(wiring);
    this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
    server.setExecutor(executor);
    server.createContext("/", this::serve);
  }

  /** Binds a server socket on 127.0.0.1; port 0 picks a free port. Nothing is served until started. */
  public static HttpServer bind(int port) throws IOException {
    // Without TCP_NODELAY the JDK server's separate header and body writes meet delayed ACKs: +40 ms each.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 128);
  }

  /**
   * Starts serving on an already bound socket.
   *
   * @param mcpWorkspaceId the workspace MCP requests act on when they name none
   */
  public static LocalServer start(
      HttpServer bound,
      Wiring wiring,
      String devToken,
      Optional<UploadReceiver> uploads,
      String mcpWorkspaceId) {
    LocalServer local =
        new LocalServer(bound, wiring, devToken, uploads, new McpHttpEndpoint(wiring, mcpWorkspaceId));
    bound.start();
    return local;
  }

  public URI baseUri() {
    return baseUri(server);
  }

  public static URI baseUri(HttpServer server) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    mcp.close();
  }

  private void serve(HttpExchange exchange) throws IOException {
    String requestId = UUID.randomUUID().toString();
    try (exchange) {
      String path = exchange.getRequestURI().getRawPath();
      exchange.getResponseHeaders().set("x-request-id", requestId);
      if (path.equals("/api") || path.startsWith("/api/")) {
        APIGatewayV2HTTPResponse response = dispatch(exchange, path, requestId);
        // Null when a streaming route already wrote its events.
        if (response != null) {
          write(exchange, response);
        }
      } else if (path.equals(McpHttpEndpoint.PATH)) {
        boolean authenticated = hasDevToken(exchange.getRequestHeaders());
        write(exchange,
            authenticated ? mcp.serve(exchange, requestId) : unauthorized(exchange, path, requestId));
      } else if (path.startsWith(UPLOAD_PREFIX) && uploads.isPresent()) {
        write(exchange, upload(exchange, path, requestId));
      } else if (exchange.getRequestMethod().equals("GET") || exchange.getRequestMethod().equals("HEAD")) {
        staticFiles.serve(exchange, path, notFound(path, requestId));
      } else {
        write(exchange, notFound(path, requestId));
      }
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Unexpected failure serving request " + requestId, e);
    }
  }

  private APIGatewayV2HTTPResponse dispatch(HttpExchange exchange, String rawPath, String requestId)
      throws IOException {
    String method = exchange.getRequestMethod();
    String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
    RouteMatcher.Result result = routes.match(method, path);
    if (result.match().isEmpty()) {
      if (result.allowedMethods().isEmpty()) {
        return notFound(rawPath, requestId);
      }
      exchange.getResponseHeaders().set("allow", String.join(", ", result.allowedMethods()));
      return Http.problem(
          ProblemType.METHOD_NOT_ALLOWED,
          method + " is not allowed on " + path + ". Use " + String.join(" or ", result.allowedMethods()) + ".",
          null,
          rawPath,
          requestId);
    }
    RouteMatcher.Match match = result.match().get();
    if (match.route().authenticated() && !hasDevToken(exchange.getRequestHeaders())) {
      return unauthorized(exchange, rawPath, requestId);
    }
    Optional<byte[]> body = readLimited(exchange.getRequestBody(), MAX_API_BODY_BYTES);
    if (body.isEmpty()) {
      return Http.problem(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The request body is over " + MAX_API_BODY_BYTES + " bytes. API requests carry JSON only; upload"
              + " files to the upload URL instead.",
          null,
          rawPath,
          requestId);
    }
    APIGatewayV2HTTPEvent event = event(exchange, match, rawPath, body.get(), requestId);
    Feature feature = match.route().feature();
    try {
      if (handlers.get(feature) instanceof EventStream streaming && streaming.streams(match.route().routeKey())) {
        return LocalEventStream.serve(exchange, streaming, event);
      }
      return handlers.get(feature).handleRequest(event, new LocalContext(requestId, feature.name()));
    } catch (RuntimeException e) {
      // API Gateway answers 500 when a function fails; the handler's own mapper did not get the chance.
      return Http.problem(event, e);
    }
  }

  private APIGatewayV2HTTPResponse upload(HttpExchange exchange, String path, String requestId) {
    if (!exchange.getRequestMethod().equals("PUT")) {
      exchange.getResponseHeaders().set("allow", "PUT");
      return Http.problem(
          ProblemType.METHOD_NOT_ALLOWED, "Upload URLs accept PUT only.", null, path, requestId);
    }
    try {
      uploads.get().receive(path.substring(UPLOAD_PREFIX.length()), exchange.getRequestURI().getRawQuery(),
          exchange.getRequestBody());
      return APIGatewayV2HTTPResponse.builder().withStatusCode(200).withHeaders(Map.of()).build();
    } catch (FlowForgeException e) {
      return Http.problem(e.type(), e.getMessage(), e.pointer(), path, requestId);
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.SEVERE, "Upload failed for request " + requestId, e);
      return Http.problem(
          ProblemType.INTERNAL, "The upload could not be stored. Retry; request id " + requestId + ".", null,
          path, requestId);
    }
  }

  private static APIGatewayV2HTTPResponse unauthorized(HttpExchange exchange, String path, String requestId) {
    exchange.getResponseHeaders().set("www-authenticate", "Bearer");
    return Http.problem(
        ProblemType.UNAUTHORIZED,
        "Missing or wrong token. Send Authorization: Bearer <dev token>; ./flowforge up prints it.",
        null,
        path,
        requestId);
  }

  private static APIGatewayV2HTTPResponse notFound(String path, String requestId) {
    return Http.problem(
        ProblemType.NOT_FOUND,
        "No route matches " + path + ". See /api/openapi.json for the routes this API serves.",
        null,
        path,
        requestId);
  }

  private boolean hasDevToken(Headers headers) {
    String authorization = headers.getFirst("authorization");
    if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return false;
    }
    byte[] presented = authorization.substring(7).trim().getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(presented, devToken);
  }

  private APIGatewayV2HTTPEvent event(
      HttpExchange exchange, RouteMatcher.Match match, String rawPath, byte[] body, String requestId) {
    Map<String, String> headers = new LinkedHashMap<>();
    exchange.getRequestHeaders().forEach(
        (name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
    String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context =
        APIGatewayV2HTTPEvent.RequestContext.builder()
            .withRequestId(requestId)
            .withRouteKey(match.route().routeKey())
            .withStage("$default")
            .withTimeEpoch(Instant.now().toEpochMilli())
            .withHttp(
                APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                    .withMethod(match.route().method())
                    .withPath(rawPath)
                    .withProtocol(exchange.getProtocol())
                    .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                    .withUserAgent(headers.getOrDefault("user-agent", ""))
                    .build());
    if (match.route().authenticated()) {
      context.withAuthorizer(
          APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
              .withJwt(
                  APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                      .withClaims(Map.of("sub", DEV_SUBJECT))
                      .withScopes(List.of())
                      .build())
              .build());
    }
    boolean text = isText(body);
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(match.route().routeKey())
        .withRawPath(rawPath)
        .withRawQueryString(rawQuery)
        .withHeaders(headers)
        .withQueryStringParameters(queryParameters(rawQuery))
        .withPathParameters(match.pathParameters())
        .withRequestContext(context.build())
        .withBody(body.length == 0 ? null : text ? new String(body, StandardCharsets.UTF_8)
            : Base64.getEncoder().encodeToString(body))
        .withIsBase64Encoded(body.length > 0 && !text)
        .build();
  }

  /** API Gateway passes UTF-8 text as is and anything else base64-encoded. */
  private static boolean isText(byte[] body) {
    try {
      StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(body));
      return true;
    } catch (java.nio.charset.CharacterCodingException e) {
      return false;
    }
  }

  /** Like API Gateway, repeated parameters are joined with commas. */
  private static Map<String, String> queryParameters(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      int equals = pair.indexOf('=');
      String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
      String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
      parameters.merge(name, value, (a, b) -> a + "," + b);
    }
    return parameters;
  }

  /** The whole stream, or empty when it is longer than {@code limit}. */
  static Optional<byte[]> readLimited(InputStream in, int limit) throws IOException {
    byte[] bytes = in.readNBytes(limit + 1);
    return bytes.length > limit ? Optional.empty() : Optional.of(bytes);
  }

  private static void write(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
    Headers headers = exchange.getResponseHeaders();
    if (response.getHeaders() != null) {
      response.getHeaders().forEach(headers::set);
    }
    byte[] body =
        response.getBody() == null
            ? new byte[0]
            : response.getIsBase64Encoded()
                ? Base64.getDecoder().decode(response.getBody())
                : response.getBody().getBytes(StandardCharsets.UTF_8);
    boolean empty = body.length == 0 || exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(response.getStatusCode(), empty ? -1 : body.length);
    if (!empty) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<Feature, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> buildHandlers(
      Wiring wiring) {
    Map<Feature, RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>> built =
        new EnumMap<>(Feature.class);
    for (Feature feature : Feature.values()) {
      built.put(feature, (RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>)
          Handlers.instantiate(feature.handlerClass(), wiring));
    }
    return built;
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "flowforge-http");
      thread.setDaemon(true);
      return thread;
    };
  }
}
