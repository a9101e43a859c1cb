package io.flowforge.anomaly;

import java.util.Optional;

/**
 * The verdict on one point: its status, the band it was judged against (absent when there was too little
 * history or a rule suppressed it) and, for an anomaly, the anomaly.
 */
public record Evaluation(Status status, Optional<Band> band, Optional<BaselineKind> baseline, Optional<Anomaly> anomaly) {
  /** What the detector concluded. */
  public enum Status {
    /** Fewer training points than the monitor's minimum history: no judgement yet. */
    INSUFFICIENT_HISTORY,
    /** An exception rule covers the point. */
    SUPPRESSED,
    NORMAL,
    ANOMALY
  }

  static Evaluation without(Status status) {
    return new Evaluation(status, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
