package io.flowforge.monitoring;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.monitoring.MonitoringViews.JobView;
import io.flowforge.monitoring.MonitoringViews.RunSummary;
import io.flowforge.webhooks.RunReport;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * What monitoring knows about jobs beyond their metric series — the jobs each depends on and the
 * schemas of the tables it writes — kept from run reports and the upstream route, so the scheduled
 * check can name an upstream job or a schema change as an anomaly's likely cause.
 */
final class JobFacts {
  /** Jobs listed per request; each costs one run-log read for its last run. */
  static final int JOB_LIST_LIMIT = 200;

  static final String FROM_REPORT = "report";
  static final String FROM_API = "api";
  private static final Logger LOG = Logger.getLogger(JobFacts.class.getName());

  private final MonitoringStore store;
  private final Clock clock;

  JobFacts(MonitoringStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Refuses, before anything is stored, a report whose upstream list would close a cycle. A report
   * that repeats the stored declaration (the usual case) costs one read.
   */
  void admit(String workspaceId, RunReport report) {
    if (report.upstream().isEmpty()) {
      return;
    }
    Optional<JobDefinition> current = store.job(workspaceId, report.job());
    if (current.map(JobDefinition::upstream).filter(report.upstream()::equals).isEmpty()) {
      requireAcyclic(workspaceId, report.job(), report.upstream());
    }
  }

  /**
   * Keeps what a stored report says about its job: its upstream list, when it carries one (a report
   * without one leaves the declaration alone), and the schemas of the tables it wrote, recording a
   * change event when a table's columns differ from the previous report's.
   */
  void record(String workspaceId, RunReport report) {
    Instant at = report.endedAt() != null ? report.endedAt() : report.startedAt();
    if (!report.upstream().isEmpty()) {
      Optional<JobDefinition> current = store.job(workspaceId, report.job());
      if (current.map(JobDefinition::upstream).filter(report.upstream()::equals).isEmpty()) {
        try {
          store.putJob(
              workspaceId, declaration(report.job(), current, report.upstream(), FROM_REPORT));
        } catch (FlowForgeException e) {
          // A concurrent declaration won; the run is stored and the latest declaration stands.
          LOG.info(
              "Upstream of job in workspace "
                  + workspaceId
                  + " changed concurrently; kept the other write");
        }
      }
    }
    report
        .schemas()
        .forEach((table, columns) -> recordSchema(workspaceId, report, table, columns, at));
  }

  private void recordSchema(
      String workspaceId, RunReport report, String table, Map<String, String> columns, Instant at) {
    Optional<StoredSchema> previous = store.schema(workspaceId, report.job(), table);
    // An older run reported late says nothing about the current schema.
    if (previous.isPresent() && at.isBefore(previous.get().at())) {
      return;
    }
    Optional<SchemaChangeEvent> change =
        previous.flatMap(
            stored ->
                SchemaChangeEvent.between(
                    report.job(), table, report.runId(), at, stored.columns(), columns));
    if (previous.isPresent() && change.isEmpty()) {
      return;
    }
    StoredSchema latest =
        new StoredSchema(
            report.job(),
            table,
            columns,
            report.runId(),
            at,
            previous.map(StoredSchema::version).orElse(null));
    if (store.putSchema(workspaceId, latest)) {
      change.ifPresent(event -> store.addSchemaChange(workspaceId, event));
    }
  }

  /**
   * {@code PUT …/jobs/{job}/upstream}: replaces the job's upstream list after the same checks as a
   * report.
   */
  JobView declare(String workspaceId, String job, MonitoringRequests.DeclareUpstream request) {
    if (job.length() > RunReport.MAX_NAME_LENGTH) {
      throw FlowForgeException.invalid(
          "/job",
          "Job names are 1 to "
              + RunReport.MAX_NAME_LENGTH
              + " characters; got "
              + job.length()
              + ".");
    }
    if (request == null || request.upstream() == null) {
      throw FlowForgeException.invalid(
          "/upstream",
          "upstream is required: an array of the job names this job depends on ([] clears it).");
    }
    List<String> upstream = RunReport.upstreamOf(job, request.upstream());
    requireAcyclic(workspaceId, job, upstream);
    Optional<JobDefinition> current = store.job(workspaceId, job);
    JobDefinition stored = store.putJob(workspaceId, declaration(job, current, upstream, FROM_API));
    return view(workspaceId, job, Optional.of(stored));
  }

  /**
   * The workspace's jobs (those with monitors or a declaration), by name, at most {@link
   * #JOB_LIST_LIMIT}.
   */
  List<JobView> list(String workspaceId) {
    Map<String, JobDefinition> declared =
        store.jobs(workspaceId).stream().collect(Collectors.toMap(JobDefinition::job, job -> job));
    TreeSet<String> names = new TreeSet<>(declared.keySet());
    store.monitors(workspaceId).forEach(monitor -> names.add(monitor.job()));
    return names.stream()
        .limit(JOB_LIST_LIMIT)
        .map(name -> view(workspaceId, name, Optional.ofNullable(declared.get(name))))
        .toList();
  }

  private JobView view(String workspaceId, String job, Optional<JobDefinition> definition) {
    RunSummary last =
        store
            .lastRun(workspaceId, job)
            .map(run -> new RunSummary(run.runId(), run.status(), run.startedAt(), run.endedAt()))
            .orElse(null);
    return new JobView(
        job,
        definition.map(JobDefinition::upstream).orElse(List.of()),
        definition.map(JobDefinition::source).orElse(null),
        definition.map(JobDefinition::updatedAt).orElse(null),
        last);
  }

  private JobDefinition declaration(
      String job, Optional<JobDefinition> current, List<String> upstream, String source) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    return current
        .map(existing -> existing.declare(upstream, source, now))
        .orElseGet(() -> new JobDefinition(job, upstream, source, now, null));
  }

  private void requireAcyclic(String workspaceId, String job, List<String> upstream) {
    if (upstream.isEmpty()) {
      return;
    }
    Map<String, List<String>> declared =
        store.jobs(workspaceId).stream()
            .collect(Collectors.toMap(JobDefinition::job, JobDefinition::upstream));
    JobGraph.cycle(declared, job, upstream)
        .ifPresent(
            cycle -> {
              throw new FlowForgeException(
                  ProblemType.UNPROCESSABLE,
                  "These dependencies would form a cycle: "
                      + String.join(" -> ", cycle)
                      + " (each job depends on the next). Remove one of these dependencies.",
                  "/upstream",
                  null);
            });
  }
}
