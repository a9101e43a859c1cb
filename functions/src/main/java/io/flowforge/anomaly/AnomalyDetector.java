package io.flowforge.anomaly;

import java.util.List;
import java.util.Optional;

/**
 * Judges the newest point of a metric series against a baseline trained on its history. Points marked
 * expected and points covered by an exception rule never train the baseline; a point covered by a rule is
 * not judged; nothing is judged before the monitor's minimum history is reached.
 */
public final class AnomalyDetector {
  private AnomalyDetector() {}

  public static Evaluation evaluate(
      List<Observation> history, Observation current, MonitorSettings settings, CauseContext context) {
    if (isExcepted(current, settings)) {
      return Evaluation.without(Evaluation.Status.SUPPRESSED);
    }
    List<Observation> training =
        history.stream()
            .filter(point -> !point.markedExpected() && !isExcepted(point, settings))
            .filter(point -> point.at().isBefore(current.at()))
            .toList();
    if (training.size() < settings.minHistory()) {
      return Evaluation.without(Evaluation.Status.INSUFFICIENT_HISTORY);
    }
    BaselineKind.Fitted baseline = BaselineSelector.select(training, settings);
    double width = settings.sensitivity().bandWidth();
    Band band = baseline.band(current.at(), width);
    if (band.contains(current.value())) {
      return new Evaluation(
          Evaluation.Status.NORMAL, Optional.of(band), Optional.of(baseline.kind()), Optional.empty());
    }
    double bandWidths = Math.abs(band.zScore(current.value())) / width;
    boolean drop = current.value() < band.expected();
    Anomaly anomaly =
        new Anomaly(
            current.at(),
            current.value(),
            band.expected(),
            band.lower(),
            band.upper(),
            Severity.ofExcess(bandWidths),
            confidence(bandWidths, training.size(), settings.minHistory()),
            baseline.kind(),
            CauseAnalyzer.rank(current.at(), drop, baseline.kind(), settings.zone(), context));
    return new Evaluation(
        Evaluation.Status.ANOMALY, Optional.of(band), Optional.of(baseline.kind()), Optional.of(anomaly));
  }

  // Grows with the distance beyond the band edge (half-way at 1.5 band widths) and with the history behind
  // the baseline (full weight from four times the minimum history).
  static double confidence(double bandWidths, int historySize, int minHistory) {
    double distance = 1 - Math.exp(-Math.log(2) * 2 * Math.max(0, bandWidths - 1) - 0.2);
    double history = Math.min(1, 0.5 + historySize / (8.0 * minHistory));
    return Math.max(0, Math.min(1, distance * history));
  }

  private static boolean isExcepted(Observation point, MonitorSettings settings) {
    return settings.exceptions().stream().anyMatch(rule -> rule.covers(point.at(), settings.zone()));
  }
}
