package io.flowforge.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ScheduledCheckTest {
  private static final Instant NOW = Instant.parse("2025-06-02T06:30:00Z");
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Set<String> ledger = ConcurrentHashMap.newKeySet();
  private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  @AfterEach
  void stop() {
    executor.shutdownNow();
  }

  private static List<Observation> daily(long seed, double last) {
    Random random = new Random(seed);
    List<Observation> points = new ArrayList<>();
    for (int d = 30; d >= 1; d--) {
      points.add(Observation.of(NOW.minus(Duration.ofDays(d)), 1000 + random.nextGaussian() * 10));
    }
    points.add(Observation.of(NOW.minus(Duration.ofMinutes(20)), last));
    return points;
  }

  private ScheduledCheck check(List<Monitor> monitors, Map<String, List<Observation>> data, MonitorPorts.Alerts alerts, int batch) {
    return new ScheduledCheck(
        workspace -> monitors,
        (monitor, until) -> {
          maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          try {
            return data.get(monitor.id());
          } finally {
            inFlight.decrementAndGet();
          }
        },
        (monitor, at) -> new CauseContext("US", List.of(new CauseContext.UpstreamRun("bronze", false, at.minus(Duration.ofHours(1)), null)), List.of(), List.of()),
        (monitor, window, anomaly) -> ledger.add(monitor.id() + "@" + window),
        alerts,
        executor,
        batch);
  }

  private static List<Monitor> monitors(int count) {
    List<Monitor> monitors = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      monitors.add(new Monitor("ws", "m" + i, "job" + i, "rows:t", MonitorSettings.defaults()));
    }
    return monitors;
  }

  @Test
  void flagsTheInjectedAnomalyWithACause_andAlertsOnce() throws Exception {
    List<Monitor> monitors = monitors(20);
    Map<String, List<Observation>> data = new ConcurrentHashMap<>();
    for (int i = 0; i < 20; i++) {
      data.put("m" + i, daily(i, i == 7 ? 200 : 1000));
    }
    ScheduledCheck check =
        check(monitors, data, (monitor, anomaly) -> sent.add(monitor.id() + ":" + anomaly.causes().get(0).kind()), 5);

    ScheduledCheck.Report first = check.run("ws", NOW, Duration.ofHours(1));
    ScheduledCheck.Report rerun = check.run("ws", NOW.plus(Duration.ofMinutes(10)), Duration.ofHours(1));

    assertEquals(List.of("m7:UPSTREAM_FAILED"), sent);
    assertEquals(20, first.judged());
    assertEquals(1, first.newAnomalies());
    assertEquals(1, rerun.anomalies());
    assertEquals(0, rerun.newAnomalies(), "same window: recorded and alerted once");
    assertEquals(Instant.parse("2025-06-02T06:00:00Z"), first.window());
  }

  @Test
  void keepsCheckingWhenAnAlertFails_andBoundsConcurrentReads() throws Exception {
    List<Monitor> monitors = monitors(40);
    Map<String, List<Observation>> data = new ConcurrentHashMap<>();
    for (int i = 0; i < 40; i++) {
      data.put("m" + i, daily(i, 100));
    }
    ScheduledCheck check =
        check(monitors, data, (monitor, anomaly) -> {
          if (monitor.id().equals("m3")) {
            throw new java.io.IOException("destination timed out");
          }
          sent.add(monitor.id());
        }, 3);

    ScheduledCheck.Report report = check.run("ws", NOW, Duration.ofHours(1));

    assertEquals(40, report.newAnomalies());
    assertEquals(1, report.failures());
    assertEquals(39, sent.size());
    assertTrue(maxInFlight.get() <= 3, "reads in flight: " + maxInFlight.get());
  }
}
