package io.flowforge.anomaly;

import java.util.HashMap;
import java.util.Map;

/**
 * Scores every point of a series in [0, 1] by how unexpected it is after the points just before it, using
 * only earlier points. Values are quantised into levels whose width is learned from the first points; the
 * contexts of a point are the sequences of levels before it, from none up to a maximum order. The model
 * counts which level followed each context, and a point's surprise is the negative log of its level's
 * probability averaged over the contexts seen before (a smoothed variable-order Markov model). So a value
 * well within range is surprising when it never followed its recent history — the anomalies point and
 * level statistics miss, such as a repeating rhythm whose order changes. Noise that moves values across
 * level boundaries blurs the contexts; the {@link ShapeScorer} covers such noisy series better.
 *
 * <p>Single surprising points are common in noisy series; an incident is a run of them. The mean surprise
 * of the last few points is compared, as a robust z-score, with the means seen before, and scored against
 * a decaying {@link SurpriseRecord}, on the same scale as {@link StreamingScorer}.
 */
public final class ContextualScorer {
  /**
   * Tunable constants; {@link #DEFAULT} is the one configuration used everywhere.
   *
   * @param levels levels the range of the warm-up points is divided into
   * @param maxOrder the longest context, in points before the scored one
   * @param warmup points whose range sets the level width; none of them is scored
   * @param shortWindow points whose mean surprise is scored
   * @param statsWindow trailing mean surprises the robust z-score is taken against
   * @param recordHalfLife points after which the surprise record has decayed by half
   * @param floor the smallest surprise record (log1p of a z-score)
   * @param pseudoCount added to every level's count in a context, so an unseen level is unlikely but
   *     possible
   */
  public record Config(
      int levels,
      int maxOrder,
      int warmup,
      int shortWindow,
      int statsWindow,
      double recordHalfLife,
      double floor,
      double pseudoCount) {}

  public static final Config DEFAULT = new Config(16, 6, 300, 20, 8000, 3000, Math.log1p(3), 0.1);

  // Means are compared only once this many are known.
  private static final int MIN_MEANS = 50;
  private static final long EMPTY_CONTEXT = 17;

  private final Config config;

  public ContextualScorer(Config config) {
    this.config = config;
  }

  public ContextualScorer() {
    this(DEFAULT);
  }

  public double[] score(double[] values) {
    return SurpriseRecord.scores(surprises(values), config.recordHalfLife(), config.floor());
  }

  /** Each point's surprise, the log1p of the rise of its recent mean surprise; 0 during the warm-up. */
  double[] surprises(double[] values) {
    double[] surprise = surprise(values);
    double[] rises = new double[values.length];
    SlidingWindow means = new SlidingWindow(config.statsWindow());
    double shortSum = 0;
    for (int i = config.warmup(); i < values.length; i++) {
      int leaving = i - config.shortWindow();
      shortSum += surprise[i] - (leaving >= config.warmup() ? surprise[leaving] : 0);
      double mean = shortSum / config.shortWindow();
      if (means.size() >= MIN_MEANS) {
        // Only a rise matters: a run of unusually expected points is no incident.
        rises[i] = Math.log1p(Math.max(0, means.robustZ(mean)));
      }
      means.add(mean);
    }
    return rises;
  }

  /** Each point's surprise in nats given the levels before it; 0 during the warm-up. */
  double[] surprise(double[] values) {
    double[] surprise = new double[values.length];
    if (values.length <= config.warmup()) {
      return surprise;
    }
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < config.warmup(); i++) {
      min = Math.min(min, values[i]);
      max = Math.max(max, values[i]);
    }
    // A flat warm-up has no range; a level of a thousandth of its value keeps later steps visible.
    double width = Math.max((max - min) / config.levels(), Math.max(Math.abs(max) * 1e-3, 1e-9));
    // Levels beyond the warm-up's range get their own keys; two spare symbols stand for them in the
    // smoothing, which only needs the alphabet's rough size.
    double alphabet = config.levels() + 2.0;
    long[] level = new long[values.length];
    Map<Long, Integer> counts = new HashMap<>();
    for (int i = 0; i < values.length; i++) {
      level[i] = (long) Math.floor((values[i] - min) / width);
      if (i >= config.warmup()) {
        surprise[i] = -Math.log(probability(level, i, counts, alphabet));
      }
      long context = EMPTY_CONTEXT;
      for (int order = 0; order <= Math.min(config.maxOrder(), i); order++) {
        context = order == 0 ? context : mix(context, level[i - order]);
        counts.merge(context, 1, Integer::sum);
        counts.merge(next(context, level[i]), 1, Integer::sum);
      }
    }
    return surprise;
  }

  // The probability of level[i] averaged over the orders whose context has been seen before.
  private double probability(long[] level, int i, Map<Long, Integer> counts, double alphabet) {
    double sum = 0;
    int orders = 0;
    long context = EMPTY_CONTEXT;
    for (int order = 0; order <= Math.min(config.maxOrder(), i); order++) {
      context = order == 0 ? context : mix(context, level[i - order]);
      Integer seen = counts.get(context);
      if (seen != null) {
        int followed = counts.getOrDefault(next(context, level[i]), 0);
        sum += (followed + config.pseudoCount()) / (seen + config.pseudoCount() * alphabet);
        orders++;
      }
    }
    return orders == 0 ? 1 / alphabet : sum / orders;
  }

  // Contexts and (context, next level) pairs share one table under distinct hashes.
  private static long next(long context, long level) {
    return mix(context ^ 0x5bd1e995L, level);
  }

  private static long mix(long hash, long value) {
    long h = (hash ^ value) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 29);
  }
}
