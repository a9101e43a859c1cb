package io.flowforge.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * What a workspace knows about one job besides its runs: the jobs it depends on, declared by a run
 * report ({@code source = "report"}) or a person ({@code "api"}); the latest declaration wins. Job
 * names are senders' data, never interpreted. {@code version} guards concurrent declarations.
 */
public record JobDefinition(
    String job, List<String> upstream, String source, Instant updatedAt, Long version) {
  public JobDefinition {
    upstream = upstream == null ? List.of() : List.copyOf(upstream);
  }

  public JobDefinition declare(List<String> newUpstream, String newSource, Instant at) {
    return new JobDefinition(job, newUpstream, newSource, at, version);
  }
}
