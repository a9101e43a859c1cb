package io.flowforge.anomaly;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Ranks likely causes of an anomaly from its context. The confidences are heuristics ordered by how
 * directly a cause explains a data change: a failed upstream run explains missing rows more directly than
 * the calendar does.
 */
public final class CauseAnalyzer {
  /** Context events count when they happened within this long before the anomaly (or at it). */
  public static final Duration LOOKBACK = Duration.ofHours(24);
  /** An upstream run this much later than usual counts as late. */
  static final Duration LATENESS = Duration.ofMinutes(15);
  /** A pass-rate drop of at least this many percentage points counts as a quality drop. */
  static final double QUALITY_DROP_POINTS = 0.05;

  private CauseAnalyzer() {}

  public static List<LikelyCause> rank(
      Instant at, boolean drop, BaselineKind baseline, ZoneId zone, CauseContext context) {
    List<LikelyCause> causes = new ArrayList<>();
    LocalDate day = LocalDate.ofInstant(at, zone);
    if (context.country() != null && HolidayCalendar.COUNTRIES.contains(context.country().toUpperCase(Locale.ROOT))) {
      HolidayCalendar.of(context.country())
          .holidayOn(day)
          .ifPresent(
              name ->
                  causes.add(
                      new LikelyCause(
                          CauseKind.PUBLIC_HOLIDAY,
                          day + " is a public holiday in " + context.country() + " (" + name + ")",
                          drop ? 0.75 : 0.45)));
    }
    // A day-of-week baseline already expects the weekend, so the weekend cannot explain its anomalies.
    if (HolidayCalendar.isWeekend(day) && baseline != BaselineKind.DAY_OF_WEEK) {
      causes.add(
          new LikelyCause(
              CauseKind.WEEKEND, day + " is a " + day.getDayOfWeek().toString().toLowerCase(Locale.ROOT)
                  + " and the baseline does not model weekly cycles", drop ? 0.55 : 0.35));
    }
    for (CauseContext.UpstreamRun run : context.upstreamRuns()) {
      Instant when = run.endedAt() != null ? run.endedAt() : at;
      if (!within(when, at)) {
        continue;
      }
      if (!run.succeeded()) {
        causes.add(
            new LikelyCause(CauseKind.UPSTREAM_FAILED, "upstream job " + run.job() + " failed at " + when, 0.85));
      } else if (run.expectedEnd() != null && run.endedAt() != null) {
        Duration late = Duration.between(run.expectedEnd(), run.endedAt());
        if (late.compareTo(LATENESS) >= 0) {
          // The later it ran, the likelier it explains the change; saturates at four hours late.
          double confidence = 0.5 + 0.25 * Math.min(1, late.toMinutes() / 240.0);
          causes.add(
              new LikelyCause(
                  CauseKind.UPSTREAM_LATE,
                  "upstream job " + run.job() + " finished " + late.toMinutes() + " min later than usual",
                  confidence));
        }
      }
    }
    for (CauseContext.SchemaChange change : context.schemaChanges()) {
      if (within(change.at(), at)) {
        causes.add(
            new LikelyCause(
                CauseKind.SCHEMA_CHANGE,
                "schema of " + change.table() + " changed at " + change.at() + ": " + change.description(),
                0.65));
      }
    }
    for (CauseContext.QualityResult result : context.qualityResults()) {
      double fall = result.previousPassRate() - result.passRate();
      if (within(result.at(), at) && fall >= QUALITY_DROP_POINTS) {
        causes.add(
            new LikelyCause(
                CauseKind.QUALITY_DROP,
                String.format(
                    Locale.ROOT,
                    "quality rule %s pass rate fell from %.1f%% to %.1f%%",
                    result.rule(),
                    100 * result.previousPassRate(),
                    100 * result.passRate()),
                Math.min(0.8, 0.5 + fall)));
      }
    }
    causes.sort(Comparator.comparingDouble(LikelyCause::confidence).reversed());
    return causes;
  }

  private static boolean within(Instant event, Instant anomaly) {
    return !event.isAfter(anomaly) && !event.isBefore(anomaly.minus(LOOKBACK));
  }
}
