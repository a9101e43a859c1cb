package io.flowforge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.wiring.Wiring;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/**
 * Inbound webhooks under {@code /api/hooks}: pipeline run reports and quality results. No token: the
 * workspace comes from {@code X-FlowForge-Workspace} and the Standard Webhooks signature over the exact
 * body bytes authenticates the delivery.
 */
public final class HooksHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  /** The header naming the workspace a delivery is for. */
  public static final String WORKSPACE_HEADER = "x-flowforge-workspace";

  private final MonitoringService service;

  public HooksHandler() {
    this(Wiring.fromEnvironment());
  }

  public HooksHandler(Wiring wiring) {
    this(wiring.monitoring());
  }

  HooksHandler(MonitoringService service) {
    this.service = service;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
    String workspaceId = headers.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase(WORKSPACE_HEADER))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse("");
    return switch (event.getRouteKey()) {
      case "POST /api/hooks/runs" ->
          Http.respond(event, () -> service.ingestRun(workspaceId, headers, rawBody(event)));
      case "POST /api/hooks/quality" ->
          Http.respond(event, () -> service.ingestQuality(workspaceId, headers, rawBody(event)));
      default -> Http.unknownRoute(event);
    };
  }

  /** The body exactly as sent: the signature covers these bytes. */
  private static byte[] rawBody(APIGatewayV2HTTPEvent event) {
    String body = event.getBody();
    if (body == null) {
      return new byte[0];
    }
    return event.getIsBase64Encoded() ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
  }
}
