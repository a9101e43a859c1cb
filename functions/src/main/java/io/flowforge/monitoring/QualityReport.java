package io.flowforge.monitoring;

import io.flowforge.core.FlowForgeException;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * One evaluation of a job's quality rules, posted to {@code POST /api/hooks/quality}: the pass rate (0..1)
 * of each rule at {@code checkedAt}. {@code runId} identifies the evaluation, so a resent result overwrites
 * itself instead of adding a point.
 */
public record QualityReport(String job, String runId, Instant checkedAt, Map<String, Double> passRates) {
  static final int MAX_RULES = 200;
  static final int MAX_NAME_LENGTH = 200;

  public QualityReport {
    requireName("/job", "job", job);
    requireName("/runId", "runId", runId);
    if (checkedAt == null) {
      throw FlowForgeException.invalid("/checkedAt", "checkedAt is required (ISO 8601, e.g. 2025-01-31T02:00:00Z).");
    }
    if (passRates == null || passRates.isEmpty()) {
      throw FlowForgeException.invalid("/passRates", "passRates is required: {\"<rule>\": <pass rate 0..1>, …}.");
    }
    if (passRates.size() > MAX_RULES) {
      throw FlowForgeException.invalid(
          "/passRates", "At most " + MAX_RULES + " rules per report; got " + passRates.size() + ".");
    }
    passRates.forEach(
        (rule, rate) -> {
          requireName("/passRates", "rule name", rule);
          if (rate == null || !(rate >= 0 && rate <= 1)) {
            throw FlowForgeException.invalid(
                "/passRates/" + rule, "Pass rate of " + rule + " must be a number between 0 and 1; got " + rate + ".");
          }
        });
    passRates = java.util.Collections.unmodifiableMap(new TreeMap<>(passRates));
  }

  private static void requireName(String pointer, String what, String value) {
    if (value == null || value.isBlank() || value.length() > MAX_NAME_LENGTH) {
      throw FlowForgeException.invalid(
          pointer, what + " is required and must be 1 to " + MAX_NAME_LENGTH + " characters.");
    }
  }
}
