package io.flowforge.adapters.dynamodb;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.flowforge.anomaly.CauseContext;
import io.flowforge.anomaly.Monitor;
import io.flowforge.anomaly.MonitorSettings;
import io.flowforge.anomaly.Observation;
import io.flowforge.anomaly.ScheduledCheck;
import io.flowforge.webhooks.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * One scheduled check over N series of 90 daily points (default 10,000; 1 % end in an injected drop),
 * against a plain z-score pass over the same points in the same run; then the same check reading the
 * series from DynamoDB Local, counting queries. Run from the repository root:
 * {@code DDB_LOCAL_TELEMETRY=0 mvn -B -q -pl functions exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.flowforge.adapters.dynamodb.MonitoringBenchmark -Dexec.args="10000 10000"}
 * (series in memory, series in DynamoDB).
 */
public final class MonitoringBenchmark {
  private static final Instant NOW = Instant.parse("2025-06-02T06:30:00Z");
  private static final int POINTS = 90;

  private MonitoringBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seriesCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int storedCount = args.length > 1 ? Integer.parseInt(args[1]) : seriesCount;
    List<Monitor> monitors = new ArrayList<>();
    Map<String, List<Observation>> data = new ConcurrentHashMap<>();
    Random random = new Random(42);
    for (int i = 0; i < seriesCount; i++) {
      Monitor monitor = new Monitor("ws", "m" + i, "job" + i, "rows:t", MonitorSettings.defaults());
      monitors.add(monitor);
      double level = 1000 + random.nextInt(100_000);
      List<Observation> points = new ArrayList<>(POINTS);
      for (int d = POINTS - 1; d >= 0; d--) {
        double value = level * (1 + 0.02 * random.nextGaussian());
        if (d == 0 && i % 100 == 0) {
          value = level * 0.5;
        }
        points.add(Observation.of(NOW.minus(Duration.ofDays(d)), value));
      }
      data.put(monitor.id(), points);
    }
    ExecutorService executor = Executors.newFixedThreadPool(2);
    try {
      for (int round = 1; round <= 3; round++) {
        long zStart = System.nanoTime();
        int zFlags = zScorePass(monitors, data);
        double zSeconds = (System.nanoTime() - zStart) / 1e9;
        Set<String> ledger = ConcurrentHashMap.newKeySet();
        ScheduledCheck check =
            new ScheduledCheck(
                workspace -> monitors, (monitor, until) -> data.get(monitor.id()), (monitor, at) -> CauseContext.none(),
                (monitor, window, anomaly) -> ledger.add(monitor.id()), (monitor, anomaly) -> { }, executor, 100);
        long start = System.nanoTime();
        ScheduledCheck.Report report = check.run("ws", NOW, Duration.ofHours(1));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
            Locale.ROOT,
            "round %d in memory: %d series, check %.3f s (%d anomalies, %d injected caught), plain z-score pass %.3f s (%d flags), ratio %.1fx%n",
            round, seriesCount, seconds, report.anomalies(), caught(ledger), zSeconds, zFlags, seconds / zSeconds);
      }
      dynamoDb(monitors.subList(0, storedCount), data, executor);
    } finally {
      executor.shutdownNow();
    }
  }

  private static long caught(Set<String> flagged) {
    return flagged.stream().filter(id -> Integer.parseInt(id.substring(1)) % 100 == 0).count();
  }

  // The baseline: mean and standard deviation of the history, |z| of the newest point above 3.5.
  private static int zScorePass(List<Monitor> monitors, Map<String, List<Observation>> data) {
    int flags = 0;
    for (Monitor monitor : monitors) {
      List<Observation> points = data.get(monitor.id());
      double sum = 0;
      double squares = 0;
      int n = points.size() - 1;
      for (int i = 0; i < n; i++) {
        sum += points.get(i).value();
        squares += points.get(i).value() * points.get(i).value();
      }
      double mean = sum / n;
      double std = Math.sqrt(Math.max(0, squares / n - mean * mean));
      if (Math.abs(points.get(n).value() - mean) > 3.5 * std) {
        flags++;
      }
    }
    return flags;
  }

  private static void dynamoDb(List<Monitor> monitors, Map<String, List<Observation>> data, ExecutorService executor) throws Exception {
    if (!"0".equals(System.getenv("DDB_LOCAL_TELEMETRY"))) {
      System.out.println("Skipping the DynamoDB Local part: set DDB_LOCAL_TELEMETRY=0 so it does not try to send telemetry.");
      return;
    }
    AmazonDynamoDBLocal local = DynamoDBEmbedded.create();
    try {
      DynamoDbClient client = local.dynamoDbClient();
      LogicalTables.createAll(client);
      DynamoDbMetricHistory history =
          new DynamoDbMetricHistory(DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), "metrics", Duration.ofDays(400));
      long loadStart = System.nanoTime();
      for (Monitor monitor : monitors) {
        List<MetricPoint> points =
            data.get(monitor.id()).stream().map(p -> new MetricPoint(monitor.job(), monitor.metric(), p.at(), p.value())).toList();
        history.append("ws", "r", points);
      }
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      Set<String> ledger = ConcurrentHashMap.newKeySet();
      ScheduledCheck check =
          new ScheduledCheck(
              workspace -> monitors,
              (monitor, until) -> history.series("ws", monitor.job(), monitor.metric(), until.minus(Duration.ofDays(POINTS)), until),
              (monitor, at) -> CauseContext.none(), (monitor, window, anomaly) -> ledger.add(monitor.id()), (monitor, anomaly) -> { },
              executor, 100);
      long start = System.nanoTime();
      ScheduledCheck.Report report = check.run("ws", NOW, Duration.ofHours(1));
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "DynamoDB Local (embedded): %d series x %d points loaded in %.1f s; check %.2f s, %d queries (%.2f per series), %d anomalies%n",
          monitors.size(), POINTS, loadSeconds, seconds, history.queryCount(), history.queryCount() / (double) monitors.size(), report.anomalies());
    } finally {
      local.shutdown();
    }
  }
}
