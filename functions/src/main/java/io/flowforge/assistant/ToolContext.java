package io.flowforge.assistant;

import java.util.Objects;

/**
 * Who a tool runs for. The workspace comes from the authenticated caller, never from the tool input, so a
 * model cannot ask a tool to read another workspace.
 *
 * @param workspaceId the caller's workspace
 * @param catalog that workspace's tables as the assistant sees them
 * @param confirmed true only when the user pressed Apply for this call
 */
public record ToolContext(String workspaceId, WorkspaceCatalog catalog, boolean confirmed) {
  public ToolContext {
    Objects.requireNonNull(workspaceId, "workspaceId");
    Objects.requireNonNull(catalog, "catalog");
  }

  public static ToolContext of(WorkspaceCatalog catalog) {
    return new ToolContext(catalog.workspaceId(), catalog, false);
  }

  public ToolContext withConfirmation() {
    return new ToolContext(workspaceId, catalog, true);
  }
}
