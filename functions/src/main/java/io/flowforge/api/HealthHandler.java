package io.flowforge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.flowforge.wiring.Wiring;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** {@code GET /api/health} (liveness, version, mode) and {@code GET /api/openapi.json} (the contract). */
public final class HealthHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  static final String OPENAPI_RESOURCE = "/openapi.json";
  private static final String OPENAPI = readOpenApi();

  private final Health health;

  /** The status document {@code GET /api/health} answers. */
  public record Health(String status, String version, String mode) {}

  public HealthHandler() {
    this(Wiring.fromEnvironment());
  }

  public HealthHandler(Wiring wiring) {
    this(wiring.settings().mode());
  }

  HealthHandler(String mode) {
    String version = HealthHandler.class.getPackage().getImplementationVersion();
    this.health = new Health("ok", version == null ? "dev" : version, mode);
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return switch (event.getRouteKey()) {
      case "GET /api/health" -> Http.json(200, health);
      case "GET /api/openapi.json" ->
          APIGatewayV2HTTPResponse.builder()
              .withStatusCode(200)
              .withHeaders(Map.of("content-type", Http.JSON))
              .withBody(OPENAPI)
              .build();
      default -> Http.unknownRoute(event);
    };
  }

  private static String readOpenApi() {
    try (InputStream in = HealthHandler.class.getResourceAsStream(OPENAPI_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("openapi.json is missing from the classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
