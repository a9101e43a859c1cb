package io.flowforge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthHandlerTest {
  private final HealthHandler handler = new HealthHandler("aws");

  @Test
  void reportsStatusVersionAndMode() throws Exception {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(WorkspacesHandlerTest.event("GET /api/health", null, null, Map.of()), null);

    JsonNode body = Json.mapper().readTree(response.getBody());
    assertEquals(200, response.getStatusCode());
    assertEquals("ok", body.get("status").asText());
    assertEquals("aws", body.get("mode").asText());
  }

  @Test
  void servesTheOpenApiDocument() throws Exception {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(WorkspacesHandlerTest.event("GET /api/openapi.json", null, null, Map.of()), null);

    assertTrue(Json.mapper().readTree(response.getBody()).get("openapi").asText().startsWith("3."));
  }

  @Test
  void answersAProblem_forARouteItDoesNotServe() {
    APIGatewayV2HTTPResponse response =
        handler.handleRequest(WorkspacesHandlerTest.event("GET /api/other", null, null, Map.of()), null);

    assertEquals(404, response.getStatusCode());
    assertEquals(Http.PROBLEM_JSON, response.getHeaders().get("content-type"));
  }
}
