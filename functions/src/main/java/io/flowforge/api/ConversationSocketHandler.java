package io.flowforge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.conversation.ConversationService;
import io.flowforge.conversation.PostMessageRequest;
import io.flowforge.conversation.StreamGrant;
import io.flowforge.conversation.StreamSessions;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.flowforge.wiring.Wiring;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * The assistant's WebSocket API in AWS, where the HTTP API cannot stream. {@code $connect?ticket=…}
 * opens a connection with a ticket from {@code POST …/stream-tickets} (browsers cannot send headers
 * on a WebSocket); {@code $disconnect} forgets it; {@code sendMessage} ({@code {"action":
 * "sendMessage", "content": "…"}}) answers the message exactly as {@code POST …/messages/stream}
 * does, through {@link ConversationsHandler#stream}, and posts each event to the connection. A frame
 * that cannot be answered gets an {@code error} event carrying the RFC 9457 problem document.
 */
public final class ConversationSocketHandler
    implements RequestHandler<APIGatewayV2WebSocketEvent, APIGatewayV2WebSocketResponse> {
  static final String CONNECT = "$connect";
  static final String DISCONNECT = "$disconnect";
  static final String SEND_MESSAGE = "sendMessage";

  /**
   * Largest frame read. A message is at most {@link ConversationService#MAX_MESSAGE_CHARS}
   * characters, which leaves room for JSON escapes; API Gateway itself stops at 128 KB.
   */
  static final int MAX_FRAME_BYTES = 64 * 1024;

  private static final String FRAME_SHAPE = "{\"action\":\"sendMessage\",\"content\":\"…\"}";

  private final ConversationsHandler conversations;
  private final StreamSessions sessions;
  private final Function<URI, ApiGatewayManagementApiClient> clientFor;
  private final String scheme;
  // One client per API stage, built on first use: a function serves one stage, so this stays tiny.
  private final Map<URI, ApiGatewayManagementApiClient> clients = new ConcurrentHashMap<>();

  public ConversationSocketHandler() {
    this(Wiring.fromEnvironment());
  }

  public ConversationSocketHandler(Wiring wiring) {
    this(wiring, endpoint -> Wiring.connections(wiring.settings(), endpoint), "https");
  }

  /**
   * @param clientFor builds the management API client of one stage endpoint
   * @param scheme {@code https} in AWS; tests post to a plain-HTTP receiver on 127.0.0.1
   */
  ConversationSocketHandler(
      Wiring wiring, Function<URI, ApiGatewayManagementApiClient> clientFor, String scheme) {
    this.conversations = new ConversationsHandler(wiring);
    this.sessions = wiring.streamSessions();
    this.clientFor = clientFor;
    this.scheme = scheme;
  }

  @Override
  public APIGatewayV2WebSocketResponse handleRequest(
      APIGatewayV2WebSocketEvent event, Context context) {
    APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
    String connectionId = request.getConnectionId();
    return switch (request.getRouteKey()) {
      case CONNECT -> connect(event, connectionId);
      case DISCONNECT -> {
        sessions.disconnect(connectionId);
        yield ok();
      }
      // sendMessage, and $default for frames whose action API Gateway could not route.
      default -> {
        answer(event, connectionId);
        yield ok();
      }
    };
  }

  /** API Gateway opens the connection only on a 2xx answer; a refusal carries the problem. */
  private APIGatewayV2WebSocketResponse connect(
      APIGatewayV2WebSocketEvent event, String connectionId) {
    try {
      String ticket =
          Optional.ofNullable(event.getQueryStringParameters())
              .map(parameters -> parameters.get("ticket"))
              .orElse(null);
      sessions.connect(connectionId, ticket);
      return ok();
    } catch (RuntimeException e) {
      APIGatewayV2HTTPResponse problem = Http.problem(httpEvent(event), e);
      APIGatewayV2WebSocketResponse refusal = new APIGatewayV2WebSocketResponse();
      refusal.setStatusCode(problem.getStatusCode());
      refusal.setHeaders(problem.getHeaders());
      refusal.setBody(problem.getBody());
      return refusal;
    }
  }

  private void answer(APIGatewayV2WebSocketEvent event, String connectionId) {
    ConnectionSink sink = new ConnectionSink(client(event.getRequestContext()), connectionId);
    try {
      StreamGrant grant = sessions.session(connectionId);
      String content = content(event);
      APIGatewayV2HTTPResponse refused =
          conversations.stream(streamEvent(event, grant, content), sink);
      if (refused != null) {
        sink.send("error", framePointers(refused.getBody()));
      }
    } catch (RuntimeException e) {
      sink.send("error", Http.problem(httpEvent(event), e).getBody());
    }
    if (sink.gone()) {
      sessions.disconnect(connectionId);
    }
  }

  /** The frame's message, after the checks only a frame needs (the conversation checks the rest). */
  private static String content(APIGatewayV2WebSocketEvent event) {
    String body = event.getBody();
    if (body == null || body.isBlank()) {
      throw FlowForgeException.badRequest("The frame is empty. Send " + FRAME_SHAPE + ".");
    }
    int bytes = body.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_FRAME_BYTES) {
      throw new FlowForgeException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The frame is "
              + bytes
              + " bytes; the limit is "
              + MAX_FRAME_BYTES
              + " and a message may have at most "
              + ConversationService.MAX_MESSAGE_CHARS
              + " characters. Ask in a few sentences; the assistant reads your tables from the"
              + " workspace itself.",
          "/content",
          null);
    }
    APIGatewayV2HTTPEvent parsed = httpEvent(event);
    parsed.setBody(body);
    SocketFrame frame = Http.body(parsed, SocketFrame.class);
    if (!SEND_MESSAGE.equals(frame.action())) {
      throw FlowForgeException.invalid(
          "/action", "This socket serves one action, sendMessage. Send " + FRAME_SHAPE + ".");
    }
    return frame.content();
  }

  /** The streaming route's event for the connection's grant, so one code path answers both. */
  private static APIGatewayV2HTTPEvent streamEvent(
      APIGatewayV2WebSocketEvent event, StreamGrant grant, String content) {
    APIGatewayV2HTTPEvent stream = httpEvent(event);
    stream.setRouteKey(ConversationsHandler.STREAM);
    stream.setRawPath(
        "/api/workspaces/"
            + grant.workspaceId()
            + "/conversations/"
            + grant.conversationId()
            + "/messages/stream");
    stream.setPathParameters(
        Map.of("workspaceId", grant.workspaceId(), "conversationId", grant.conversationId()));
    stream
        .getRequestContext()
        .setAuthorizer(
            APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
                .withJwt(
                    APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                        .withClaims(Map.of("sub", grant.subject()))
                        .build())
                .build());
    stream.setBody(write(new PostMessageRequest(content)));
    return stream;
  }

  /** Request id and instance for problem documents; no caller, so nothing is authorised by it. */
  private static APIGatewayV2HTTPEvent httpEvent(APIGatewayV2WebSocketEvent event) {
    APIGatewayV2WebSocketEvent.RequestContext request = event.getRequestContext();
    return APIGatewayV2HTTPEvent.builder()
        .withRouteKey(request.getRouteKey())
        .withRawPath("/" + request.getRouteKey())
        .withIsBase64Encoded(false)
        .withRequestContext(
            APIGatewayV2HTTPEvent.RequestContext.builder()
                .withRequestId(request.getRequestId())
                .withRouteKey(request.getRouteKey())
                .withStage(request.getStage())
                .build())
        .build();
  }

  /** The frame names the message {@code content} where the HTTP route names it {@code message}. */
  private static String framePointers(String problem) {
    try {
      JsonNode document = Json.mapper().readTree(problem);
      if (document instanceof ObjectNode object && "/message".equals(object.path("pointer").asText())) {
        object.put("pointer", "/content");
        return object.toString();
      }
      return problem;
    } catch (JsonProcessingException e) {
      return problem;
    }
  }

  private ApiGatewayManagementApiClient client(APIGatewayV2WebSocketEvent.RequestContext request) {
    URI stage = URI.create(scheme + "://" + request.getDomainName() + "/" + request.getStage());
    return clients.computeIfAbsent(stage, clientFor);
  }

  private static APIGatewayV2WebSocketResponse ok() {
    APIGatewayV2WebSocketResponse response = new APIGatewayV2WebSocketResponse();
    response.setStatusCode(200);
    return response;
  }

  private static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a message could not be serialised", e);
    }
  }

  /** One frame from the client. */
  record SocketFrame(String action, String content) {}
}
