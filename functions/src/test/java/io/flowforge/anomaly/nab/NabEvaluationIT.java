package io.flowforge.anomaly.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.anomaly.EnsembleScorer;
import io.flowforge.testing.SharedData;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Runs FlowForge's default scorer (the {@link EnsembleScorer}, alerting by the default
 * {@link io.flowforge.anomaly.AlertRule}) over the whole NAB corpus, one configuration and one threshold per
 * profile. The floors sit a little below the scores measured when the detector was
 * last tuned (see docs/evaluation-nab.md), so a change that makes detection worse fails here.
 */
class NabEvaluationIT {
  private static final Map<String, Double> FLOORS =
      Map.of("standard", 67.0, "reward_low_FP_rate", 58.5, "reward_low_FN_rate", 72.5);

  @Test
  void scoresAboveMeasuredFloor_onEveryProfile() {
    List<NabEvaluation.ProfileResult> results =
        NabEvaluation.evaluate(SharedData.resolve("nab"), values -> new EnsembleScorer().score(values));

    Map<String, Double> scores =
        results.stream().collect(Collectors.toMap(NabEvaluation.ProfileResult::profile, NabEvaluation.ProfileResult::normalized));
    assertEquals(FLOORS.keySet(), scores.keySet());
    FLOORS.forEach(
        (profile, floor) -> assertTrue(scores.get(profile) > floor, profile + " scored " + scores.get(profile) + ", floor " + floor));
  }

  @Test
  void scoresTheNullDetectorAtZero_andAPerfectOracleAt100() {
    List<NabFile> corpus = NabCorpus.load(SharedData.resolve("nab"));
    // The detector sees only values, so the oracle finds its file by the file's leading values and length.
    Map<String, NabFile> byValues = corpus.stream().collect(Collectors.toMap(NabEvaluationIT::fingerprint, f -> f, (a, b) -> a));
    List<NabEvaluation.ProfileResult> none = NabEvaluation.evaluate(SharedData.resolve("nab"), values -> new double[values.length]);
    // The oracle fires on the first row of every window, which earns the full true-positive weight.
    Function<double[], double[]> oracle =
        values -> {
          NabFile file = byValues.get(fingerprint(values));
          double[] scores = new double[values.length];
          file.windows().forEach(w -> scores[w.start()] = 1);
          return scores;
        };
    none.forEach(result -> assertEquals(0.0, result.normalized(), 1e-9));
    NabEvaluation.evaluate(SharedData.resolve("nab"), oracle, 0)
        .forEach(result -> assertEquals(100.0, result.normalized(), 1e-6));
    // Some windows start 36 rows after the one before, so a 100-row quiet period silences a few of them.
    List<NabEvaluation.ProfileResult> quietOracle =
        NabEvaluation.evaluate(SharedData.resolve("nab"), oracle, 100);
    quietOracle.forEach(
        result -> assertTrue(result.windowsDetected() < 116 && result.normalized() < 100, result.toString()));
    assertEquals(
        List.of(0, 0, 0), quietOracle.stream().map(NabEvaluation.ProfileResult::falsePositiveRows).toList());
  }

  private static String fingerprint(NabFile file) {
    return fingerprint(file.values());
  }

  private static String fingerprint(double[] values) {
    return Arrays.toString(Arrays.copyOf(values, 64)) + values.length;
  }
}
