package io.flowforge.anomaly;

import java.time.Instant;
import java.util.List;

/** What a scheduled check needs from storage and delivery; DynamoDB and webhooks implement them. */
public final class MonitorPorts {
  private MonitorPorts() {}

  /** The monitors of a workspace. */
  @FunctionalInterface
  public interface Catalog {
    List<Monitor> monitors(String workspaceId);
  }

  /** A monitor's series up to and including {@code until}, oldest first, with the points marked expected. */
  @FunctionalInterface
  public interface Series {
    List<Observation> series(Monitor monitor, Instant until);
  }

  /** Context around a time for ranking causes: holidays, upstream runs, schema changes, quality results. */
  @FunctionalInterface
  public interface Context {
    CauseContext around(Monitor monitor, Instant at);
  }

  /**
   * Remembers anomalies per monitor and check window: {@code recordOnce} answers true only the first time
   * for a window, which makes a rerun of the same check harmless.
   */
  @FunctionalInterface
  public interface Ledger {
    boolean recordOnce(Monitor monitor, Instant window, Anomaly anomaly);
  }

  /** Sends an alert; may fail or be slow, which must not stop the check. */
  @FunctionalInterface
  public interface Alerts {
    void send(Monitor monitor, Anomaly anomaly) throws Exception;
  }
}
