package io.flowforge.anomaly;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * The baselines a monitor can use. Each is fitted on training points and answers the expected band at a
 * time; {@link BaselineSelector} picks one per series by how well it predicts held-out recent points.
 */
public enum BaselineKind {
  /** Median and median absolute deviation of the whole training set: robust to past spikes. */
  MEDIAN_MAD,
  /** Tukey fences on the quartiles: asymmetric bands for skewed metrics such as durations. */
  IQR,
  /** Mean and standard deviation of the most recent points: follows a drifting level. */
  ROLLING_ZSCORE,
  /** Median per hour of the day: for metrics with a daily cycle. */
  HOUR_OF_DAY,
  /** Median per day of the week: for metrics with a weekly cycle (weekend dips). */
  DAY_OF_WEEK;

  /** A baseline fitted to training points. */
  public interface Fitted {
    BaselineKind kind();

    /** The expected band at a time, {@code width} robust standard deviations wide on each side. */
    Band band(Instant at, double width);
  }

  /** Whether the training points are enough for this baseline (seasonal ones need repeated cycles). */
  boolean fits(List<Observation> training, ZoneId zone) {
    return switch (this) {
      case MEDIAN_MAD, IQR, ROLLING_ZSCORE -> training.size() >= 3;
      case HOUR_OF_DAY -> coversEveryBucket(training, zone, 24, t -> t.getHour());
      case DAY_OF_WEEK -> coversEveryBucket(training, zone, 7, t -> t.getDayOfWeek().getValue() - 1);
    };
  }

  Fitted fit(List<Observation> training, MonitorSettings settings) {
    double[] values = training.stream().mapToDouble(Observation::value).toArray();
    return switch (this) {
      case MEDIAN_MAD -> medianMad(values);
      case IQR -> iqr(values);
      case ROLLING_ZSCORE -> rolling(values, settings.rollingWindow());
      case HOUR_OF_DAY -> seasonal(training, settings.zone(), 24, t -> t.getHour());
      case DAY_OF_WEEK -> seasonal(training, settings.zone(), 7, t -> t.getDayOfWeek().getValue() - 1);
    };
  }

  private Fitted medianMad(double[] values) {
    double median = RobustStats.median(values);
    double scale = RobustStats.floorScale(RobustStats.mad(values, median) * RobustStats.MAD_TO_SIGMA, median);
    return constant(median, scale);
  }

  private Fitted iqr(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double q1 = RobustStats.quantileOfSorted(sorted, 0.25);
    double median = RobustStats.quantileOfSorted(sorted, 0.5);
    double q3 = RobustStats.quantileOfSorted(sorted, 0.75);
    double spread = RobustStats.floorScale(q3 - q1, median);
    double scale = spread * RobustStats.IQR_TO_SIGMA;
    BaselineKind kind = this;
    // Tukey's fences: 1.5 IQR beyond the quartiles at the default width of 3.5 sigma-equivalents, scaled
    // with the width so sensitivity works the same way as for the other baselines.
    return new Fitted() {
      @Override
      public BaselineKind kind() {
        return kind;
      }

      @Override
      public Band band(Instant at, double width) {
        double fence = spread * 1.5 * width / Sensitivity.MEDIUM.bandWidth();
        return new Band(median, q1 - fence, q3 + fence, scale);
      }
    };
  }

  private Fitted rolling(double[] values, int window) {
    double[] recent = Arrays.copyOfRange(values, Math.max(0, values.length - window), values.length);
    double mean = RobustStats.mean(recent);
    return constant(mean, RobustStats.floorScale(RobustStats.std(recent, mean), mean));
  }

  private Fitted constant(double center, double scale) {
    BaselineKind kind = this;
    return new Fitted() {
      @Override
      public BaselineKind kind() {
        return kind;
      }

      @Override
      public Band band(Instant at, double width) {
        return new Band(center, center - width * scale, center + width * scale, scale);
      }
    };
  }

  // One median per bucket; the spread is pooled over all residuals, because a single bucket seldom holds
  // enough points for its own stable spread.
  private Fitted seasonal(
      List<Observation> training, ZoneId zone, int buckets, ToIntFunction<ZonedDateTime> bucketOf) {
    double[][] byBucket = new double[buckets][];
    int[] counts = new int[buckets];
    int[] bucketIndex = new int[training.size()];
    for (int i = 0; i < training.size(); i++) {
      bucketIndex[i] = bucketOf.applyAsInt(training.get(i).at().atZone(zone));
      counts[bucketIndex[i]]++;
    }
    for (int b = 0; b < buckets; b++) {
      byBucket[b] = new double[counts[b]];
      counts[b] = 0;
    }
    for (int i = 0; i < training.size(); i++) {
      byBucket[bucketIndex[i]][counts[bucketIndex[i]]++] = training.get(i).value();
    }
    double[] medians = new double[buckets];
    for (int b = 0; b < buckets; b++) {
      medians[b] = RobustStats.median(byBucket[b]);
    }
    double[] residuals = new double[training.size()];
    for (int i = 0; i < training.size(); i++) {
      residuals[i] = training.get(i).value() - medians[bucketIndex[i]];
    }
    double scale = RobustStats.mad(residuals, RobustStats.median(residuals)) * RobustStats.MAD_TO_SIGMA;
    BaselineKind kind = this;
    return new Fitted() {
      @Override
      public BaselineKind kind() {
        return kind;
      }

      @Override
      public Band band(Instant at, double width) {
        double center = medians[bucketOf.applyAsInt(at.atZone(zone))];
        double floored = RobustStats.floorScale(scale, center);
        return new Band(center, center - width * floored, center + width * floored, floored);
      }
    };
  }

  // A seasonal baseline is only meaningful once every bucket was seen at least twice.
  private static boolean coversEveryBucket(
      List<Observation> training, ZoneId zone, int buckets, ToIntFunction<ZonedDateTime> bucketOf) {
    int[] counts = new int[buckets];
    for (Observation point : training) {
      counts[bucketOf.applyAsInt(point.at().atZone(zone))]++;
    }
    return Arrays.stream(counts).allMatch(count -> count >= 2);
  }
}
