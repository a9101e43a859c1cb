package io.flowforge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.flowforge.core.Items;
import io.flowforge.monitoring.MonitoringRequests;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.wiring.Wiring;

/**
 * Routes under {@code /api/workspaces/{workspaceId}/monitoring}: monitors and their series, anomalies,
 * exception rules, the webhook secret, alert destinations and jobs' upstream dependencies.
 */
public final class MonitoringHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final String BASE = "/api/workspaces/{workspaceId}/monitoring";

  private final MonitoringService service;

  public MonitoringHandler() {
    this(Wiring.fromEnvironment());
  }

  public MonitoringHandler(Wiring wiring) {
    this(wiring.monitoring());
  }

  MonitoringHandler(MonitoringService service) {
    this.service = service;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    String route = event.getRouteKey();
    if (route == null || !route.contains(BASE)) {
      return Http.unknownRoute(event);
    }
    return switch (route.replace(BASE, "")) {
      case "GET /monitors" ->
          Http.respond(event, () -> new Items<>(service.monitors(Http.caller(event), workspace(event))));
      case "PATCH /monitors/{monitorId}" ->
          Http.respond(
              event,
              () ->
                  service.configure(
                      Http.caller(event), workspace(event), Http.pathParameter(event, "monitorId"),
                      Http.body(event, MonitoringRequests.ConfigureMonitor.class)));
      case "GET /monitors/{monitorId}/series" ->
          Http.respond(
              event,
              () -> service.series(Http.caller(event), workspace(event), Http.pathParameter(event, "monitorId")));
      case "GET /anomalies" ->
          Http.respond(event, () -> new Items<>(service.anomalies(Http.caller(event), workspace(event))));
      case "POST /anomalies/{anomalyId}/expected" ->
          Http.respond(
              event,
              () -> service.markExpected(Http.caller(event), workspace(event), Http.pathParameter(event, "anomalyId")));
      case "POST /rules" ->
          Http.respond(
              event,
              201,
              () ->
                  service.createRule(
                      Http.caller(event), workspace(event), Http.body(event, MonitoringRequests.CreateRule.class)));
      case "GET /secret" -> Http.respond(event, () -> service.secretStatus(Http.caller(event), workspace(event)));
      case "POST /secret" ->
          Http.respond(event, 201, () -> service.createSecret(Http.caller(event), workspace(event)));
      case "POST /secret/rotate" ->
          Http.respond(event, () -> service.rotateSecret(Http.caller(event), workspace(event)));
      case "GET /destinations" ->
          Http.respond(event, () -> new Items<>(service.destinations(Http.caller(event), workspace(event))));
      case "POST /destinations" ->
          Http.respond(
              event,
              201,
              () ->
                  service.createDestination(
                      Http.caller(event), workspace(event),
                      Http.body(event, MonitoringRequests.CreateDestination.class)));
      case "POST /destinations/{destinationId}/test" ->
          Http.respond(
              event,
              () ->
                  service.testSend(Http.caller(event), workspace(event), Http.pathParameter(event, "destinationId")));
      case "GET /dead-letters" ->
          Http.respond(event, () -> new Items<>(service.deadLetters(Http.caller(event), workspace(event))));
      case "GET /jobs" ->
          Http.respond(event, () -> new Items<>(service.jobs(Http.caller(event), workspace(event))));
      case "PUT /jobs/{job}/upstream" ->
          Http.respond(
              event,
              () ->
                  service.declareUpstream(
                      Http.caller(event), workspace(event), Http.pathParameter(event, "job"),
                      Http.body(event, MonitoringRequests.DeclareUpstream.class)));
      default -> Http.unknownRoute(event);
    };
  }

  private static String workspace(APIGatewayV2HTTPEvent event) {
    return Http.pathParameter(event, "workspaceId");
  }
}
