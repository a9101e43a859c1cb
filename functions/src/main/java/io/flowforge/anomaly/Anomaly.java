package io.flowforge.anomaly;

import java.time.Instant;
import java.util.List;

/**
 * A value outside its expected band: what was expected (value and band), what happened, how severe it is,
 * how confident the detector is (history length and distance beyond the band), which baseline judged it,
 * and the likely causes ranked by confidence.
 */
public record Anomaly(
    Instant at,
    double actual,
    double expected,
    double lower,
    double upper,
    Severity severity,
    double confidence,
    BaselineKind baseline,
    List<LikelyCause> causes) {
  public Anomaly {
    causes = List.copyOf(causes);
  }

  public boolean isDrop() {
    return actual < expected;
  }
}
