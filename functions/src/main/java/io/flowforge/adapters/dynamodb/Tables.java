package io.flowforge.adapters.dynamodb;

import java.util.List;
import java.util.Optional;

/**
 * Every table FlowForge stores data in. Each has string keys {@code pk} (workspace id first) and {@code sk}.
 * In AWS the physical name comes from the environment the CDK stack sets ({@code FLOWFORGE_TABLE_<NAME>});
 * locally it is the logical name.
 */
public enum Tables {
  /** Workspaces and their members; {@code byOwner} lists the workspaces of one identity. */
  WORKSPACES(
      new TableDefinition(
          "workspaces",
          "pk",
          "sk",
          Optional.empty(),
          List.of(new TableDefinition.GlobalIndex("byOwner", "owner", "createdAt")))),
  /** Dataset metadata, profiles (versioned) and suggestions per dataset. */
  DATASETS(new TableDefinition("datasets", "pk", "sk", Optional.of("expiresAt"), List.of())),
  /** Pipeline metric points per workspace, job and metric, expiring after the retention period. */
  METRICS(new TableDefinition("metrics", "pk", "sk", Optional.of("expiresAt"), List.of())),
  /** Saved models: a head per model and its immutable versions. */
  MODELS(new TableDefinition("models", "pk", "sk", Optional.empty(), List.of())),
  /** Assistant conversations and messages, AI controls, usage counters and the AI audit log. */
  CONVERSATIONS(new TableDefinition("conversations", "pk", "sk", Optional.of("expiresAt"), List.of())),
  /**
   * Monitors, anomalies, exception rules, webhook secrets, accepted webhook ids, run logs, alert
   * destinations and dead letters; {@code monitoredWorkspaces} lists the workspaces scheduled checks visit.
   */
  MONITORING(
      new TableDefinition(
          "monitoring",
          "pk",
          "sk",
          Optional.of("expiresAt"),
          List.of(new TableDefinition.GlobalIndex("monitoredWorkspaces", "registry", "pk"))));

  private final TableDefinition definition;

  Tables(TableDefinition definition) {
    this.definition = definition;
  }

  public TableDefinition definition() {
    return definition;
  }

  /** The environment variable that carries the physical table name in AWS. */
  public String environmentVariable() {
    return "FLOWFORGE_TABLE_" + name();
  }
}
