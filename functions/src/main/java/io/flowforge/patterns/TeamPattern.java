package io.flowforge.patterns;

import java.time.Instant;
import java.util.Map;

/**
 * A team's own pattern uploaded to a workspace: its files by name ({@code pattern.yaml} and the templates),
 * stored only after they passed the same checks as the built-in library.
 */
public record TeamPattern(String workspaceId, String id, int version, String name, Map<String, String> files, Instant createdAt) {
  public TeamPattern {
    files = Map.copyOf(files);
  }
}
