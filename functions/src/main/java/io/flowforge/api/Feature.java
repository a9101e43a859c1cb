package io.flowforge.api;

import io.flowforge.adapters.dynamodb.Tables;
import java.util.Set;

/**
 * A feature area: one Lambda handler class serving a group of routes. The CDK stack deploys each feature
 * as a read function (GET routes, read-only grants) and a write function (other routes), both running the
 * same handler class; the local stack dispatches to the same class.
 */
public enum Feature {
  HEALTH("io.flowforge.api.HealthHandler", Set.of(), Set.of(), false),
  WORKSPACES("io.flowforge.api.WorkspacesHandler", Set.of(Tables.WORKSPACES), Set.of(Tables.WORKSPACES), false),
  DATASETS(
      "io.flowforge.api.DatasetsHandler",
      Set.of(Tables.WORKSPACES, Tables.DATASETS),
      Set.of(Tables.DATASETS),
      true),
  CONVERSATIONS(
      "io.flowforge.api.ConversationsHandler",
      Set.of(Tables.WORKSPACES, Tables.DATASETS, Tables.CONVERSATIONS, Tables.MODELS),
      Set.of(Tables.CONVERSATIONS, Tables.MODELS),
      true),
  PROFILING(
      "io.flowforge.api.ProfilingHandler",
      Set.of(Tables.WORKSPACES, Tables.DATASETS),
      Set.of(Tables.DATASETS),
      true),
  HOOKS(
      "io.flowforge.api.HooksHandler",
      Set.of(Tables.MONITORING, Tables.METRICS),
      Set.of(Tables.MONITORING, Tables.METRICS),
      false),
  MONITORING(
      "io.flowforge.api.MonitoringHandler",
      Set.of(Tables.WORKSPACES, Tables.MONITORING, Tables.METRICS),
      Set.of(Tables.MONITORING, Tables.METRICS),
      false),
  MODELING(
      "io.flowforge.api.ModelingHandler",
      Set.of(Tables.WORKSPACES, Tables.DATASETS, Tables.MODELS),
      Set.of(Tables.MODELS),
      true);

  private final String handlerClass;
  private final Set<Tables> reads;
  private final Set<Tables> writes;
  private final boolean usesUploadBucket;

  Feature(String handlerClass, Set<Tables> reads, Set<Tables> writes, boolean usesUploadBucket) {
    this.handlerClass = handlerClass;
    this.reads = reads;
    this.writes = writes;
    this.usesUploadBucket = usesUploadBucket;
  }

  /** Fully qualified name of the {@code RequestHandler} class Lambda and the local stack instantiate. */
  public String handlerClass() {
    return handlerClass;
  }

  /** Tables the feature's read routes may read. */
  public Set<Tables> reads() {
    return reads;
  }

  /** Tables the feature's write routes may write (they may also read everything in {@link #reads()}). */
  public Set<Tables> writes() {
    return writes;
  }

  public boolean usesUploadBucket() {
    return usesUploadBucket;
  }
}
