package io.flowforge.anomaly.nab;

import io.flowforge.anomaly.StreamingScorer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs a detector over the whole NAB corpus and scores it under every profile, with one threshold per
 * profile chosen as NAB does (the one maximising the corpus' raw score).
 */
public final class NabEvaluation {
  /** The outcome under one profile. */
  public record ProfileResult(String profile, double threshold, double raw, double normalized) {}

  private NabEvaluation() {}

  public static List<ProfileResult> evaluate(Path nabRoot, Function<double[], double[]> detector) {
    List<NabFile> corpus = NabCorpus.load(nabRoot);
    List<NabScorer.Layout> layouts = corpus.stream().map(NabScorer::layout).toList();
    List<double[]> scores = corpus.parallelStream().map(file -> detector.apply(file.values())).toList();
    int windows = layouts.stream().mapToInt(NabScorer.Layout::windows).sum();
    List<ProfileResult> results = new ArrayList<>();
    for (NabProfile profile : NabProfile.load(nabRoot.resolve("config/profiles.json"))) {
      NabScorer.Sweep sweep = NabScorer.bestThreshold(layouts, scores, profile);
      results.add(
          new ProfileResult(profile.name(), sweep.threshold(), sweep.raw(), NabScorer.normalize(sweep.raw(), windows, profile)));
    }
    return results;
  }

  /**
   * Prints the scores per profile. The argument is the NAB folder; by default {@code ../shared/data/nab},
   * which is where it lies when run from the repository root.
   */
  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "../shared/data/nab");
    long start = System.nanoTime();
    List<ProfileResult> results = evaluate(root, values -> new StreamingScorer().score(values));
    for (ProfileResult result : results) {
      System.out.printf(
          Locale.ROOT, "%-20s threshold %.6f raw %9.4f normalized %6.2f%n",
          result.profile(), result.threshold(), result.raw(), result.normalized());
    }
    System.out.printf(Locale.ROOT, "scored 58 files in %.1f s%n", (System.nanoTime() - start) / 1e9);
  }
}
