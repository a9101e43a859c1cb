package io.flowforge.workspace;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link WorkspaceStore} in memory, for tests of services and handlers that do no I/O. */
public final class InMemoryWorkspaceStore implements WorkspaceStore {
  private final Map<String, Workspace> workspaces = new ConcurrentHashMap<>();
  private final Map<String, Set<String>> members = new ConcurrentHashMap<>();

  @Override
  public Workspace create(Workspace workspace, String ownerSubject) {
    Workspace stored = new Workspace(workspace.id(), workspace.name(), workspace.createdAt(), 1);
    if (workspaces.putIfAbsent(workspace.id(), stored) != null) {
      throw new IllegalStateException("workspace exists: " + workspace.id());
    }
    members.put(workspace.id(), ConcurrentHashMap.newKeySet());
    members.get(workspace.id()).add(ownerSubject);
    return stored;
  }

  @Override
  public Optional<Workspace> find(String workspaceId) {
    return Optional.ofNullable(workspaces.get(workspaceId));
  }

  @Override
  public boolean isMember(String workspaceId, String subject) {
    return members.getOrDefault(workspaceId, Set.of()).contains(subject);
  }

  @Override
  public List<Workspace> listFor(String subject) {
    List<Workspace> found = new ArrayList<>();
    members.forEach((id, subjects) -> {
      if (subjects.contains(subject)) {
        found.add(workspaces.get(id));
      }
    });
    found.sort(Comparator.comparing(Workspace::createdAt).thenComparing(Workspace::id));
    return found;
  }
}
