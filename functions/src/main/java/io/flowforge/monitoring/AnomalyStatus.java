package io.flowforge.monitoring;

/** Where a recorded anomaly stands with the people watching it. */
public enum AnomalyStatus {
  /** Flagged by a check and not reviewed yet. */
  OPEN,
  /** Marked as expected: the point no longer trains the monitor's baseline. */
  EXPECTED
}
