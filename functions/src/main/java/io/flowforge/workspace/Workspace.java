package io.flowforge.workspace;

import java.time.Instant;

/**
 * A tenant: every dataset, profile and suggestion belongs to exactly one workspace.
 *
 * @param version optimistic-lock version; an update with a stale version is refused
 */
public record Workspace(String id, String name, Instant createdAt, long version) {}
