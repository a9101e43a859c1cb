package io.flowforge.bench;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.flowforge.api.HealthHandler;

/**
 * One Lambda-style cold start: construct the handler the way the Lambda runtime does (no-argument
 * constructor) and answer one request, then print the status. The benchmark times this process from spawn
 * to that line.
 */
public final class ColdStartProbe {
  private ColdStartProbe() {}

  public static void main(String[] args) {
    APIGatewayV2HTTPEvent event =
        APIGatewayV2HTTPEvent.builder()
            .withRouteKey("GET /api/health")
            .withRawPath("/api/health")
            .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder().withRequestId("cold-1").build())
            .build();
    APIGatewayV2HTTPResponse response = new HealthHandler().handleRequest(event, null);
    System.out.println("status " + response.getStatusCode());
    System.out.flush();
    System.exit(0);
  }
}
