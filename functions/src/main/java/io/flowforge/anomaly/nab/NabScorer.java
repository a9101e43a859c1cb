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

  /**
   * The corpus-wide threshold with the highest total raw score when detections follow an
   * {@link io.flowforge.anomaly.AlertRule} with {@code quietRows}: a row detects when it reaches the
   * threshold and no row detected in the {@code quietRows} rows before it. Which rows detect is then no
   * longer a prefix of the rows sorted by score (a lower threshold can detect earlier and so silence a row
   * a higher one kept), so every candidate is scored afresh: every distinct score among the
   * {@code candidates} highest-scoring rows. If the best is the lowest candidate, the optimum may lie below
   * it, and the search repeats with twice as many; so the threshold returned is a strict optimum over its
   * own neighbourhood of candidates.
   */
  public static Sweep bestThreshold(
      List<Layout> layouts, List<double[]> scores, NabProfile profile, int quietRows, int candidates) {
    if (quietRows == 0) {
      return bestThreshold(layouts, scores, profile);
    }
    int scoredRows = layouts.stream().mapToInt(l -> l.rows() - l.probationary()).sum();
    double[] all = new double[scoredRows];
    int n = 0;
    for (int f = 0; f < layouts.size(); f++) {
      for (int i = layouts.get(f).probationary(); i < layouts.get(f).rows(); i++) {
        all[n++] = scores.get(f)[i];
      }
    }
    Arrays.sort(all);
    if (all.length == 0) {
      return bestThreshold(layouts, scores, profile);
    }
    while (true) {
      double lowest = all[Math.max(0, all.length - candidates)];
      double[] thresholds =
          Arrays.stream(all, Math.max(0, all.length - candidates), all.length).distinct().toArray();
      Candidates rows = Candidates.atLeast(layouts, scores, lowest);
      Sweep best = new Sweep(Double.POSITIVE_INFINITY, -profile.fnWeight() * rows.windowsTotal);
      // From the highest down, so that of equally good thresholds the highest wins, as in the sweep above.
      for (int t = thresholds.length - 1; t >= 0; t--) {
        double threshold = thresholds[t];
        double raw = rows.raw(layouts, profile, quietRows, threshold);
        if (raw > best.raw()) {
          best = new Sweep(threshold, raw);
        }
      }
      if (best.threshold() != lowest || candidates >= all.length) {
        return best;
      }
      candidates *= 2;
    }
  }

  /** The corpus' raw score at a threshold when no row detects within {@code quietRows} after a detection. */
  public static double raw(
      List<Layout> layouts, List<double[]> scores, NabProfile profile, int quietRows, double threshold) {
    return Candidates.atLeast(layouts, scores, threshold).raw(layouts, profile, quietRows, threshold);
  }

  /** The rows scoring at least some value, in file and row order, with what scoring them needs. */
  private record Candidates(int[] file, int[] row, double[] score, int[] windowOffset, int windowsTotal) {
    static Candidates atLeast(List<Layout> layouts, List<double[]> scores, double lowest) {
      int[] windowOffset = new int[layouts.size()];
      int windowsTotal = 0;
      int count = 0;
      for (int f = 0; f < layouts.size(); f++) {
        windowOffset[f] = windowsTotal;
        windowsTotal += layouts.get(f).windows();
        for (int i = layouts.get(f).probationary(); i < layouts.get(f).rows(); i++) {
          count += scores.get(f)[i] >= lowest ? 1 : 0;
        }
      }
      int[] file = new int[count];
      int[] row = new int[count];
      double[] score = new double[count];
      int k = 0;
      for (int f = 0; f < layouts.size(); f++) {
        for (int i = layouts.get(f).probationary(); i < layouts.get(f).rows(); i++) {
          if (scores.get(f)[i] >= lowest) {
            file[k] = f;
            row[k] = i;
            score[k++] = scores.get(f)[i];
          }
        }
      }
      return new Candidates(file, row, score, windowOffset, windowsTotal);
    }

    // The corpus' raw score at a threshold: false-positive weights plus each window's best detection or miss.
    double raw(List<Layout> layouts, NabProfile profile, int quietRows, double threshold) {
      double[] windowBest = new double[windowsTotal];
      Arrays.fill(windowBest, Double.NaN);
      double total = 0;
      int previousFile = -1;
      int lastDetection = 0;
      for (int k = 0; k < file.length; k++) {
        if (score[k] < threshold) {
          continue;
        }
        int f = file[k];
        int i = row[k];
        if (f == previousFile && i - lastDetection <= quietRows) {
          continue;
        }
        previousFile = f;
        lastDetection = i;
        Layout layout = layouts.get(f);
        int w = layout.window()[i];
        if (w < 0) {
          total += layout.unweighted()[i] * profile.fpWeight();
        } else if (!(layout.unweighted()[i] <= windowBest[windowOffset[f] + w])) {
          windowBest[windowOffset[f] + w] = layout.unweighted()[i];
        }
      }
      for (double best : windowBest) {
        total += Double.isNaN(best) ? -profile.fnWeight() : best * profile.tpWeight();
      }
      return total;
    }
  }

  /** NAB's normalised score: 0 for the null detector (no detections), 100 for a perfect one. */
  public static double normalize(double raw, int windows, NabProfile profile) {
    double perfect = windows * profile.tpWeight();
    double nullScore = -windows * profile.fnWeight();
    return 100 * (raw - nullScore) / (perfect - nullScore);
  }
}
