package io.flowforge.anomaly;

/** The kinds of likely cause an anomaly is checked against. */
public enum CauseKind {
  PUBLIC_HOLIDAY,
  WEEKEND,
  UPSTREAM_FAILED,
  UPSTREAM_LATE,
  SCHEMA_CHANGE,
  QUALITY_DROP
}
