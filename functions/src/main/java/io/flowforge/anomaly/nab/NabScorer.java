package io.flowforge.anomaly.nab;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The NAB scoring rules (Lavin and Ahmad, 2015; numenta/NAB {@code sweeper.py}) re-implemented: per-row
 * weights from the scaled sigmoid of the position relative to the anomaly windows, the best detection per
 * window, a penalty per missed window, the probationary period left unscored, and the normalisation
 * against the null and perfect detectors.
 */
public final class NabScorer {
  private static final double PROBATIONARY_PERCENT = 0.15;
  private static final int PROBATIONARY_CAP_ROWS = 750;

  private NabScorer() {}

  /** The row weights of one file, independent of any detector. */
  public record Layout(int rows, int probationary, int[] window, double[] unweighted, int windows) {}

  /** The threshold that maximises a corpus' raw score, and that score. */
  public record Sweep(double threshold, double raw) {}

  /** NAB's scaled sigmoid, in [-1, 1]: positive before the right edge of a window, negative after it. */
  static double scaledSigmoid(double position) {
    if (position > 3.0) {
      return -1.0;
    }
    return 2 * (1.0 / (1 + Math.exp(5 * position))) - 1.0;
  }

  public static int probationaryRows(int rows) {
    return (int) Math.min(Math.floor(PROBATIONARY_PERCENT * rows), PROBATIONARY_PERCENT * 5000);
  }

  /**
   * Per row: the window it belongs to (or -1), and its unweighted score — the true-positive weight already
   * divided by the weight of a window's first row inside a window, the scaled-sigmoid false-positive
   * factor after a window, and -1 before any window.
   */
  public static Layout layout(NabFile file) {
    int rows = file.length();
    int[] window = new int[rows];
    double[] unweighted = new double[rows];
    Arrays.fill(window, -1);
    double maxTp = scaledSigmoid(-1.0);
    int next = 0;
    int previousRight = -1;
    int previousWidth = 0;
    for (int i = 0; i < rows; i++) {
      NabFile.Window current = next < file.windows().size() ? file.windows().get(next) : null;
      if (current != null && i >= current.start() && i <= current.end()) {
        window[i] = next;
        unweighted[i] = scaledSigmoid(-(current.end() - i + 1) / (double) current.width()) / maxTp;
        if (i == current.end()) {
          previousRight = i;
          previousWidth = current.width();
          next++;
        }
      } else if (previousRight < 0) {
        unweighted[i] = -1.0;
      } else {
        unweighted[i] = scaledSigmoid(Math.abs(previousRight - i) / (double) (previousWidth - 1));
      }
    }
    return new Layout(rows, probationaryRows(rows), window, unweighted, file.windows().size());
  }

  /**
   * Each row's contribution to the file score at a threshold, laid out as NAB's per-row results files do:
   * a window's first row carries the window's score (the weight of its best detection, or {@code -fnWeight}
   * when it has none), a detection outside windows carries its false-positive weight, every other row 0.
   * Their sum is the file's raw score.
   */
  public static double[] contributions(Layout layout, double[] scores, double threshold, NabProfile profile) {
    double[] contribution = new double[layout.rows()];
    int[] best = new int[layout.windows()];
    Arrays.fill(best, -1);
    int[] firstRow = new int[layout.windows()];
    Arrays.fill(firstRow, -1);
    for (int i = 0; i < layout.rows(); i++) {
      int w = layout.window()[i];
      if (w >= 0 && firstRow[w] < 0) {
        firstRow[w] = i;
      }
      if (i < layout.probationary() || !(scores[i] >= threshold)) {
        continue;
      }
      if (w < 0) {
        contribution[i] = layout.unweighted()[i] * profile.fpWeight();
      } else if (best[w] < 0 || layout.unweighted()[i] > layout.unweighted()[best[w]]) {
        best[w] = i;
      }
    }
    for (int w = 0; w < layout.windows(); w++) {
      contribution[firstRow[w]] =
          best[w] >= 0 ? layout.unweighted()[best[w]] * profile.tpWeight() : -profile.fnWeight();
    }
    return contribution;
  }

  public static double score(Layout layout, double[] scores, double threshold, NabProfile profile) {
    return Arrays.stream(contributions(layout, scores, threshold, profile)).sum();
  }

  /**
   * The single corpus-wide threshold with the highest total raw score, found exactly: rows are added in
   * descending score order and the total is updated incrementally, so every distinct score is tried as a
   * threshold (NAB itself approximates this optimum with a local search).
   */
  public static Sweep bestThreshold(List<Layout> layouts, List<double[]> scores, NabProfile profile) {
    List<long[]> order = new ArrayList<>();
    int totalWindows = 0;
    int[] windowOffset = new int[layouts.size()];
    for (int f = 0; f < layouts.size(); f++) {
      Layout layout = layouts.get(f);
      windowOffset[f] = totalWindows;
      totalWindows += layout.windows();
      for (int i = layout.probationary(); i < layout.rows(); i++) {
        order.add(new long[] {f, i});
      }
    }
    order.sort(
        Comparator.comparingDouble((long[] row) -> scores.get((int) row[0])[(int) row[1]]).reversed());
    double[] windowBest = new double[totalWindows];
    boolean[] detected = new boolean[totalWindows];
    double total = -profile.fnWeight() * totalWindows;
    double bestTotal = total;
    double bestThreshold = Double.POSITIVE_INFINITY;
    for (int k = 0; k < order.size(); k++) {
      int f = (int) order.get(k)[0];
      int i = (int) order.get(k)[1];
      Layout layout = layouts.get(f);
      int w = layout.window()[i];
      double weight = layout.unweighted()[i];
      if (w < 0) {
        total += weight * profile.fpWeight();
      } else {
        int global = windowOffset[f] + w;
        if (!detected[global]) {
          detected[global] = true;
          windowBest[global] = weight * profile.tpWeight();
          total += profile.fnWeight() + windowBest[global];
        } else if (weight * profile.tpWeight() > windowBest[global]) {
          total += weight * profile.tpWeight() - windowBest[global];
          windowBest[global] = weight * profile.tpWeight();
        }
      }
      double threshold = scores.get(f)[i];
      boolean lastOfTies =
          k + 1 == order.size()
              || scores.get((int) order.get(k + 1)[0])[(int) order.get(k + 1)[1]] != threshold;
      if (lastOfTies && total > bestTotal) {
        bestTotal = total;
        bestThreshold = threshold;
      }
    }
    return new Sweep(bestThreshold, bestTotal);
  }

  /** NAB's normalised score: 0 for the null detector (no detections), 100 for a perfect one. */
  public static double normalize(double raw, int windows, NabProfile profile) {
    double perfect = windows * profile.tpWeight();
    double nullScore = -windows * profile.fnWeight();
    return 100 * (raw - nullScore) / (perfect - nullScore);
  }
}
