package io.flowforge.local.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The demo workspace's pipeline run history: {@link #DAYS} daily runs of three jobs, as the run reports a
 * scheduler would post to {@code POST /api/hooks/runs}. Values come from a fixed seed per job and day
 * index, so the history is the same for a given last day; only the dates follow the day the demo is seeded,
 * so the monitoring page shows recent runs.
 *
 * <ul>
 *   <li>{@value #INGEST}: loads bank transactions into Silver at 02:00 UTC (rows, the amount sum, a
 *       not-null quality rule, duration). Its last run is the injected incident: a partial load of about a
 *       third of the usual rows, with the {@code amount_not_null} pass rate fallen from about 99.6 % to 71.2 %.
 *   <li>{@value #ORDERS}: the bike shop's orders at 02:30 UTC, about twice as many on Saturdays and Sundays
 *       as on weekdays — a weekly pattern the monitor learns instead of flagging every weekend.
 *   <li>{@value #SUMMARY}: the Gold daily customer summary at 03:00 UTC, after the ingest it reads from;
 *       steady, so it stays quiet.
 * </ul>
 */
public final class DemoRuns {
  /** Days of history per job, the last one being the day before the demo is seeded. */
  public static final int DAYS = 60;
  public static final String INGEST = "bank_transactions_ingest";
  public static final String ORDERS = "bike_shop_orders_daily";
  public static final String SUMMARY = "customer_daily_summary";
  /** The table whose row count the incident cuts. */
  public static final String INGEST_TABLE = "silver.bank_transactions";
  /** The quality rule whose pass rate falls in the incident. */
  public static final String INGEST_RULE = "amount_not_null";
  /** Share of the usual rows the incident's run loads. */
  static final double INCIDENT_SHARE = 0.36;
  private static final long SEED = 20_240_602L;

  private DemoRuns() {}

  /** One run report as posted by the job's scheduler: the delivery's webhook id and its JSON body. */
  public record Delivery(String job, String webhookId, byte[] body) {}

  /** Every job's runs, oldest first per job, ending on {@code lastDay}. */
  public static List<Delivery> ending(LocalDate lastDay) {
    List<Delivery> deliveries = new ArrayList<>();
    deliveries.addAll(ingest(lastDay));
    deliveries.addAll(orders(lastDay));
    deliveries.addAll(summary(lastDay));
    return deliveries;
  }

  private static List<Delivery> ingest(LocalDate lastDay) {
    Random random = new Random(SEED);
    List<Delivery> runs = new ArrayList<>();
    for (int index = 0; index < DAYS; index++) {
      LocalDate day = lastDay.minusDays(DAYS - 1 - index);
      boolean incident = index == DAYS - 1;
      double usual = 3_050 * (1 + 0.03 * random.nextGaussian());
      long rows = Math.round(incident ? usual * INCIDENT_SHARE : usual);
      double amountSum = rows * 84.2 * (1 + 0.015 * random.nextGaussian());
      double passRate = incident ? 0.712 : Math.min(1, 0.996 + 0.0012 * random.nextGaussian());
      Instant start = at(day, LocalTime.of(2, 0), random.nextInt(180));
      Instant end = start.plusSeconds(420 + Math.round(25 * random.nextGaussian()));
      ObjectNode report = report(INGEST, day, start, end);
      report.putObject("rowCounts").put(INGEST_TABLE, rows);
      report.putObject("metrics").put("amount_sum", round(amountSum, 2));
      report.putObject("qualityPassRates").put(INGEST_RULE, round(passRate, 4));
      runs.add(delivery(INGEST, day, report));
    }
    return runs;
  }

  private static List<Delivery> orders(LocalDate lastDay) {
    Random random = new Random(SEED + 1);
    List<Delivery> runs = new ArrayList<>();
    for (int index = 0; index < DAYS; index++) {
      LocalDate day = lastDay.minusDays(DAYS - 1 - index);
      DayOfWeek weekday = day.getDayOfWeek();
      double level = weekday == DayOfWeek.SATURDAY ? 980 : weekday == DayOfWeek.SUNDAY ? 860 : 430;
      long rows = Math.round(level * (1 + 0.04 * random.nextGaussian()));
      double revenue = rows * 212.5 * (1 + 0.03 * random.nextGaussian());
      Instant start = at(day, LocalTime.of(2, 30), random.nextInt(120));
      Instant end = start.plusSeconds(180 + Math.round(15 * random.nextGaussian()));
      ObjectNode report = report(ORDERS, day, start, end);
      report.putObject("rowCounts").put("silver.orders", rows);
      report.putObject("metrics").put("revenue_sum", round(revenue, 2));
      runs.add(delivery(ORDERS, day, report));
    }
    return runs;
  }

  private static List<Delivery> summary(LocalDate lastDay) {
    Random random = new Random(SEED + 2);
    List<Delivery> runs = new ArrayList<>();
    for (int index = 0; index < DAYS; index++) {
      LocalDate day = lastDay.minusDays(DAYS - 1 - index);
      long rows = Math.round(1_840 * (1 + 0.02 * random.nextGaussian()));
      Instant start = at(day, LocalTime.of(3, 0), random.nextInt(90));
      Instant end = start.plusSeconds(240 + Math.round(20 * random.nextGaussian()));
      ObjectNode report = report(SUMMARY, day, start, end);
      report.putObject("rowCounts").put("gold.customer_daily_summary", rows);
      runs.add(delivery(SUMMARY, day, report));
    }
    return runs;
  }

  private static ObjectNode report(String job, LocalDate day, Instant start, Instant end) {
    return Json.mapper()
        .createObjectNode()
        .put("job", job)
        .put("runId", runId(job, day))
        .put("startedAt", start.toString())
        .put("endedAt", end.toString())
        .put("status", "SUCCEEDED");
  }

  /** The run id the job's scheduler gives the run of {@code day}. */
  public static String runId(String job, LocalDate day) {
    return job + "-" + day;
  }

  private static Delivery delivery(String job, LocalDate day, ObjectNode report) {
    try {
      byte[] body = Json.mapper().writeValueAsString(report).getBytes(StandardCharsets.UTF_8);
      return new Delivery(job, "msg_demo_" + runId(job, day), body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings and numbers always serializes", e);
    }
  }

  private static Instant at(LocalDate day, LocalTime time, int jitterSeconds) {
    return day.atTime(time).toInstant(ZoneOffset.UTC).plus(Duration.ofSeconds(jitterSeconds));
  }

  private static double round(double value, int decimals) {
    double scale = Math.pow(10, decimals);
    return Math.round(value * scale) / scale;
  }
}
