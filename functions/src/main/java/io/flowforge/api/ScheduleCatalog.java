package io.flowforge.api;

import java.util.List;

/** Every scheduled handler. The CDK stack creates one EventBridge rule per entry; the local stack a timer. */
public final class ScheduleCatalog {
  private static final List<Schedule> SCHEDULES = List.of();

  private ScheduleCatalog() {}

  public static List<Schedule> all() {
    return SCHEDULES;
  }
}
