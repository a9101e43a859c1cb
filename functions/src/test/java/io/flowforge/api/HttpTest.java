package io.flowforge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTest {
  record Thing(String name, Long size, List<String> tags) {}

  @Test
  void parsesBody_whenJsonMatchesTheRecord() {
    Thing thing = Http.body(event("{\"name\":\"a\",\"size\":3,\"tags\":[\"x\"]}"), Thing.class);

    assertEquals(new Thing("a", 3L, List.of("x")), thing);
  }

  @Test
  void pointsAtTheUnknownField_whenBodyHasAnExtraField() {
    FlowForgeException e = assertThrows(FlowForgeException.class,
        () -> Http.body(event("{\"name\":\"a\",\"colour\":\"red\"}"), Thing.class));

    assertEquals(ProblemType.VALIDATION, e.type());
    assertEquals("/colour", e.pointer());
    assertTrue(e.getMessage().contains("name, size, tags"), e.getMessage());
  }

  @Test
  void pointsAtTheField_whenANumberIsGivenWhereTextIsExpected() {
    FlowForgeException e =
        assertThrows(FlowForgeException.class, () -> Http.body(event("{\"name\":5}"), Thing.class));

    assertEquals("/name", e.pointer());
    assertTrue(e.getMessage().contains("string"), e.getMessage());
  }

  @Test
  void pointsAtTheField_whenTextIsGivenWhereANumberIsExpected() {
    FlowForgeException e =
        assertThrows(FlowForgeException.class, () -> Http.body(event("{\"size\":\"big\"}"), Thing.class));

    assertEquals("/size", e.pointer());
  }

  @Test
  void pointsIntoArrays_whenAnElementHasTheWrongType() {
    FlowForgeException e =
        assertThrows(FlowForgeException.class, () -> Http.body(event("{\"tags\":[\"a\",{}]}"), Thing.class));

    assertEquals("/tags/1", e.pointer());
  }

  @Test
  void reportsLineAndColumn_whenJsonIsMalformed() {
    FlowForgeException e =
        assertThrows(FlowForgeException.class, () -> Http.body(event("{\"name\": \"a\",,}"), Thing.class));

    assertEquals(ProblemType.BAD_REQUEST, e.type());
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
  }

  @Test
  void refusesEmptyBody() {
    FlowForgeException e = assertThrows(FlowForgeException.class, () -> Http.body(event(""), Thing.class));

    assertEquals(ProblemType.BAD_REQUEST, e.type());
  }

  @Test
  void mapsExpectedFailureToProblemDocument_withRequestIdAndPointer() throws Exception {
    APIGatewayV2HTTPResponse response =
        Http.respond(event("{}"), () -> {
          throw FlowForgeException.invalid("/name", "Name is required.");
        });

    JsonNode problem = Json.mapper().readTree(response.getBody());
    assertEquals(400, response.getStatusCode());
    assertEquals(Http.PROBLEM_JSON, response.getHeaders().get("content-type"));
    assertEquals("https://flowforge.dev/problems/validation", problem.get("type").asText());
    assertEquals("Name is required.", problem.get("detail").asText());
    assertEquals("/api/things", problem.get("instance").asText());
    assertEquals("req-1", problem.get("requestId").asText());
    assertEquals("/name", problem.get("pointer").asText());
    assertEquals(400, problem.get("status").asInt());
  }

  @Test
  void hidesUnexpectedFailures_behindAGeneric500() throws Exception {
    APIGatewayV2HTTPResponse response =
        Http.respond(event("{}"), () -> {
          throw new IllegalStateException("secret table arn:aws:dynamodb:xyz");
        });

    JsonNode problem = Json.mapper().readTree(response.getBody());
    assertEquals(500, response.getStatusCode());
    assertFalse(response.getBody().contains("secret"));
    assertFalse(response.getBody().contains("IllegalStateException"));
    assertTrue(problem.get("detail").asText().contains("req-1"));
  }

  @Test
  void readsCallerFromJwtSubClaim() {
    APIGatewayV2HTTPEvent event = event("");
    event.getRequestContext().setAuthorizer(
        APIGatewayV2HTTPEvent.RequestContext.Authorizer.builder()
            .withJwt(APIGatewayV2HTTPEvent.RequestContext.Authorizer.JWT.builder()
                .withClaims(Map.of("sub", "user-7")).build())
            .build());

    assertEquals("user-7", Http.caller(event).subject());
  }

  @Test
  void refusesWith401_whenNoClaimsArePresent() {
    FlowForgeException e = assertThrows(FlowForgeException.class, () -> Http.caller(event("")));

    assertEquals(ProblemType.UNAUTHORIZED, e.type());
  }

  private static APIGatewayV2HTTPEvent event(String body) {
    return APIGatewayV2HTTPEvent.builder()
        .withRawPath("/api/things")
        .withRouteKey("POST /api/things")
        .withBody(body)
        .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("req-1").build())
        .build();
  }
}
