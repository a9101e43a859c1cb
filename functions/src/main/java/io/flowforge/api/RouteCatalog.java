package io.flowforge.api;

import java.util.List;
import java.util.stream.Stream;

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

  private static final String CONVERSATIONS = "/api/workspaces/{workspaceId}/conversations";
  private static final List<Route> CONVERSATION_ROUTES =
      List.of(
          new Route("POST", CONVERSATIONS, Feature.CONVERSATIONS, true),
          new Route("GET", CONVERSATIONS, Feature.CONVERSATIONS, true),
          new Route("GET", CONVERSATIONS + "/{conversationId}", Feature.CONVERSATIONS, true),
          new Route("POST", CONVERSATIONS + "/{conversationId}/messages", Feature.CONVERSATIONS, true),
          new Route("POST", CONVERSATIONS + "/{conversationId}/messages/stream", Feature.CONVERSATIONS, true),
          new Route("GET", "/api/workspaces/{workspaceId}/ai-settings", Feature.CONVERSATIONS, true),
          new Route("PUT", "/api/workspaces/{workspaceId}/ai-settings", Feature.CONVERSATIONS, true),
          new Route("GET", "/api/workspaces/{workspaceId}/ai-audit", Feature.CONVERSATIONS, true),
          new Route(
              "POST",
              CONVERSATIONS + "/{conversationId}/suggestions/{suggestionId}/apply",
              Feature.CONVERSATIONS,
              true));

  /** Profiles, suggestions and their decisions, quality rules and reconciliation. */
  private static final List<Route> PROFILING_ROUTES =
      List.of(
          datasetRoute("POST", "/profile"),
          datasetRoute("GET", "/profile"),
          datasetRoute("GET", "/profile/versions"),
          new Route("GET", "/api/workspaces/{workspaceId}/relationships", Feature.PROFILING, true),
          datasetRoute("GET", "/suggestions/{layer}"),
          datasetRoute("POST", "/suggestions/{layer}/{kind}/decision"),
          datasetRoute("POST", "/quality/rules"),
          datasetRoute("POST", "/quality/run"),
          datasetRoute("GET", "/quality/export/{format}"),
          datasetRoute("POST", "/reconcile"));

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

  /** Monitoring's jobs: the jobs each depends on, used to name upstream causes of anomalies. */
  private static final List<Route> MONITORING_JOB_ROUTES =
      List.of(
          new Route("GET", "/api/workspaces/{workspaceId}/monitoring/jobs", Feature.MONITORING, true),
          new Route(
              "PUT", "/api/workspaces/{workspaceId}/monitoring/jobs/{job}/upstream", Feature.MONITORING,
              true));

  /** A single-use ticket that opens the assistant's WebSocket (streaming in AWS). */
  private static final List<Route> STREAM_TICKET_ROUTES =
      List.of(new Route("POST", CONVERSATIONS + "/{conversationId}/stream-tickets", Feature.CONVERSATIONS, true));

  private static final List<Route> ALL =
      Stream.of(
              ROUTES, CONVERSATION_ROUTES, PROFILING_ROUTES, MONITORING_ROUTES, MODELING_ROUTES,
              MONITORING_JOB_ROUTES, STREAM_TICKET_ROUTES)
          .flatMap(List::stream)
          .toList();

  private RouteCatalog() {}

  /** A profiling route under one dataset. */
  private static Route datasetRoute(String method, String suffix) {
    return new Route(method, "/api/workspaces/{workspaceId}/datasets/{datasetId}" + suffix, Feature.PROFILING, true);
  }

  public static List<Route> all() {
    return ALL;
  }
}
