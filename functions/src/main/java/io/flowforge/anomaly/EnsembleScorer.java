package io.flowforge.anomaly;

/**
 * The scorer the CLI and the NAB evaluation use: per point, the largest of three scores — the
 * {@link StreamingScorer} (a value, change or level far outside the recent spread), the
 * {@link ContextualScorer} (a run of values that do not follow from their recent history) and the
 * {@link ShapeScorer} (a recent shape unlike any seen before). All three score on the same scale — 0.5 is
 * as surprising as the decayed record of their own past surprises — so the largest is comparable across
 * them, and each catches what the others cannot see.
 */
public final class EnsembleScorer {
  /**
   * The streaming member's settings: a slower-decaying record and a higher floor than when it scores
   * alone, because each member's chance alerts add up in the ensemble while the shifts a faster decay
   * would catch again are mostly caught by the other two (docs/evaluation-nab.md).
   */
  static final StreamingScorer.Config STREAMING =
      new StreamingScorer.Config(3000, 10, 5000, 50, Math.log1p(5));

  private final StreamingScorer streaming = new StreamingScorer(STREAMING);
  private final ContextualScorer contextual = new ContextualScorer();
  private final ShapeScorer shape = new ShapeScorer();

  public double[] score(double[] values) {
    double[] scores = streaming.score(values);
    double[] context = contextual.score(values);
    double[] shapes = shape.score(values);
    for (int i = 0; i < scores.length; i++) {
      scores[i] = Math.max(scores[i], Math.max(context[i], shapes[i]));
    }
    return scores;
  }
}
