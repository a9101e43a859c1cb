package io.flowforge.api;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import io.flowforge.core.Items;
import io.flowforge.wiring.Wiring;
import io.flowforge.workspace.CreateWorkspaceRequest;
import io.flowforge.workspace.WorkspaceService;

/** Routes under {@code /api/workspaces}: create, list and get workspaces. */
public final class WorkspacesHandler
    implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
  private final WorkspaceService service;

  public WorkspacesHandler() {
    this(Wiring.fromEnvironment());
  }

  public WorkspacesHandler(Wiring wiring) {
    this(wiring.workspaces());
  }

  WorkspacesHandler(WorkspaceService service) {
    this.service = service;
  }

  @Override
  public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
    return switch (event.getRouteKey()) {
      case "GET /api/workspaces" -> Http.respond(event, () -> new Items<>(service.list(Http.caller(event))));
      case "POST /api/workspaces" ->
          Http.respond(
              event, 201, () -> service.create(Http.caller(event), Http.body(event, CreateWorkspaceRequest.class)));
      case "GET /api/workspaces/{workspaceId}" ->
          Http.respond(event, () -> service.get(Http.caller(event), Http.pathParameter(event, "workspaceId")));
      default -> Http.unknownRoute(event);
    };
  }
}
