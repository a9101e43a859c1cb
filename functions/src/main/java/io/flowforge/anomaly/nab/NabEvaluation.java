package io.flowforge.anomaly.nab;

import io.flowforge.anomaly.AlertRule;
import io.flowforge.anomaly.ContextualScorer;
import io.flowforge.anomaly.EnsembleScorer;
import io.flowforge.anomaly.ShapeScorer;
import io.flowforge.anomaly.StreamingScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Runs a detector over the whole NAB corpus and scores it under every profile, with one threshold per
 * profile chosen as NAB does (the one maximising the corpus' raw score). Rows detect as the product alerts:
 * by an {@link AlertRule}, by default with its quiet period after each detection.
 */
public final class NabEvaluation {
  /**
   * The outcome under one profile, with what the threshold catches: the windows (of all {@code windows})
   * with at least one detection and the scored rows above it outside every window; and the normalised score
   * at the first profile's threshold (standard), which is what a detector alerting by itself, with one
   * threshold for every profile, would score.
   */
  public record ProfileResult(
      String profile,
      double threshold,
      double raw,
      double normalized,
      int windows,
      int windowsDetected,
      int falsePositiveRows,
      double normalizedAtFirstThreshold) {}

  /** The detectors that can be evaluated from the command line, by name. */
  public static final Map<String, Function<double[], double[]>> DETECTORS =
      Map.of(
          "ensemble", values -> new EnsembleScorer().score(values),
          "streaming", values -> new StreamingScorer().score(values),
          "contextual", values -> new ContextualScorer().score(values),
          "shape", values -> new ShapeScorer().score(values));

  private NabEvaluation() {}

  // Distinct scores tried as thresholds when a quiet period makes every threshold a separate run; the
  // search widens by itself when the best is the lowest of them.
  private static final int CANDIDATE_ROWS = 20_000;

  /** The detector's scores under the default {@link AlertRule}'s quiet period. */
  public static List<ProfileResult> evaluate(Path nabRoot, Function<double[], double[]> detector) {
    return evaluate(nabRoot, detector, AlertRule.DEFAULT_QUIET_POINTS);
  }

  /** The detector's scores when no row detects within {@code quietRows} rows after a detection. */
  public static List<ProfileResult> evaluate(
      Path nabRoot, Function<double[], double[]> detector, int quietRows) {
    List<NabFile> corpus = NabCorpus.load(nabRoot);
    List<NabScorer.Layout> layouts = corpus.stream().map(NabScorer::layout).toList();
    List<double[]> scores = corpus.parallelStream().map(file -> detector.apply(file.values())).toList();
    int windows = layouts.stream().mapToInt(NabScorer.Layout::windows).sum();
    List<ProfileResult> results = new ArrayList<>();
    List<NabProfile> profiles = NabProfile.load(nabRoot.resolve("config/profiles.json"));
    double firstThreshold = Double.NaN;
    for (NabProfile profile : profiles) {
      NabScorer.Sweep sweep = NabScorer.bestThreshold(layouts, scores, profile, quietRows, CANDIDATE_ROWS);
      AlertRule rule = new AlertRule(sweep.threshold(), quietRows);
      int detected = 0;
      int falsePositives = 0;
      for (int f = 0; f < layouts.size(); f++) {
        NabScorer.Layout layout = layouts.get(f);
        boolean[] hit = new boolean[layout.windows()];
        boolean[] alerts = rule.alerts(scores.get(f), layout.probationary());
        for (int i = layout.probationary(); i < layout.rows(); i++) {
          if (alerts[i]) {
            if (layout.window()[i] < 0) {
              falsePositives++;
            } else {
              hit[layout.window()[i]] = true;
            }
          }
        }
        for (boolean windowHit : hit) {
          detected += windowHit ? 1 : 0;
        }
      }
      firstThreshold = Double.isNaN(firstThreshold) ? sweep.threshold() : firstThreshold;
      double rawAtFirst = NabScorer.raw(layouts, scores, profile, quietRows, firstThreshold);
      results.add(
          new ProfileResult(
              profile.name(),
              sweep.threshold(),
              sweep.raw(),
              NabScorer.normalize(sweep.raw(), windows, profile),
              windows,
              detected,
              falsePositives,
              NabScorer.normalize(rawAtFirst, windows, profile)));
    }
    return results;
  }

  private static int quietRows(String text) {
    try {
      int rows = Integer.parseInt(text);
      if (rows >= 0) {
        return rows;
      }
    } catch (NumberFormatException e) {
      // Reported below, as a negative number is.
    }
    System.err.println("The quiet period must be a whole number of rows, 0 or more; got '" + text + "'.");
    System.exit(2);
    return 0;
  }

  /**
   * Prints the scores per profile. The first argument is the NAB folder, by default
   * {@code ../shared/data/nab} (where it lies when run from the repository root); the second names the
   * detector, one of {@link #DETECTORS}, by default {@code ensemble}; the third is the quiet period in
   * rows, by default {@link AlertRule#DEFAULT_QUIET_POINTS} ({@code 0} detects at every crossing).
   */
  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "../shared/data/nab");
    String name = args.length > 1 ? args[1] : "ensemble";
    Function<double[], double[]> detector = DETECTORS.get(name);
    if (detector == null) {
      System.err.println("Unknown detector '" + name + "'; use one of " + DETECTORS.keySet() + ".");
      System.exit(2);
    }
    int quietRows = args.length > 2 ? quietRows(args[2]) : AlertRule.DEFAULT_QUIET_POINTS;
    long start = System.nanoTime();
    List<ProfileResult> results = evaluate(root, detector, quietRows);
    System.out.println("detector " + name + ", quiet period " + quietRows + " rows");
    for (ProfileResult result : results) {
      System.out.printf(
          Locale.ROOT,
          "%-20s threshold %.6f raw %9.4f normalized %6.2f windows %d/%d false-positive rows %d%n",
          result.profile(), result.threshold(), result.raw(), result.normalized(), result.windowsDetected(),
          result.windows(), result.falsePositiveRows());
    }
    System.out.printf(
        Locale.ROOT,
        "at the %s threshold on every profile (as a detector alerting by itself): %s%n",
        results.get(0).profile(),
        String.join(
            " / ",
            results.stream()
                .map(r -> String.format(Locale.ROOT, "%.2f", r.normalizedAtFirstThreshold()))
                .toList()));
    System.out.printf(Locale.ROOT, "scored 58 files in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }
}
