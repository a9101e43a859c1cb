package io.flowforge.anomaly.nab;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One NAB data file: its corpus-relative name ({@code realKnownCause/nyc_taxi.csv}), its rows and its
 * labelled anomaly windows as inclusive row-index ranges.
 */
public record NabFile(String name, LocalDateTime[] timestamps, double[] values, List<Window> windows) {
  /** An anomaly window, inclusive row indexes. */
  public record Window(int start, int end) {
    public int width() {
      return end - start + 1;
    }
  }

  public int length() {
    return values.length;
  }
}
