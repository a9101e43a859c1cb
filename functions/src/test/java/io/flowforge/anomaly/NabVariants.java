package io.flowforge.anomaly;

import io.flowforge.anomaly.nab.NabCorpus;
import io.flowforge.anomaly.nab.NabFile;
import io.flowforge.anomaly.nab.NabProfile;
import io.flowforge.anomaly.nab.NabScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * Scores many combinations of the ensemble's members on the NAB corpus in one pass: the members' surprises
 * are computed once per file (the expensive part), and each variant only re-combines them, so a variant
 * costs a second or two instead of a full evaluation. Each variant gets one exactly optimised threshold per
 * profile, as {@code NabEvaluation} does (docs/evaluation-nab.md, "Rerun").
 */
public final class NabVariants {
  private static final int CANDIDATE_ROWS = 20_000;

  /** One way to combine a file's member surprises into scores, alerting with a quiet period. */
  record Variant(String name, Function<Members, double[]> scorer, int quietRows) {}

  /** A file's surprises from the streaming, contextual and shape members, at their ensemble settings. */
  record Members(double[] streaming, double[] contextual, double[] shape) {
    static Members of(double[] values) {
      return new Members(
          new StreamingScorer(EnsembleScorer.STREAMING).surprises(values),
          new ContextualScorer().surprises(values),
          new ShapeScorer().surprises(values));
    }

    double[] records() {
      return records(
          new double[] {EnsembleScorer.STREAMING.recordHalfLife(), EnsembleScorer.STREAMING.floor()},
          new double[] {ContextualScorer.DEFAULT.recordHalfLife(), ContextualScorer.DEFAULT.floor()},
          new double[] {ShapeScorer.DEFAULT.recordHalfLife(), ShapeScorer.DEFAULT.floor()});
    }

    // Each argument is one member's record half-life and floor (log1p of a z-score).
    double[] records(double[] streamingRecord, double[] contextualRecord, double[] shapeRecord) {
      return largest(
          SurpriseRecord.scores(streaming, streamingRecord[0], streamingRecord[1]),
          SurpriseRecord.scores(contextual, contextualRecord[0], contextualRecord[1]),
          SurpriseRecord.scores(shape, shapeRecord[0], shapeRecord[1]));
    }

    // One likelihood of the three members' surprises added up, instead of one per member.
    double[] summedLikelihood() {
      double[] sum = new double[streaming.length];
      for (int i = 0; i < sum.length; i++) {
        sum[i] = streaming[i] + contextual[i] + shape[i];
      }
      return SurpriseLikelihood.scores(sum, EnsembleScorer.LIKELIHOOD);
    }

    double[] likelihoods(SurpriseLikelihood.Config config) {
      return largest(
          SurpriseLikelihood.scores(streaming, config),
          SurpriseLikelihood.scores(contextual, config),
          SurpriseLikelihood.scores(shape, config));
    }
  }

  private NabVariants() {}

  static double[] largest(double[]... scores) {
    double[] largest = scores[0].clone();
    for (double[] other : scores) {
      for (int i = 0; i < largest.length; i++) {
        largest[i] = Math.max(largest[i], other[i]);
      }
    }
    return largest;
  }

