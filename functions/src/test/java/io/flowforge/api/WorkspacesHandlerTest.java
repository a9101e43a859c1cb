package io.flowforge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import io.flowforge.workspace.InMemoryWorkspaceStore;
import io.flowforge.workspace.WorkspaceService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkspacesHandlerTest {
  private final WorkspacesHandler handler =
      new WorkspacesHandler(
          new WorkspaceService(
              new InMemoryWorkspaceStore(), Clock.fixed(Instant.parse("2024-06-01T12:00:00Z"), ZoneOffset.UTC)));

  @Test
  void createsAWorkspace_with201AndItsJson() throws Exception {
    APIGatewayV2HTTPResponse created = handler.handleRequest(event("POST /api/workspaces", "alice", "{\"name\":\" Sales \"}", Map.of()), null);

    JsonNode body = Json.mapper().readTree(created.getBody());
    assertEquals(201, created.getStatusCode());
    assertEquals("Sales", body.get("name").asText());
    assertEquals("2024-06-01T12:00:00Z", body.get("createdAt").asText());
    assertTrue(body.get("id").asText().startsWith("ws_"));
  }

  @Test
  void hidesAnotherCallersWorkspace_behindA404() throws Exception {
    APIGatewayV2HTTPResponse created = handler.handleRequest(event("POST /api/workspaces", "alice", "{\"name\":\"A\"}", Map.of()), null);
    String id = Json.mapper().readTree(created.getBody()).get("id").asText();

    APIGatewayV2HTTPResponse byOwner =
        handler.handleRequest(event("GET /api/workspaces/{workspaceId}", "alice", null, Map.of("workspaceId", id)), null);
    APIGatewayV2HTTPResponse byStranger =
        handler.handleRequest(event("GET /api/workspaces/{workspaceId}", "mallory", null, Map.of("workspaceId", id)), null);
    APIGatewayV2HTTPResponse listed = handler.handleRequest(event("GET /api/workspaces", "mallory", null, Map.of()), null);

    assertEquals(200, byOwner.getStatusCode());
    assertEquals(404, byStranger.getStatusCode());
    assertEquals("{\"items\":[]}", listed.getBody());
  }

  @Test
  void refusesAControlCharacterName_pointingAtIt() throws Exception {
    APIGatewayV2HTTPResponse refused =
        handler.handleRequest(event("POST /api/workspaces", "alice", "{\"name\":\"a\\u0007b\"}", Map.of()), null);

    assertEquals(400, refused.getStatusCode());
    assertEquals("/name", Json.mapper().readTree(refused.getBody()).get("pointer").asText());
  }

  @Test
  void answers401_whenTheAuthorizerPassedNoSubject() {
    APIGatewayV2HTTPResponse refused = handler.handleRequest(event("GET /api/workspaces", null, null, Map.of()), null);

    assertEquals(401, refused.getStatusCode());
  }

  static APIGatewayV2HTTPEvent event(String routeKey, String subject, String body, Map<String, String> pathParameters) {
    APIGatewayV2HTTPEvent.RequestContext.RequestContextBuilder context =
        APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-test").withRouteKey(routeKey);
    if (subject != null) {
      context.withAuthorizer(
          APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
              .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder().withClaims(Map.of("sub", subject)).build())
              .build());
    }
    return APIGatewayV2HTTPEvent.builder()
        .withVersion("2.0")
        .withRouteKey(routeKey)
        .withRawPath(routeKey.substring(routeKey.indexOf(' ') + 1))
        .withPathParameters(pathParameters)
        .withBody(body)
        .withRequestContext(context.build())
        .build();
  }
}
