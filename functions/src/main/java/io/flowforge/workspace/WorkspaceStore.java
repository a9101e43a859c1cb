package io.flowforge.workspace;

import java.util.List;
import java.util.Optional;

/** Port: where workspaces and their memberships are kept. */
public interface WorkspaceStore {
  /** Stores a new workspace with {@code ownerSubject} as its first member, atomically. */
  Workspace create(Workspace workspace, String ownerSubject);

  /** The workspace, if it exists. Callers check membership first. */
  Optional<Workspace> find(String workspaceId);

  /** Whether {@code subject} is a member of the workspace; false for workspaces that do not exist. */
  boolean isMember(String workspaceId, String subject);

  /** Workspaces {@code subject} is a member of, oldest first. */
  List<Workspace> listFor(String subject);
}
