package io.flowforge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2WebSocketResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.conversation.StartConversationRequest;
import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.local.LocalStack;
import io.flowforge.wiring.Settings;
import io.flowforge.workspace.CreateWorkspaceRequest;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;

/**
 * Streaming the assistant over the WebSocket API as it runs in AWS: tickets from the HTTP route on
 * the local stack, the socket handler on DynamoDB Local, and every event posted by the real {@link
 * ApiGatewayManagementApiClient} to a receiver that speaks the management API's wire format.
 */
class ConversationSocketIT {
  static final String TOKEN = "socket-test-token";
  static final String FIRST = "create a dimension based on product and productcategory";

  static LocalStack stack;
  static ConnectionReceiver receiver;
  static ConversationSocketHandler handler;
  static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)));
    receiver = new ConnectionReceiver();
    handler =
        new ConversationSocketHandler(
            stack.wiring(),
            endpoint ->
                ApiGatewayManagementApiClient.builder()
                    .endpointOverride(endpoint)
                    .region(Region.US_EAST_1)
                    .credentialsProvider(
                        StaticCredentialsProvider.create(
                            AwsBasicCredentials.create("test-key", "test-secret")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build(),
            "http");
  }

  @AfterAll
  static void stop() {
    receiver.close();
    stack.close();
  }

  @Test
  void ticketRoute_issuesA256BitSingleUseTicketForOneMinute() throws Exception {
    String workspace = stack.demoWorkspaceId();
    String conversation = startConversation(workspace);
    Instant before = Instant.now();

    HttpResponse<String> issued = post(ticketPath(workspace, conversation), TOKEN);

    assertEquals(201, issued.statusCode(), issued.body());
    JsonNode ticket = Json.mapper().readTree(issued.body());
    String secret = ticket.get("ticket").asText().substring(workspace.length() + 1);
    assertTrue(ticket.get("ticket").asText().startsWith(workspace + "."), issued.body());
    assertTrue(secret.matches("[A-Za-z0-9_-]{43}"), secret);
    Instant expiresAt = Instant.parse(ticket.get("expiresAt").asText());
    assertTrue(expiresAt.isAfter(before.plusSeconds(55)), expiresAt.toString());
    assertTrue(expiresAt.isBefore(before.plusSeconds(65)), expiresAt.toString());
    assertNotEquals(ticket.get("ticket").asText(), ticketFor(workspace, conversation));
  }

  @Test
  void ticketRoute_answersAnotherWorkspacesConversationAsNotFound_andNeedsAToken()
      throws Exception {
    Caller stranger = new Caller("someone-else");
    String theirWorkspace =
        stack.wiring().workspaces().create(stranger, new CreateWorkspaceRequest("Theirs")).id();
    String theirConversation =
        stack
            .wiring()
            .conversations()
            .start(stranger, theirWorkspace, new StartConversationRequest(null))
            .id();
    String mine = stack.demoWorkspaceId();

    HttpResponse<String> theirs = post(ticketPath(theirWorkspace, theirConversation), TOKEN);
    HttpResponse<String> theirsInMine = post(ticketPath(mine, theirConversation), TOKEN);
    HttpResponse<String> unknown = post(ticketPath(mine, "cv_aaaaaaaaaaaaaaaaaaaa"), TOKEN);
    HttpResponse<String> anonymous = post(ticketPath(mine, startConversation(mine)), null);

    assertProblem(theirs, 404, "not-found");
    assertProblem(theirsInMine, 404, "not-found");
    assertProblem(unknown, 404, "not-found");
    assertProblem(anonymous, 401, "unauthorized");
  }

  @Test
  void connectingUsesTheTicketUp_aReusedUnknownOrMissingTicketIsRefused() throws Exception {
    String workspace = stack.demoWorkspaceId();
    String ticket = ticketFor(workspace, startConversation(workspace));

    APIGatewayV2WebSocketResponse first = handler.handleRequest(connect(newId(), ticket), null);
    APIGatewayV2WebSocketResponse reused = handler.handleRequest(connect(newId(), ticket), null);
    String forged = ticket.substring(0, ticket.length() - 4) + "AAAA";
    APIGatewayV2WebSocketResponse unknown = handler.handleRequest(connect(newId(), forged), null);
    APIGatewayV2WebSocketResponse missing = handler.handleRequest(connect(newId(), null), null);
    APIGatewayV2WebSocketResponse hostile =
        handler.handleRequest(connect(newId(), "' OR 1=1 --.{{7*7}}"), null);

    assertEquals(200, first.getStatusCode(), first.getBody());
    for (APIGatewayV2WebSocketResponse refused : List.of(reused, unknown, missing, hostile)) {
      assertEquals(401, refused.getStatusCode(), refused.getBody());
      JsonNode problem = Json.mapper().readTree(refused.getBody());
      assertTrue(problem.get("type").asText().endsWith("/unauthorized"), refused.getBody());
      assertTrue(problem.get("detail").asText().contains("ticket"), refused.getBody());
    }
  }

  @Test
  void sendMessage_streamsTheEventsToTheConnection_andStoresTheTurn() throws Exception {
    String workspace = stack.demoWorkspaceId();
    String conversation = startConversation(workspace);
    String connection = connected(workspace, conversation);

    handler.handleRequest(message(connection, frame("sendMessage", FIRST)), null);

    List<Event> events = events(receiver.delivered(connection));
    List<String> names = events.stream().map(Event::name).toList();
    assertTrue(names.contains("tool_call"), names.toString());
    assertTrue(names.indexOf("text") > names.indexOf("tool_call"), names.toString());
    assertEquals(List.of("suggestion", "done"), names.subList(names.size() - 2, names.size()));
    JsonNode generate =
        events.stream()
            .filter(e -> e.name().equals("tool_call"))
            .map(Event::data)
            .filter(d -> d.get("tool").asText().equals("generate_dimensional_model"))
            .findFirst()
            .orElseThrow();
    assertEquals("OK", generate.get("status").asText());
    JsonNode done = events.get(events.size() - 1).data();
    JsonNode suggestion = events.get(events.size() - 2).data();
    assertEquals("DIMENSION", suggestion.at("/content/request/kind").asText());
    assertEquals(suggestion.get("id"), done.at("/answer/suggestion/id"));
    String streamedText =
        events.stream()
            .filter(e -> e.name().equals("text"))
            .map(e -> e.data().get("delta").asText())
            .reduce("", String::concat);
    assertEquals(done.at("/answer/text").asText(), streamedText);

    JsonNode stored = storedConversation(workspace, conversation);
    JsonNode messages = stored.get("messages");
    assertEquals(2, messages.size());
    assertEquals(FIRST, messages.get(0).get("text").asText());
    assertEquals(suggestion.get("id"), messages.get(1).at("/suggestion/id"));
    assertTrue(
        receiver.posts(connection).stream().allMatch(p -> p.status() == 200),
        "every message fits API Gateway's 128 KB");
    assertTrue(
        receiver.delivered(connection).stream().anyMatch(m -> m.contains("\"parts\":")),
        "the suggestion, with its model and SQL files, arrived in parts");
  }

  @Test
  void aGoneConnectionStopsTheStream_butTheMessageIsStillStored() throws Exception {
    String workspace = stack.demoWorkspaceId();
    String conversation = startConversation(workspace);
    String connection = connected(workspace, conversation);
    receiver.markGone(connection);

    handler.handleRequest(message(connection, frame("sendMessage", FIRST)), null);

    List<ConnectionReceiver.Post> posts = receiver.posts(connection);
    assertEquals(1, posts.size(), "nothing is posted after the 410");
    assertEquals(410, posts.get(0).status());
    JsonNode messages = storedConversation(workspace, conversation).get("messages");
    assertEquals(2, messages.size());
    assertEquals(FIRST, messages.get(0).get("text").asText());
    FlowForgeException forgotten =
        assertThrows(
            FlowForgeException.class, () -> stack.wiring().streamSessions().session(connection));
    assertEquals(401, forgotten.type().status());
  }

  @Test
  void badFramesGetAnErrorEventWithTheProblem_andStoreNothing() throws Exception {
    String workspace = stack.demoWorkspaceId();
    String conversation = startConversation(workspace);
    String connection = connected(workspace, conversation);
    Map<String, String> frames = new LinkedHashMap<>();
    frames.put("malformed", "{\"action\":\"sendMessage\",\"content\":");
    frames.put("unknownAction", "{\"action\":\"dropTables\",\"content\":\"hi\"}");
    frames.put("unknownField", "{\"action\":\"sendMessage\",\"content\":\"hi\",\"admin\":true}");
    frames.put("wrongType", "{\"action\":\"sendMessage\",\"content\":{\"a\":1}}");
    frames.put("emptyContent", frame("sendMessage", "   "));
    frames.put("tooLong", frame("sendMessage", "x".repeat(9_000)));
    frames.put("oneMegabyte", frame("sendMessage", "x".repeat(1024 * 1024)));
    frames.put("emptyFrame", "");

    Map<String, JsonNode> problems = new LinkedHashMap<>();
    for (Map.Entry<String, String> frame : frames.entrySet()) {
      int before = receiver.delivered(connection).size();
      handler.handleRequest(message(connection, frame.getValue()), null);
      List<String> delivered = receiver.delivered(connection);
      List<Event> answered = events(delivered.subList(before, delivered.size()));
      assertEquals(1, answered.size(), frame.getKey());
      assertEquals("error", answered.get(0).name(), frame.getKey());
      problems.put(frame.getKey(), answered.get(0).data());
    }

    assertProblem(problems.get("malformed"), 400, "bad-request", null);
    assertProblem(problems.get("unknownAction"), 400, "validation", "/action");
    assertProblem(problems.get("unknownField"), 400, "validation", "/admin");
    assertProblem(problems.get("wrongType"), 400, "validation", "/content");
    assertProblem(problems.get("emptyContent"), 400, "validation", "/content");
    assertProblem(problems.get("tooLong"), 413, "payload-too-large", "/content");
    assertProblem(problems.get("oneMegabyte"), 413, "payload-too-large", "/content");
    assertProblem(problems.get("emptyFrame"), 400, "bad-request", null);
    assertEquals(0, storedConversation(workspace, conversation).get("messages").size());
  }

  @Test
  void afterDisconnect_theConnectionSendsNothing() throws Exception {
    String workspace = stack.demoWorkspaceId();
    String conversation = startConversation(workspace);
    String connection = connected(workspace, conversation);

    APIGatewayV2WebSocketResponse closed = handler.handleRequest(disconnect(connection), null);
    handler.handleRequest(message(connection, frame("sendMessage", FIRST)), null);

    assertEquals(200, closed.getStatusCode());
    List<Event> answered = events(receiver.delivered(connection));
    assertEquals(List.of("error"), answered.stream().map(Event::name).toList());
    assertProblem(answered.get(0).data(), 401, "unauthorized", null);
    assertEquals(0, storedConversation(workspace, conversation).get("messages").size());
  }

  /** One event as the client sees it, its parts joined. */
  record Event(String name, JsonNode data) {}

  /** Joins numbered parts in order, as the web app does, and parses every event's data. */
  static List<Event> events(List<String> messages) throws IOException {
    List<Event> events = new ArrayList<>();
    StringBuilder parts = new StringBuilder();
    for (String message : messages) {
      JsonNode frame = Json.mapper().readTree(message);
      String name = frame.get("event").asText();
      if (frame.has("data")) {
        events.add(new Event(name, frame.get("data")));
        continue;
      }
      parts.append(frame.get("chunk").asText());
      if (frame.get("part").asInt() == frame.get("parts").asInt()) {
        events.add(new Event(name, Json.mapper().readTree(parts.toString())));
        parts.setLength(0);
      }
    }
    return events;
  }

  private static void assertProblem(JsonNode problem, int status, String slug, String pointer) {
    assertEquals(status, problem.get("status").asInt(), problem.toString());
    assertTrue(problem.get("type").asText().endsWith("/" + slug), problem.toString());
    assertFalse(problem.get("detail").asText().isBlank(), problem.toString());
    if (pointer != null) {
      assertEquals(pointer, problem.path("pointer").asText(null), problem.toString());
    }
  }

  private static void assertProblem(HttpResponse<String> answer, int status, String slug)
      throws IOException {
    assertEquals(status, answer.statusCode(), answer.body());
    assertTrue(answer.headers().firstValue("content-type").orElse("").contains("problem+json"));
    assertProblem(Json.mapper().readTree(answer.body()), status, slug, null);
  }

  private static String connected(String workspace, String conversation) throws Exception {
    String connection = newId();
    APIGatewayV2WebSocketResponse answer =
        handler.handleRequest(connect(connection, ticketFor(workspace, conversation)), null);
    assertEquals(200, answer.getStatusCode(), answer.getBody());
    return connection;
  }

  private static String ticketFor(String workspace, String conversation) throws Exception {
    HttpResponse<String> issued = post(ticketPath(workspace, conversation), TOKEN);
    assertEquals(201, issued.statusCode(), issued.body());
    return Json.mapper().readTree(issued.body()).get("ticket").asText();
  }

  private static String startConversation(String workspace) throws Exception {
    HttpResponse<String> started =
        post("/api/workspaces/" + workspace + "/conversations", TOKEN, "{}");
    assertEquals(201, started.statusCode(), started.body());
    return Json.mapper().readTree(started.body()).get("id").asText();
  }

  private static JsonNode storedConversation(String workspace, String conversation)
      throws Exception {
    HttpResponse<String> answer =
        HTTP.send(
            HttpRequest.newBuilder(
                    stack.baseUri().resolve(conversationPath(workspace, conversation)))
                .header("authorization", "Bearer " + TOKEN)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode(), answer.body());
    return Json.mapper().readTree(answer.body());
  }

  private static HttpResponse<String> post(String path, String token) throws Exception {
    return post(path, token, null);
  }

  private static HttpResponse<String> post(String path, String token, String json)
      throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(stack.baseUri().resolve(path))
            .timeout(Duration.ofSeconds(30))
            .header("content-type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("authorization", "Bearer " + token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String conversationPath(String workspace, String conversation) {
    return "/api/workspaces/" + workspace + "/conversations/" + conversation;
  }

  private static String ticketPath(String workspace, String conversation) {
    return conversationPath(workspace, conversation) + "/stream-tickets";
  }

  private static String frame(String action, String content) {
    return Json.mapper().createObjectNode().put("action", action).put("content", content).toString();
  }

  /** API Gateway's connection ids look like this: base64, often ending in '='. */
  private static String newId() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 14) + "=";
  }

  private static APIGatewayV2WebSocketEvent connect(String connectionId, String ticket) {
    APIGatewayV2WebSocketEvent event = event(connectionId, ConversationSocketHandler.CONNECT);
    Map<String, String> query = new LinkedHashMap<>();
    if (ticket != null) {
      query.put("ticket", ticket);
    }
    event.setQueryStringParameters(query.isEmpty() ? null : query);
    return event;
  }

  private static APIGatewayV2WebSocketEvent disconnect(String connectionId) {
    return event(connectionId, ConversationSocketHandler.DISCONNECT);
  }

  private static APIGatewayV2WebSocketEvent message(String connectionId, String body) {
    APIGatewayV2WebSocketEvent event =
        event(connectionId, ConversationSocketHandler.SEND_MESSAGE);
    event.setBody(body);
    return event;
  }

  private static APIGatewayV2WebSocketEvent event(String connectionId, String routeKey) {
    APIGatewayV2WebSocketEvent.RequestContext context =
        new APIGatewayV2WebSocketEvent.RequestContext();
    context.setConnectionId(connectionId);
    context.setRouteKey(routeKey);
    context.setDomainName(receiver.domainName());
    context.setStage(ConnectionReceiver.STAGE);
    context.setRequestId(UUID.randomUUID().toString());
    context.setEventType(
        switch (routeKey) {
          case ConversationSocketHandler.CONNECT -> "CONNECT";
          case ConversationSocketHandler.DISCONNECT -> "DISCONNECT";
          default -> "MESSAGE";
        });
    APIGatewayV2WebSocketEvent event = new APIGatewayV2WebSocketEvent();
    event.setRequestContext(context);
    return event;
  }
}
