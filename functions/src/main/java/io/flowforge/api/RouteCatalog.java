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

  /** Monitoring: signed inbound webhooks (no token) and the workspace's monitoring routes. */
  private static final List<Route> MONITORING_ROUTES =
      List.of(
          new Route("POST", "/api/hooks/runs", Feature.HOOKS, false),
          new Route("POST", "/api/hooks/quality", Feature.HOOKS, false),
          new Route("GET", "/api/workspaces/{workspaceId}/monitoring/monitors", Feature.MONITORING, true),
          new Route("PATCH", "/api/workspaces/{workspaceId}/monitoring/monitors/{monitorId}", Feature.MONITORING, true),
          new Route(
              "GET", "/api/workspaces/{workspaceId}/monitoring/monitors/{monitorId}/series", Feature.MONITORING, true),
          new Route("GET", "/api/workspaces/{workspaceId}/monitoring/anomalies", Feature.MONITORING, true),
          new Route(
              "POST", "/api/workspaces/{workspaceId}/monitoring/anomalies/{anomalyId}/expected", Feature.MONITORING,
              true),
          new Route("POST", "/api/workspaces/{workspaceId}/monitoring/rules", Feature.MONITORING, true),
          new Route("GET", "/api/workspaces/{workspaceId}/monitoring/secret", Feature.MONITORING, true),
          new Route("POST", "/api/workspaces/{workspaceId}/monitoring/secret", Feature.MONITORING, true),
          new Route("POST", "/api/workspaces/{workspaceId}/monitoring/secret/rotate", Feature.MONITORING, true),
          new Route("GET", "/api/workspaces/{workspaceId}/monitoring/destinations", Feature.MONITORING, true),
          new Route("POST", "/api/workspaces/{workspaceId}/monitoring/destinations", Feature.MONITORING, true),
          new Route(
              "POST", "/api/workspaces/{workspaceId}/monitoring/destinations/{destinationId}/test",
              Feature.MONITORING, true),
          new Route("GET", "/api/workspaces/{workspaceId}/monitoring/dead-letters", Feature.MONITORING, true));

  private static final List<Route> ALL =
      java.util.stream.Stream.of(ROUTES, MONITORING_ROUTES).flatMap(List::stream).toList();

  private RouteCatalog() {}

  public static List<Route> all() {
    return ALL;
  }
}
