package io.flowforge.anomaly;

import java.time.Instant;
import java.util.List;

/**
 * What else was happening around an anomaly, gathered by the caller from run reports and quality results:
 * the workspace's country (for its holiday calendar, or null for none), upstream job runs, schema changes
 * and quality-rule results.
 */
public record CauseContext(
    String country, List<UpstreamRun> upstreamRuns, List<SchemaChange> schemaChanges, List<QualityResult> qualityResults) {
  public CauseContext {
    upstreamRuns = upstreamRuns == null ? List.of() : List.copyOf(upstreamRuns);
    schemaChanges = schemaChanges == null ? List.of() : List.copyOf(schemaChanges);
    qualityResults = qualityResults == null ? List.of() : List.copyOf(qualityResults);
  }

  public static CauseContext none() {
    return new CauseContext(null, List.of(), List.of(), List.of());
  }

  /** A run of a job the monitored one depends on; {@code expectedEnd} is when it usually finishes. */
  public record UpstreamRun(String job, boolean succeeded, Instant endedAt, Instant expectedEnd) {}

  /** A change to a table's columns seen at a time. */
  public record SchemaChange(String table, String description, Instant at) {}

  /** One evaluation of a quality rule, with the pass rate of its previous evaluation for comparison. */
  public record QualityResult(String rule, double passRate, double previousPassRate, Instant at) {}
}
