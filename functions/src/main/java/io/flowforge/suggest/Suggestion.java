package io.flowforge.suggest;

import java.util.List;
import java.util.Map;

/**
 * One configuration suggestion for a layer.
 *
 * @param kind what is suggested ({@code incremental_load}, {@code primary_key}, {@code aggregation}, …)
 * @param value the suggested setting, as the wizard and the pipeline generator read it
 * @param confidence 0–1, calibrated as described in docs/evaluation-schema.md
 * @param reasoning one sentence citing the measured evidence
 * @param alternatives other settings considered, best first
 */
public record Suggestion(
    String kind, Map<String, Object> value, double confidence, String reasoning, List<Alternative> alternatives) {

  /** A setting considered but ranked lower. */
  public record Alternative(Map<String, Object> value, double confidence, String reasoning) {}
}
