package io.flowforge.api;

/**
 * One HTTP API route, written as API Gateway writes a route key: {@code GET /api/workspaces/{workspaceId}}.
 *
 * @param authenticated false only for routes that must answer without a token (health) or that verify
 *     their own signature (inbound webhooks)
 */
public record Route(String method, String path, Feature feature, boolean authenticated) {
  public String routeKey() {
    return method + " " + path;
  }

  public boolean isRead() {
    return method.equals("GET");
  }
}
