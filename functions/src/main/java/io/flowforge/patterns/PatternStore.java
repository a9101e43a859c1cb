package io.flowforge.patterns;

import java.util.List;
import java.util.Optional;

/** Port: a workspace's team patterns. Uploading a pattern with an existing id replaces it. */
public interface PatternStore {
  void save(TeamPattern pattern);

  Optional<TeamPattern> find(String workspaceId, String id);

  /** The workspace's team patterns, by id. */
  List<TeamPattern> list(String workspaceId);
}
