package io.flowforge.anomaly;

import java.time.Instant;

/**
 * One value of a metric series at a time. {@code markedExpected} is set when a person marked the point as
 * expected (a known incident or event): such points never train a baseline.
 */
public record Observation(Instant at, double value, boolean markedExpected) {
  public static Observation of(Instant at, double value) {
    return new Observation(at, value, false);
  }
}
