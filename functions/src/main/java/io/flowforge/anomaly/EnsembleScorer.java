package io.flowforge.anomaly;

/**
 * The scorer the CLI and the NAB evaluation use: per point, the largest of six scores. Three members each
 * turn the series into surprises — the {@link StreamingScorer} (a value, change or level far outside the
 * recent spread), the {@link ContextualScorer} (a run of values that do not follow from their recent
 * history) and the {@link ShapeScorer} (a recent shape unlike any seen before) — and each member's
 * surprises are scored twice: against the decayed record of its own past surprises (a {@link
 * SurpriseRecord}: more surprising than anything recent) and by their likelihood (a {@link
 * SurpriseLikelihood}: a stretch of surprises unusual for the series as a whole, which a recent large
 * surprise would hide from the record). All six score on the same scale — 0.5 is as surprising as the
 * record, or as unlikely as {@link #LIKELIHOOD}'s reference — so the largest is comparable across them, and
 * each catches what the others cannot see.
 */
public final class EnsembleScorer {
  /**
   * The streaming member's settings: a slower-decaying record and a higher floor than when it scores
   * alone, because each member's chance alerts add up in the ensemble while the shifts a faster decay
   * would catch again are mostly caught by the other two (docs/evaluation-nab.md).
   */
  static final StreamingScorer.Config STREAMING =
      new StreamingScorer.Config(3000, 10, 5000, 50, Math.log1p(5));

  /**
   * The likelihood of each member's mean surprise over 10 points; a tail probability of 10^-5.5 scores as
   * much as a record (docs/evaluation-nab.md).
   */
  static final SurpriseLikelihood.Config LIKELIHOOD = new SurpriseLikelihood.Config(10, 5.5);

  private final StreamingScorer streaming = new StreamingScorer(STREAMING);
  private final ContextualScorer contextual = new ContextualScorer(ContextualScorer.DEFAULT);
  private final ShapeScorer shape = new ShapeScorer(ShapeScorer.DEFAULT);

  public double[] score(double[] values) {
    double[] scores = new double[values.length];
    raise(scores, streaming.surprises(values), STREAMING.recordHalfLife(), STREAMING.floor());
    ContextualScorer.Config context = ContextualScorer.DEFAULT;
    raise(scores, contextual.surprises(values), context.recordHalfLife(), context.floor());
    raise(scores, shape.surprises(values), ShapeScorer.DEFAULT.recordHalfLife(), ShapeScorer.DEFAULT.floor());
    return scores;
  }

  // Raises each point's score to a member's record score and likelihood score where they are larger.
  private static void raise(double[] scores, double[] surprises, double recordHalfLife, double floor) {
    double[] record = SurpriseRecord.scores(surprises, recordHalfLife, floor);
    double[] likelihood = SurpriseLikelihood.scores(surprises, LIKELIHOOD);
    for (int i = 0; i < scores.length; i++) {
      scores[i] = Math.max(scores[i], Math.max(record[i], likelihood[i]));
    }
  }
}
