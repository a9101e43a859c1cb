package io.flowforge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.flowforge.core.Items;
import io.flowforge.dataset.CreateDatasetRequest;
import io.flowforge.dataset.DatasetService;
import io.flowforge.wiring.Wiring;

/** Routes under {@code /api/workspaces/{workspaceId}/datasets}: register, validate, read and delete. */
public final class DatasetsHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private static final String WORKSPACE = "workspaceId";
  private static final String DATASET = "datasetId";

  private final DatasetService service;

  public DatasetsHandler() {
    this(Wiring.fromEnvironment());
  }

  public DatasetsHandler(Wiring wiring) {
    this(wiring.datasets());
  }

  DatasetsHandler(DatasetService service) {
    this.service = service;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return switch (event.getRouteKey()) {
      case "GET /api/workspaces/{workspaceId}/datasets" ->
          Http.respond(event, () -> new Items<>(service.list(Http.caller(event), workspace(event))));
      case "POST /api/workspaces/{workspaceId}/datasets" ->
          Http.respond(
              event,
              201,
              () ->
                  service.create(
                      Http.caller(event), workspace(event), Http.body(event, CreateDatasetRequest.class)));
      case "GET /api/workspaces/{workspaceId}/datasets/{datasetId}" ->
          Http.respond(event, () -> service.get(Http.caller(event), workspace(event), dataset(event)));
      case "POST /api/workspaces/{workspaceId}/datasets/{datasetId}/complete" ->
          Http.respond(event, () -> service.complete(Http.caller(event), workspace(event), dataset(event)));
      case "DELETE /api/workspaces/{workspaceId}/datasets/{datasetId}" ->
          Http.respondNoContent(
              event, () -> service.delete(Http.caller(event), workspace(event), dataset(event)));
      default -> Http.unknownRoute(event);
    };
  }

  private static String workspace(APIGatewayV2HTTPEvent event) {
    return Http.pathParameter(event, WORKSPACE);
  }

  private static String dataset(APIGatewayV2HTTPEvent event) {
    return Http.pathParameter(event, DATASET);
  }
}
