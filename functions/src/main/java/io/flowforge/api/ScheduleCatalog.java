package io.flowforge.api;

import io.flowforge.adapters.dynamodb.Tables;
import io.flowforge.monitoring.MonitoringService;
import java.util.List;
import java.util.Set;

/** Every scheduled handler. The CDK stack creates one EventBridge rule per entry; the local stack a timer. */
public final class ScheduleCatalog {
  private static final List<Schedule> SCHEDULES =
      List.of(
          new Schedule(
              "monitoring-check",
              "io.flowforge.api.MonitoringCheckHandler",
              MonitoringService.CHECK_PERIOD,
              Set.of(Tables.MONITORING, Tables.METRICS)));

  private ScheduleCatalog() {}

  public static List<Schedule> all() {
    return SCHEDULES;
  }
}
