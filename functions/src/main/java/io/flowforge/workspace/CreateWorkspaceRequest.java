package io.flowforge.workspace;

/** Body of {@code POST /api/workspaces}. */
public record CreateWorkspaceRequest(String name) {}
