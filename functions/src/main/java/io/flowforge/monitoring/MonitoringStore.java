package io.flowforge.monitoring;

import io.flowforge.webhooks.DeadLetter;
import io.flowforge.webhooks.ReplayGuard;
import io.flowforge.webhooks.RunIngestion;
import io.flowforge.webhooks.RunReport;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything monitoring keeps per workspace besides the metric points themselves: monitors, recorded
 * anomalies, exception rules, webhook secrets, accepted webhook ids, run logs, alert destinations and dead
 * letters. DynamoDB implements it; every method is scoped to one workspace.
 */
public interface MonitoringStore extends ReplayGuard, RunIngestion.RunLog {
  /** Stores the monitor unless one with its id exists; answers true when it was created. */
  boolean createMonitorIfAbsent(String workspaceId, MonitorDefinition monitor);

  List<MonitorDefinition> monitors(String workspaceId);

  Optional<MonitorDefinition> monitor(String workspaceId, String monitorId);

  /** Writes an edited monitor if nobody changed it since it was read; a CONFLICT failure otherwise. */
  MonitorDefinition updateMonitor(String workspaceId, MonitorDefinition monitor);

  /** Stores the anomaly unless its id (monitor and check window) is already recorded; true when stored. */
  boolean recordAnomaly(String workspaceId, RecordedAnomaly anomaly);

  /** The workspace's anomalies, newest first, at most {@code limit}. */
  List<RecordedAnomaly> anomalies(String workspaceId, int limit);

  Optional<RecordedAnomaly> anomaly(String workspaceId, String anomalyId);

  /** Writes a changed anomaly if nobody changed it since it was read; a CONFLICT failure otherwise. */
  RecordedAnomaly updateAnomaly(String workspaceId, RecordedAnomaly anomaly);

  /** Marks the metric point of a series at {@code at} as expected, so it no longer trains baselines. */
  void markPointExpected(String workspaceId, String job, String metric, Instant at);

  void addRule(String workspaceId, StoredRule rule);

  List<StoredRule> rules(String workspaceId);

  Optional<SecretRing> secrets(String workspaceId);

  /** Stores the first secret ring of a workspace; a CONFLICT failure when one exists. */
  SecretRing createSecrets(String workspaceId, SecretRing ring);

  /** Replaces the ring read at {@code ring.version()}; a CONFLICT failure when a concurrent rotation won. */
  SecretRing rotateSecrets(String workspaceId, SecretRing ring);

  void addDestination(String workspaceId, Destination destination);

  List<Destination> destinations(String workspaceId);

  Optional<Destination> destination(String workspaceId, String destinationId);

  void addDeadLetter(String workspaceId, DeadLetter letter);

  List<DeadLetter> deadLetters(String workspaceId);

  /** Remembers that the workspace has monitors, so scheduled checks visit it. Idempotent. */
  void registerMonitoredWorkspace(String workspaceId);

  /** Every workspace that has monitors. */
  List<String> monitoredWorkspaces();

  // ---- jobs: dependencies, schemas, last runs

  Optional<JobDefinition> job(String workspaceId, String job);

  /** Every job with a stored declaration, by name. */
  List<JobDefinition> jobs(String workspaceId);

  /**
   * Stores a job's declaration if nobody changed it since it was read ({@code version} null: if none
   * exists); a CONFLICT failure otherwise.
   */
  JobDefinition putJob(String workspaceId, JobDefinition job);

  /** The job's newest run by start time, if any is kept. */
  Optional<RunReport> lastRun(String workspaceId, String job);

  /** The latest schema the job reported for the table. */
  Optional<StoredSchema> schema(String workspaceId, String job, String table);

  /**
   * Stores a table's latest schema if nobody replaced it since it was read ({@code version} null: if none
   * exists); false when a concurrent report's schema won.
   */
  boolean putSchema(String workspaceId, StoredSchema schema);

  void addSchemaChange(String workspaceId, SchemaChangeEvent change);

  /** The job's schema changes seen from {@code from} to {@code to} (both included), oldest first. */
  List<SchemaChangeEvent> schemaChanges(String workspaceId, String job, Instant from, Instant to);
}
