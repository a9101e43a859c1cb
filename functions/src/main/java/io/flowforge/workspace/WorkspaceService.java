package io.flowforge.workspace;

import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Ids;
import io.flowforge.core.Names;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Creates and reads workspaces, and is the one place that decides whether a caller may act inside a
 * workspace. A workspace the caller is not a member of is reported exactly like one that does not exist.
 */
public final class WorkspaceService {
  private final WorkspaceStore store;
  private final Clock clock;

  public WorkspaceService(WorkspaceStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public Workspace create(Caller caller, CreateWorkspaceRequest request) {
    String name = Names.require("/name", "Workspace name", request.name());
    Workspace workspace =
        new Workspace(Ids.newId("ws"), name, clock.instant().truncatedTo(ChronoUnit.MILLIS), 0);
    return store.create(workspace, caller.subject());
  }

  public Workspace get(Caller caller, String workspaceId) {
    requireMember(caller, workspaceId);
    return store.find(workspaceId).orElseThrow(() -> notFound(workspaceId));
  }

  public List<Workspace> list(Caller caller) {
    return store.listFor(caller.subject());
  }

  /** Refuses with 404 unless the caller is a member, without revealing whether the workspace exists. */
  public void requireMember(Caller caller, String workspaceId) {
    if (!Ids.isWellFormed(workspaceId) || !store.isMember(workspaceId, caller.subject())) {
      throw notFound(workspaceId);
    }
  }

  private static FlowForgeException notFound(String workspaceId) {
    return FlowForgeException.notFound("Workspace " + Ids.printable(workspaceId));
  }
}
