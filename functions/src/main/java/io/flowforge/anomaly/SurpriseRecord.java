package io.flowforge.anomaly;

/**
 * Turns a stream of surprises into scores in [0, 1] relative to the largest surprise seen before, a record
 * that decays slowly: a point scores above {@link #RECORD_SCORE} only when it is more surprising than
 * anything recent, so a noisy series does not keep alerting and an incident alerts when it begins rather
 * than at every point it lasts.
 */
final class SurpriseRecord {
  /** The score of a surprise equal to the decayed record. */
  static final double RECORD_SCORE = 0.5;

  private final double decay;
  private final double floor;
  private double record;

  /**
   * @param halfLife points after which the record has decayed by half
   * @param floor the smallest record, so the first surprises of a calm series are not all records
   */
  SurpriseRecord(double halfLife, double floor) {
    this.decay = Math.pow(0.5, 1 / halfLife);
    this.floor = floor;
    this.record = floor;
  }

  /** The score of {@code surprise} against the record so far; the surprise then joins the record. */
  double score(double surprise) {
    double score = Math.min(1, RECORD_SCORE * surprise / record);
    record = Math.max(record * decay, Math.max(floor, surprise));
    return score;
  }

  /** The scores of a whole series of surprises against a fresh record. */
  static double[] scores(double[] surprises, double halfLife, double floor) {
    SurpriseRecord record = new SurpriseRecord(halfLife, floor);
    double[] scores = new double[surprises.length];
    for (int i = 0; i < surprises.length; i++) {
      scores[i] = record.score(surprises[i]);
    }
    return scores;
  }
}
