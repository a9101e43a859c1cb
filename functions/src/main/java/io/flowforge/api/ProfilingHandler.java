package io.flowforge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.flowforge.core.Items;
import io.flowforge.profiles.DecisionRequest;
import io.flowforge.profiles.ProfilingService;
import io.flowforge.profiles.ReconcileRequest;
import io.flowforge.wiring.Wiring;

/**
 * Routes under {@code /api/workspaces/{workspaceId}/datasets/{datasetId}} for profiles, suggestions and
 * decisions, quality rules and reconciliation, and the workspace's relationships.
 */
public final class ProfilingHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final String DATASET = "/api/workspaces/{workspaceId}/datasets/{datasetId}";

  private final ProfilingService service;

  public ProfilingHandler() {
    this(Wiring.fromEnvironment());
  }

  public ProfilingHandler(Wiring wiring) {
    this.service = wiring.profiling();
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return switch (event.getRouteKey()) {
      case "POST " + DATASET + "/profile" ->
          Http.respond(event, 201, () -> service.profile(Http.caller(event), workspace(event), dataset(event)));
      case "GET " + DATASET + "/profile" ->
          Http.respond(event, () -> service.latestProfile(Http.caller(event), workspace(event), dataset(event)));
      case "GET " + DATASET + "/profile/versions" ->
          Http.respond(
              event, () -> new Items<>(service.versions(Http.caller(event), workspace(event), dataset(event))));
      case "GET /api/workspaces/{workspaceId}/relationships" ->
          Http.respond(event, () -> service.relationships(Http.caller(event), workspace(event)));
      case "GET " + DATASET + "/suggestions/{layer}" ->
          Http.respond(
              event,
              () ->
                  service.suggestions(
                      Http.caller(event), workspace(event), dataset(event), Http.pathParameter(event, "layer")));
      case "POST " + DATASET + "/suggestions/{layer}/{kind}/decision" ->
          Http.respond(
              event,
              () ->
                  service.decide(
                      Http.caller(event),
                      workspace(event),
                      dataset(event),
                      Http.pathParameter(event, "layer"),
                      Http.pathParameter(event, "kind"),
                      Http.body(event, DecisionRequest.class)));
      case "POST " + DATASET + "/quality/rules" ->
          Http.respond(event, () -> service.generateRules(Http.caller(event), workspace(event), dataset(event)));
      case "POST " + DATASET + "/quality/run" ->
          Http.respond(event, () -> service.runRules(Http.caller(event), workspace(event), dataset(event)));
      case "GET " + DATASET + "/quality/export/{format}" ->
          Http.respond(
              event,
              () ->
                  service.export(
                      Http.caller(event), workspace(event), dataset(event), Http.pathParameter(event, "format")));
      case "POST " + DATASET + "/reconcile" ->
          Http.respond(
              event,
              () ->
                  service.reconcile(
                      Http.caller(event), workspace(event), dataset(event), Http.body(event, ReconcileRequest.class)));
      default -> Http.unknownRoute(event);
    };
  }

  private static String workspace(APIGatewayV2HTTPEvent event) {
    return Http.pathParameter(event, "workspaceId");
  }

  private static String dataset(APIGatewayV2HTTPEvent event) {
    return Http.pathParameter(event, "datasetId");
  }
}
