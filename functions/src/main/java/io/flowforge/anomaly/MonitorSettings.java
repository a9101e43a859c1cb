package io.flowforge.anomaly;

import io.flowforge.core.FlowForgeException;
import java.time.ZoneId;
import java.util.List;

/**
 * How one monitor judges its series: its sensitivity, the training points it needs before it may alert,
 * the rolling window of the z-score baseline, the time zone that defines hours, weekdays and dates for
 * seasonality and exception rules, and the exception rules that suppress known patterns.
 */
public record MonitorSettings(
    Sensitivity sensitivity, int minHistory, int rollingWindow, ZoneId zone, List<ExceptionRule> exceptions) {
  public static final int DEFAULT_MIN_HISTORY = 14;
  public static final int DEFAULT_ROLLING_WINDOW = 30;

  public MonitorSettings {
    if (sensitivity == null) {
      throw FlowForgeException.invalid("/sensitivity", "Sensitivity is required: LOW, MEDIUM or HIGH.");
    }
    if (minHistory < 3) {
      throw FlowForgeException.invalid(
          "/minHistory", "minHistory must be at least 3 points so a spread can be measured; got " + minHistory + ".");
    }
    if (rollingWindow < 3) {
      throw FlowForgeException.invalid(
          "/rollingWindow", "rollingWindow must be at least 3 points; got " + rollingWindow + ".");
    }
    zone = zone == null ? ZoneId.of("UTC") : zone;
    exceptions = exceptions == null ? List.of() : List.copyOf(exceptions);
  }

  public static MonitorSettings defaults() {
    return new MonitorSettings(
        Sensitivity.MEDIUM, DEFAULT_MIN_HISTORY, DEFAULT_ROLLING_WINDOW, ZoneId.of("UTC"), List.of());
  }

  public MonitorSettings withSensitivity(Sensitivity value) {
    return new MonitorSettings(value, minHistory, rollingWindow, zone, exceptions);
  }

  public MonitorSettings withExceptions(List<ExceptionRule> value) {
    return new MonitorSettings(sensitivity, minHistory, rollingWindow, zone, value);
  }

  public MonitorSettings withZone(ZoneId value) {
    return new MonitorSettings(sensitivity, minHistory, rollingWindow, value, exceptions);
  }
}
