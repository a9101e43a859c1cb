package io.flowforge.anomaly;

/**
 * Turns a stream of surprises into scores in [0, 1] by how unlikely their recent mean is, the anomaly
 * likelihood the published Numenta HTM detector puts on its raw scores: the mean of the last few surprises
 * is compared with a Gaussian fitted to all earlier such means, and its tail probability {@code p} becomes
 * {@code L = -log10(p)}, which keeps growing however unlikely the mean, unlike {@code 1 - p}.
 *
 * <p>A {@link SurpriseRecord} asks whether a point is more surprising than the largest recent surprise, so
 * after a large surprise a long, moderately unusual stretch stays below it; the likelihood asks whether the
 * recent surprises are unusual for this series as a whole, and catches that stretch. The two see different
 * incidents, so the {@link EnsembleScorer} takes the larger of both.
 */
final class SurpriseLikelihood {
  /**
   * Tunable constants.
   *
   * @param shortWindow surprises whose mean is scored
   * @param recordLikelihood the {@code L} that scores {@link SurpriseRecord#RECORD_SCORE}, so the likelihood
   *     and the record scores share one threshold
   */
  record Config(int shortWindow, double recordLikelihood) {}

  // Means are compared only once this many are known.
  private static final int MIN_MEANS = 300;
  // The smallest variance of the means, so a series that has been perfectly calm cannot make the first
  // small surprise infinitely unlikely.
  private static final double MIN_VARIANCE = 1e-4;
  private static final double LN_10 = Math.log(10);

  private SurpriseLikelihood() {}

  /**
   * Each point's score, using only the surprises up to it. Members report no surprise (0) while they warm
   * up; those zeros stay in the fitted history (widening it, which measured better on NAB than leaving them
   * out), but no point is scored until {@code MIN_MEANS} means after the first surprise, so the first
   * ordinary surprises are not scored against a history of nothing but zeros.
   */
  static double[] scores(double[] surprises, Config config) {
    double[] scores = new double[surprises.length];
    int firstScored = 0;
    while (firstScored < surprises.length && surprises[firstScored] == 0) {
      firstScored++;
    }
    firstScored += MIN_MEANS;
    double shortSum = 0;
    double sum = 0;
    double sumOfSquares = 0;
    int count = 0;
    for (int i = 0; i < surprises.length; i++) {
      shortSum += surprises[i] - (i >= config.shortWindow() ? surprises[i - config.shortWindow()] : 0);
      double recent = shortSum / Math.min(i + 1, config.shortWindow());
      if (i >= firstScored) {
        double mean = sum / count;
        double variance = Math.max(sumOfSquares / count - mean * mean, MIN_VARIANCE);
        double likelihood = -logUpperTail((recent - mean) / Math.sqrt(variance)) / LN_10;
        scores[i] = Math.min(1, SurpriseRecord.RECORD_SCORE * likelihood / config.recordLikelihood());
      }
      sum += recent;
      sumOfSquares += recent * recent;
      count++;
    }
    return scores;
  }

  /**
   * The natural log of the standard normal's upper tail probability at {@code z}, from the complementary
   * error function's Chebyshev fit (Numerical Recipes' {@code erfcc}, relative error below 1.2e-7) taken in
   * log space, so a tail far too small for a double still orders correctly.
   */
  static double logUpperTail(double z) {
    double x = Math.abs(z) / Math.sqrt(2);
    double t = 1 / (1 + 0.5 * x);
    double logErfc =
        Math.log(t)
            - x * x
            - 1.26551223
            + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807
                + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
    // erfc(-x) = 2 - erfc(x): below the mean the tail is the larger part.
    return z >= 0 ? Math.log(0.5) + logErfc : Math.log1p(-0.5 * Math.exp(logErfc));
  }
}