  static List<Variant> variants() {
    List<Variant> variants = new ArrayList<>();
    for (int quiet : new int[] {0, 25, 50, 75, 100, 150, 200, 400, 800}) {
      variants.add(new Variant("record scores only, quiet " + quiet, Members::records, quiet));
    }
    variants.add(
        new Variant("likelihoods only, quiet 100", m -> m.likelihoods(EnsembleScorer.LIKELIHOOD), 100));
    for (double reference : new double[] {5, 5.5, 6}) {
      for (int shortWindow : new int[] {5, 10, 20}) {
        SurpriseLikelihood.Config config = new SurpriseLikelihood.Config(shortWindow, reference);
        variants.add(
            new Variant(
                "records and likelihoods, L0 " + reference + ", " + shortWindow + "-row mean, quiet 100",
                m -> largest(m.records(), m.likelihoods(config)),
                100));
      }
    }
    // The members' records around their defaults (streaming 5,000 rows / 5 sigma, contextual 3,000 / 3,
    // shape 8,000 / 5): half-life and floor of one member changed at a time.
    double[][] settings = {
      {3000, 3, 3000, 3, 8000, 5}, {3000, 5, 3000, 3, 8000, 5},
      {8000, 5, 3000, 3, 8000, 5}, {5000, 7, 3000, 3, 8000, 5},
      {5000, 5, 1500, 3, 8000, 5}, {5000, 5, 6000, 3, 8000, 5},
      {5000, 5, 3000, 2, 8000, 5}, {5000, 5, 3000, 5, 8000, 5},
      {5000, 5, 3000, 3, 3000, 3}, {5000, 5, 3000, 3, 15000, 5},
      {5000, 5, 3000, 3, 8000, 3}, {5000, 5, 3000, 3, 8000, 8}
    };
    for (double[] r : settings) {
      variants.add(
          new Variant(
              String.format(
                  Locale.ROOT,
                  "records %.0f/%.0f %.0f/%.0f %.0f/%.0f and likelihoods",
                  r[0], r[1], r[2], r[3], r[4], r[5]),
              m ->
                  largest(
                      m.records(
                          new double[] {r[0], Math.log1p(r[1])},
                          new double[] {r[2], Math.log1p(r[3])},
                          new double[] {r[4], Math.log1p(r[5])}),
                      m.likelihoods(EnsembleScorer.LIKELIHOOD)),
              100));
    }
    for (int quiet : new int[] {75, 125}) {
      variants.add(
          new Variant(
              "records and likelihoods (default), quiet " + quiet,
              m -> largest(m.records(), m.likelihoods(EnsembleScorer.LIKELIHOOD)),
              quiet));
    }
    variants.add(
        new Variant(
            "records, likelihoods and the likelihood of the summed surprises",
            m -> largest(m.records(), m.likelihoods(EnsembleScorer.LIKELIHOOD), m.summedLikelihood()),
            100));
    variants.add(
        new Variant(
            "records and the likelihood of the summed surprises",
            m -> largest(m.records(), m.summedLikelihood()),
            100));
    variants.add(
        new Variant(
            "records and likelihoods (default), quiet 0",
            m -> largest(m.records(), m.likelihoods(EnsembleScorer.LIKELIHOOD)),
            0));
    return variants;
  }

  /** Prints one line per variant; the argument is the NAB folder, by default {@code ../shared/data/nab}. */
  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "../shared/data/nab");
    List<NabFile> corpus = NabCorpus.load(root);
    List<NabScorer.Layout> layouts = corpus.stream().map(NabScorer::layout).toList();
    List<NabProfile> profiles = NabProfile.load(root.resolve("config/profiles.json"));
    int windows = layouts.stream().mapToInt(NabScorer.Layout::windows).sum();
    List<Members> members = corpus.parallelStream().map(file -> Members.of(file.values())).toList();
    for (Variant variant : variants()) {
      List<double[]> scores =
          IntStream.range(0, members.size())
              .parallel()
              .mapToObj(f -> variant.scorer().apply(members.get(f)))
              .toList();
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-62s", variant.name()));
      List<Double> thresholds = new ArrayList<>();
      for (NabProfile profile : profiles) {
        NabScorer.Sweep sweep =
            NabScorer.bestThreshold(layouts, scores, profile, variant.quietRows(), CANDIDATE_ROWS);
        thresholds.add(sweep.threshold());
        line.append(String.format(Locale.ROOT, " %6.2f", NabScorer.normalize(sweep.raw(), windows, profile)));
      }
      line.append(String.format(Locale.ROOT, " | thresholds %.4f %.4f %.4f", thresholds.toArray()));
      int[] detections = detections(layouts, scores, new AlertRule(thresholds.get(0), variant.quietRows()));
      line.append(
          String.format(
              Locale.ROOT, " | windows %d fp %d | at standard threshold", detections[0], detections[1]));
      for (NabProfile profile : profiles) {
        double raw = NabScorer.raw(layouts, scores, profile, variant.quietRows(), thresholds.get(0));
        line.append(String.format(Locale.ROOT, " %6.2f", NabScorer.normalize(raw, windows, profile)));
      }
      System.out.println(line);
    }
  }

  // Windows with at least one alert, and alerts outside every window, over the scored rows.
  private static int[] detections(List<NabScorer.Layout> layouts, List<double[]> scores, AlertRule rule) {
    int found = 0;
    int falsePositives = 0;
    for (int f = 0; f < layouts.size(); f++) {
      NabScorer.Layout layout = layouts.get(f);
      boolean[] alerts = rule.alerts(scores.get(f), layout.probationary());
      boolean[] hit = new boolean[layout.windows()];
      for (int i = layout.probationary(); i < layout.rows(); i++) {
        if (alerts[i] && layout.window()[i] < 0) {
          falsePositives++;
        } else if (alerts[i]) {
          hit[layout.window()[i]] = true;
        }
      }
      for (boolean windowHit : hit) {
        found += windowHit ? 1 : 0;
      }
    }
    return new int[] {found, falsePositives};
  }
}
