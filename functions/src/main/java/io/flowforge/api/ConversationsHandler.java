package io.flowforge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.assistant.ReplyListener;
import io.flowforge.assistant.ToolOutcome;
import io.flowforge.conversation.AiControlsRequest;
import io.flowforge.conversation.ConversationService;
import io.flowforge.conversation.Exchange;
import io.flowforge.conversation.PostMessageRequest;
import io.flowforge.conversation.StartConversationRequest;
import io.flowforge.conversation.StreamSessions;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Items;
import io.flowforge.core.Json;
import io.flowforge.wiring.Wiring;
import java.util.Map;

/**
 * Routes of the assistant: conversations and their messages (answered whole or streamed as events),
 * the workspace's AI controls and its AI audit log.
 */
public final class ConversationsHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse>, EventStream {
  private static final String BASE = "/api/workspaces/{workspaceId}/conversations";
  static final String STREAM = "POST " + BASE + "/{conversationId}/messages/stream";
  private static final String TICKETS = "POST " + BASE + "/{conversationId}/stream-tickets";

  private final ConversationService service;
  private final StreamSessions sessions;

  public ConversationsHandler() {
    this(Wiring.fromEnvironment());
  }

  public ConversationsHandler(Wiring wiring) {
    this(wiring.conversations(), wiring.streamSessions());
  }

  ConversationsHandler(ConversationService service, StreamSessions sessions) {
    this.service = service;
    this.sessions = sessions;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return switch (event.getRouteKey()) {
      case "POST " + BASE ->
          Http.respond(
              event,
              201,
              () ->
                  service.start(
                      Http.caller(event),
                      workspace(event),
                      Http.body(event, StartConversationRequest.class)));
      case "GET " + BASE ->
          Http.respond(
              event, () -> new Items<>(service.list(Http.caller(event), workspace(event))));
      case "GET " + BASE + "/{conversationId}" ->
          Http.respond(
              event, () -> service.get(Http.caller(event), workspace(event), conversation(event)));
      case "POST " + BASE + "/{conversationId}/messages" ->
          Http.respond(event, () -> post(event, ReplyListener.NONE));
      case STREAM -> streamInOneBody(event);
      case TICKETS ->
          Http.respond(
              event,
              201,
              () -> sessions.issue(Http.caller(event), workspace(event), conversation(event)));
      case "POST " + BASE + "/{conversationId}/suggestions/{suggestionId}/apply" ->
          Http.respond(
              event,
              () ->
                  service.apply(
                      Http.caller(event),
                      workspace(event),
                      conversation(event),
                      Http.pathParameter(event, "suggestionId")));
      case "GET /api/workspaces/{workspaceId}/ai-settings" ->
          Http.respond(event, () -> service.settings(Http.caller(event), workspace(event)));
      case "PUT /api/workspaces/{workspaceId}/ai-settings" ->
          Http.respond(
              event,
              () ->
                  service.changeSettings(
                      Http.caller(event),
                      workspace(event),
                      Http.body(event, AiControlsRequest.class)));
      case "GET /api/workspaces/{workspaceId}/ai-audit" ->
          Http.respond(
              event, () -> new Items<>(service.audit(Http.caller(event), workspace(event))));
      default -> Http.unknownRoute(event);
    };
  }

  @Override
  public boolean streams(String routeKey) {
    return routeKey.equals(STREAM);
  }

  /**
   * Events: {@code tool_call} after each tool, {@code text} for each piece of the answer, then
   * {@code suggestion} (when the answer has one) and {@code done} with the stored turn once it is
   * saved; a failure after the first event ends the stream with {@code error} carrying the problem
   * document.
   */
  @Override
  public APIGatewayV2HTTPResponse stream(APIGatewayV2HTTPEvent event, Sink sink) {
    boolean[] started = {false};
    Sink tracking =
        (name, json) -> {
          started[0] = true;
          sink.send(name, json);
        };
    ReplyListener listener =
        new ReplyListener() {
          @Override
          public void onText(String text) {
            tracking.send("text", write(Map.of("delta", text)));
          }

          @Override
          public void onToolCall(ToolOutcome outcome) {
            ObjectNode call = Json.mapper().createObjectNode();
            call.put("tool", outcome.tool());
            call.put("status", outcome.status().name());
            if (outcome.error() != null) {
              call.put("error", outcome.error());
            }
            tracking.send("tool_call", write(call));
          }
        };
    try {
      Exchange exchange = post(event, listener);
      if (exchange.answer().suggestion() != null) {
        tracking.send("suggestion", write(exchange.answer().suggestion()));
      }
      tracking.send("done", write(exchange));
      return null;
    } catch (RuntimeException e) {
      APIGatewayV2HTTPResponse problem = Http.problem(event, e);
      if (!started[0]) {
        return problem;
      }
      sink.send("error", problem.getBody());
      return null;
    }
  }

  /** API Gateway's HTTP API cannot stream: the same events, collected into one body. */
  private APIGatewayV2HTTPResponse streamInOneBody(APIGatewayV2HTTPEvent event) {
    StringBuilder body = new StringBuilder();
    APIGatewayV2HTTPResponse problem =
        stream(event, (name, json) -> body.append(EventStream.frame(name, json)));
    if (problem != null) {
      return problem;
    }
    return APIGatewayV2HTTPResponse.builder()
        .withStatusCode(200)
        .withHeaders(
            Map.of("content-type", "text/event-stream; charset=utf-8", "cache-control", "no-store"))
        .withBody(body.toString())
        .build();
  }

  private Exchange post(APIGatewayV2HTTPEvent event, ReplyListener listener) {
    return service.post(
        Http.caller(event),
        workspace(event),
        conversation(event),
        Http.body(event, PostMessageRequest.class),
        listener);
  }

  private static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new FlowForgeException(
          io.flowforge.core.ProblemType.INTERNAL, "An event could not be written.", null, e);
    }
  }

  private static String workspace(APIGatewayV2HTTPEvent event) {
    return Http.pathParameter(event, "workspaceId");
  }

  private static String conversation(APIGatewayV2HTTPEvent event) {
    return Http.pathParameter(event, "conversationId");
  }
}
