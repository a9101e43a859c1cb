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

  /** The pattern library, the optimizer and a workspace's models. */
  private static final List<Route> MODELING_ROUTES =
      List.of(
          new Route("GET", "/api/patterns", Feature.MODELING, true),
          new Route("GET", "/api/patterns/{category}/{name}", Feature.MODELING, true),
          new Route("POST", "/api/patterns/{category}/{name}/render", Feature.MODELING, true),
          new Route("POST", "/api/patterns/recommend", Feature.MODELING, true),
          new Route("POST", "/api/workspaces/{workspaceId}/patterns/check", Feature.MODELING, true),
          new Route("POST", "/api/workspaces/{workspaceId}/patterns", Feature.MODELING, true),
          new Route("GET", "/api/workspaces/{workspaceId}/patterns", Feature.MODELING, true),
          new Route(
              "POST", "/api/workspaces/{workspaceId}/patterns/{category}/{name}/render", Feature.MODELING, true),
          new Route("POST", "/api/optimizer/recommend", Feature.MODELING, true),
          new Route("POST", "/api/workspaces/{workspaceId}/models/generate", Feature.MODELING, true),
          new Route("POST", "/api/workspaces/{workspaceId}/models", Feature.MODELING, true),
          new Route("GET", "/api/workspaces/{workspaceId}/models", Feature.MODELING, true),
          new Route("GET", "/api/workspaces/{workspaceId}/models/{modelId}", Feature.MODELING, true),
          new Route("GET", "/api/workspaces/{workspaceId}/models/{modelId}/versions", Feature.MODELING, true),
          new Route(
              "GET", "/api/workspaces/{workspaceId}/models/{modelId}/versions/{version}", Feature.MODELING, true),
          new Route(
              "GET",
              "/api/workspaces/{workspaceId}/models/{modelId}/versions/{version}/zip",
              Feature.MODELING,
              true));

  private static final List<Route> ALL =
      java.util.stream.Stream.of(ROUTES, MODELING_ROUTES).flatMap(List::stream).toList();

  private RouteCatalog() {}

  public static List<Route> all() {
    return ALL;
  }
}
