package io.flowforge.suggest;

import io.flowforge.profiling.CandidateKey;
import java.util.List;

/**
 * Turns evidence scores into confidences. Key confidence is the top candidate's score discounted when the
 * runner-up is close: two equally plausible keys mean a coin flip, whatever their scores. The mapping was
 * checked against the declared keys of the evaluation datasets (see docs/evaluation-schema.md).
 */
public final class Confidence {
  /** Score margin over the runner-up at which no discount applies. */
  static final double CLEAR_MARGIN = 0.3;

  private Confidence() {}

  public static double primaryKey(List<CandidateKey> ranked) {
    if (ranked.isEmpty()) {
      return 0;
    }
    double top = ranked.get(0).score();
    double margin = ranked.size() > 1 ? top - ranked.get(1).score() : CLEAR_MARGIN;
    double discount = 0.5 + 0.5 * Math.min(1.0, margin / CLEAR_MARGIN);
    return round(top * discount);
  }

  public static double round(double value) {
    return Math.round(Math.max(0, Math.min(0.99, value)) * 100) / 100.0;
  }
}
