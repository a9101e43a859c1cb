package io.flowforge.api;

import java.util.List;

/**
 * Every route of the HTTP API. The CDK stack creates exactly these routes, the local stack dispatches
 * exactly these, and a test checks them against {@code openapi.json} in both directions.
 */
public final class RouteCatalog {
  private static final List<Route> ROUTES =
      List.of(
          new Route("GET", "/api/health", Feature.HEALTH, false),
          new Route("GET", "/api/openapi.json", Feature.HEALTH, false),
          new Route("GET", "/api/workspaces", Feature.WORKSPACES, true),
          new Route("POST", "/api/workspaces", Feature.WORKSPACES, true),
          new Route("GET", "/api/workspaces/{workspaceId}", Feature.WORKSPACES, true),
          new Route("GET", "/api/workspaces/{workspaceId}/datasets", Feature.DATASETS, true),
          new Route("POST", "/api/workspaces/{workspaceId}/datasets", Feature.DATASETS, true),
          new Route("GET", "/api/workspaces/{workspaceId}/datasets/{datasetId}", Feature.DATASETS, true),
          new Route("DELETE", "/api/workspaces/{workspaceId}/datasets/{datasetId}", Feature.DATASETS, true),
          new Route(
              "POST", "/api/workspaces/{workspaceId}/datasets/{datasetId}/complete", Feature.DATASETS, true));

  private RouteCatalog() {}

  public static List<Route> all() {
    return ROUTES;
  }
}
