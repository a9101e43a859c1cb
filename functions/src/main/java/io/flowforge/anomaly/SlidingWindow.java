package io.flowforge.anomaly;

import java.util.Arrays;

/**
 * The last {@code capacity} values of a stream, kept both in arrival order and sorted, so the median and
 * quartiles are read in constant time and each new value costs one binary search and one array shift.
 */
final class SlidingWindow {
  private final double[] ring;
  private final double[] sorted;
  private int size;
  private int head;
  private double sum;

  SlidingWindow(int capacity) {
    ring = new double[capacity];
    sorted = new double[capacity];
  }

  void add(double value) {
    if (size == ring.length) {
      double evicted = ring[head];
      sum -= evicted;
      int at = Arrays.binarySearch(sorted, 0, size, evicted);
      System.arraycopy(sorted, at + 1, sorted, at, size - at - 1);
      size--;
    }
    ring[head] = value;
    head = (head + 1) % ring.length;
    sum += value;
    int at = Arrays.binarySearch(sorted, 0, size, value);
    int insert = at >= 0 ? at : -at - 1;
    System.arraycopy(sorted, insert, sorted, insert + 1, size - insert);
    sorted[insert] = value;
    size++;
  }

  int size() {
    return size;
  }

  double quantile(double q) {
    double position = q * (size - 1);
    int lower = (int) Math.floor(position);
    int upper = Math.min(lower + 1, size - 1);
    return sorted[lower] + (position - lower) * (sorted[upper] - sorted[lower]);
  }

  double mean() {
    return sum / size;
  }

  /** The {@code back}-th most recent value (0 = newest). */
  double recent(int back) {
    return ring[Math.floorMod(head - 1 - back, ring.length)];
  }

  /**
   * How many robust standard deviations {@code value} lies from the window's median. The spread comes from
   * the interquartile range, floored at 1 % of the window's range so a mostly flat window (many NAB and
   * pipeline series idle at one value) does not turn every small step into an infinite z.
   */
  double robustZ(double value) {
    double spread = (quantile(0.75) - quantile(0.25)) * RobustStats.IQR_TO_SIGMA;
    double scale = Math.max(spread, Math.max((quantile(1) - quantile(0)) * 0.01, 1e-9));
    return (value - quantile(0.5)) / scale;
  }
}
