package io.flowforge.anomaly;

import io.flowforge.core.FlowForgeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A known pattern that must not raise alerts: points it covers are neither judged nor used for training.
 * Dates and weekdays are read in the monitor's time zone.
 */
public sealed interface ExceptionRule {
  boolean covers(Instant at, ZoneId zone);

  /** A human description for alert cards and listings. */
  String describe();

  /** One calendar day, such as a planned migration. */
  record OnDate(LocalDate date) implements ExceptionRule {
    @Override
    public boolean covers(Instant at, ZoneId zone) {
      return LocalDate.ofInstant(at, zone).equals(date);
    }

    @Override
    public String describe() {
      return "on " + date;
    }
  }

  /** Every week on one weekday, such as a Sunday with no loads. */
  record OnWeekday(DayOfWeek weekday) implements ExceptionRule {
    @Override
    public boolean covers(Instant at, ZoneId zone) {
      return LocalDate.ofInstant(at, zone).getDayOfWeek() == weekday;
    }

    @Override
    public String describe() {
      return "every " + weekday;
    }
  }

  /** The inclusive date range {@code from..to}, such as a holiday freeze. */
  record DateRange(LocalDate from, LocalDate to) implements ExceptionRule {
    public DateRange {
      if (from == null || to == null || to.isBefore(from)) {
        throw FlowForgeException.invalid(
            "/to", "A date range needs from <= to; got " + from + " .. " + to + ". Swap or fix the dates.");
      }
    }

    @Override
    public boolean covers(Instant at, ZoneId zone) {
      LocalDate day = LocalDate.ofInstant(at, zone);
      return !day.isBefore(from) && !day.isAfter(to);
    }

    @Override
    public String describe() {
      return "from " + from + " to " + to;
    }
  }
}
