package io.flowforge.anomaly;

/**
 * The scorer the CLI and the NAB evaluation use: per point, the larger of the {@link StreamingScorer}
 * (a value, change or level far outside the recent spread) and the {@link ContextualScorer} (a run of
 * values that do not follow from their recent history). Both score on the same scale — 0.5 is as
 * surprising as the decayed record of their own past surprises — so the larger one is comparable across
 * the two, and each catches what the other cannot see.
 */
public final class EnsembleScorer {
  private final StreamingScorer streaming = new StreamingScorer();
  private final ContextualScorer contextual = new ContextualScorer();

  public double[] score(double[] values) {
    double[] scores = streaming.score(values);
    double[] context = contextual.score(values);
    for (int i = 0; i < scores.length; i++) {
      scores[i] = Math.max(scores[i], context[i]);
    }
    return scores;
  }
}
