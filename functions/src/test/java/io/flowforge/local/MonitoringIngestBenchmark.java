package io.flowforge.local;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.flowforge.adapters.dynamodb.DynamoDbMetricHistory;
import io.flowforge.adapters.dynamodb.DynamoDbMonitoringStore;
import io.flowforge.adapters.dynamodb.LogicalTables;
import io.flowforge.adapters.dynamodb.DynamoDbWorkspaceStore;
import io.flowforge.anomaly.MonitorSettings;
import io.flowforge.anomaly.Sensitivity;
import io.flowforge.monitoring.MonitorDefinition;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.webhooks.AlertDelivery;
import io.flowforge.webhooks.DeliveryPolicy;
import io.flowforge.webhooks.HostResolver;
import io.flowforge.webhooks.JdkHttpSender;
import io.flowforge.webhooks.MetricPoint;
import io.flowforge.webhooks.SsrfGuard;
import io.flowforge.webhooks.WebhookSecret;
import io.flowforge.webhooks.WebhookSignature;
import io.flowforge.wiring.Settings;
import io.flowforge.workspace.WorkspaceService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Two measurements of monitoring on one machine, each with its baseline in the same run.
 *
 * <ol>
 *   <li>Webhook ingest on the local stack: {@code clients} threads post signed run reports (each a new run
 *       with three measurements) to {@code POST /api/hooks/runs} for {@code seconds}; then the same clients
 *       call {@code GET /api/health} for as long — the server's floor for one request.
 *   <li>One scheduled check over {@code series} stored series of 90 daily points (1 % end in a drop) on
 *       DynamoDB Local: wall time and DynamoDB requests by operation (every query page), counted at the
 *       client; baselines: the same series read once each without judging them, one after another and on
 *       the check's 4 threads.
 * </ol>
 *
 * <p>Arguments: seconds, clients, series (e.g. {@code 30 32 10000}). Started with {@code java} on the test
 * classpath from the repository root, as {@code docs/benchmarks-monitoring.md} shows: the frontend module's
 * own {@code exec} executions would read {@code exec.args} too.
 */
public final class MonitoringIngestBenchmark {
  private static final int POINTS = 90;
  /** Threads writing the series into DynamoDB Local before the check. */
  private static final int LOADERS = 4;

  private MonitoringIngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
    int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int series = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    System.out.printf(Locale.ROOT, "cores %d, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
        java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    ingest(seconds, clients);
    check(series);
    System.exit(0);
  }

  private static void ingest(int seconds, int clients) throws Exception {
    try (LocalStack stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of("bench-token")))) {
      LocalApi api = new LocalApi(stack.baseUri(), "bench-token");
      String workspace = api.createWorkspace("Ingest benchmark");
      WebhookSecret secret =
          WebhookSecret.parse(api.post("/api/workspaces/" + workspace + "/monitoring/secret", null).json().get("secret").asText());
      AtomicLong runs = new AtomicLong();
      Run hooks =
          load(stack.baseUri(), clients, Duration.ofSeconds(seconds), (http, base) -> {
            long n = runs.incrementAndGet();
            Instant start = Instant.parse("2026-01-01T02:00:00Z").plus(Duration.ofMinutes(n));
            byte[] body =
                ("{\"job\":\"job_" + (n % 50) + "\",\"runId\":\"run-" + n + "\",\"startedAt\":\"" + start
                        + "\",\"endedAt\":\"" + start.plusSeconds(300) + "\",\"rowCounts\":{\"silver.orders\":" + (1000 + n % 97)
                        + "},\"metrics\":{\"amount_sum\":" + n + "}}")
                    .getBytes(StandardCharsets.UTF_8);
            HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve("/api/hooks/runs"))
                    .header("content-type", "application/json")
                    .header("x-flowforge-workspace", workspace)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body));
            WebhookSignature.headers("msg_" + n, Instant.now(), body, List.of(secret)).forEach(request::header);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
          });
      Run health =
          load(stack.baseUri(), clients, Duration.ofSeconds(seconds), (http, base) ->
              http.send(HttpRequest.newBuilder(base.resolve("/api/health")).GET().build(), HttpResponse.BodyHandlers.ofString()));
      System.out.println("| | requests | errors | req/s | p50 ms | p99 ms |");
      System.out.println("|---|---|---|---|---|---|");
      hooks.print("POST /api/hooks/runs (signed, new run, 4 series)");
      health.print("GET /api/health (baseline)");
      System.out.printf(Locale.ROOT, "ratio hooks/health: p50 %.1fx, throughput %.2fx%n",
          hooks.percentile(50) / health.percentile(50), hooks.rate() / health.rate());
    }
  }

  /** One timed request against the base URI. */
  @FunctionalInterface
  interface Call {
    HttpResponse<String> send(HttpClient http, URI base) throws Exception;
  }

  record Run(List<Long> nanos, long errors, Duration took) {
    double percentile(int p) {
      List<Long> sorted = new ArrayList<>(nanos);
      Collections.sort(sorted);
      return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100)) / 1e6;
    }

    double rate() {
      return nanos.size() / (took.toMillis() / 1000.0);
    }

    void print(String what) {
      System.out.printf(Locale.ROOT, "| %s | %d | %d | %.0f | %.1f | %.1f |%n", what, nanos.size(), errors, rate(),
          percentile(50), percentile(99));
    }
  }

  private static Run load(URI base, int clients, Duration duration, Call call) throws Exception {
    List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
    LongAdder errors = new LongAdder();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    long end = started + duration.toNanos();
    for (int c = 0; c < clients; c++) {
      pool.submit(() -> {
        HttpClient http = HttpClient.newHttpClient();
        while (System.nanoTime() < end) {
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> response = call.send(http, base);
            if (response.statusCode() != 200) {
              errors.increment();
              System.err.println(response.statusCode() + " " + response.body());
            } else {
              nanos.add(System.nanoTime() - t0);
            }
          } catch (Exception e) {
            errors.increment();
          }
        }
        return null;
      });
    }
    pool.shutdown();
    pool.awaitTermination(duration.toSeconds() + 120, java.util.concurrent.TimeUnit.SECONDS);
    return new Run(nanos, errors.sum(), Duration.ofNanos(System.nanoTime() - started));
  }

  private static void check(int seriesCount) throws Exception {
    AmazonDynamoDBLocal local = DynamoDBEmbedded.create();
    try {
      Map<String, LongAdder> requests = new TreeMap<>();
      DynamoDbClient counted = counting(local.dynamoDbClient(), requests);
      LogicalTables.createAll(local.dynamoDbClient());
      DynamoDbEnhancedClient client = DynamoDbEnhancedClient.builder().dynamoDbClient(counted).build();
      Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
      Clock clock = Clock.fixed(now, java.time.ZoneOffset.UTC);
      DynamoDbMetricHistory history = new DynamoDbMetricHistory(client, "metrics", MonitoringService.RETENTION);
      DynamoDbMonitoringStore store = new DynamoDbMonitoringStore(client, "monitoring", "metrics", MonitoringService.RETENTION, clock);
      String workspace = "ws_benchbenchbenchbench";
      long loadStart = System.nanoTime();
      // Loading is the long part at 10,000 series (900,000 points): several writers keep the local store busy.
      ExecutorService loaders = Executors.newFixedThreadPool(LOADERS);
      List<java.util.concurrent.Future<?>> loaded = new ArrayList<>();
      for (int i = 0; i < seriesCount; i++) {
        int index = i;
        loaded.add(loaders.submit(() -> load(history, store, workspace, now, index)));
      }
      for (java.util.concurrent.Future<?> future : loaded) {
        future.get();
      }
      loaders.shutdown();
      store.registerMonitoredWorkspace(workspace);
      double loadSeconds = (System.nanoTime() - loadStart) / 1e9;
      ExecutorService executor = Executors.newFixedThreadPool(4);
      SsrfGuard guard = new SsrfGuard(HostResolver.system());
      AlertDelivery delivery = new AlertDelivery(new JdkHttpSender(), guard, DeliveryPolicy.standard(), d -> {}, clock);
      MonitoringService service =
          new MonitoringService(
              new WorkspaceService(new DynamoDbWorkspaceStore(client, "workspaces"), clock), store, history, new MonitoringService.Delivery(delivery, delivery, guard), executor, clock, true);

      requests.clear();
      long baselineStart = System.nanoTime();
      for (int i = 0; i < seriesCount; i++) {
        history.series(workspace, "job_" + i, "rows:t", now.minus(Duration.ofDays(120)), now);
      }
      double baselineSeconds = (System.nanoTime() - baselineStart) / 1e9;
      Map<String, Long> baselineRequests = snapshot(requests);

      // The same reads on as many threads as the check uses: what judging adds at equal concurrency.
      requests.clear();
      long parallelStart = System.nanoTime();
      List<java.util.concurrent.Future<?>> reads = new ArrayList<>();
      for (int i = 0; i < seriesCount; i++) {
        String job = "job_" + i;
        reads.add(executor.submit(() -> history.series(workspace, job, "rows:t", now.minus(Duration.ofDays(120)), now)));
      }
      for (java.util.concurrent.Future<?> read : reads) {
        read.get();
      }
      double parallelSeconds = (System.nanoTime() - parallelStart) / 1e9;
      Map<String, Long> parallelRequests = snapshot(requests);

      System.out.printf(Locale.ROOT, "load average before the check %.1f%n",
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      requests.clear();
      long checkStart = System.nanoTime();
      MonitoringService.CheckResult result = service.check(workspace, now);
      double checkSeconds = (System.nanoTime() - checkStart) / 1e9;
      Map<String, Long> checkRequests = snapshot(requests);

      requests.clear();
      long rerunStart = System.nanoTime();
      MonitoringService.CheckResult rerun = service.check(workspace, now);
      double rerunSeconds = (System.nanoTime() - rerunStart) / 1e9;
      executor.shutdownNow();

      System.out.printf(Locale.ROOT, "%n%d series x %d points loaded in %.1f s%n", seriesCount, POINTS, loadSeconds);
      System.out.println("| | wall s | ms/series | DynamoDB requests |");
      System.out.println("|---|---|---|---|");
      System.out.printf(Locale.ROOT, "| scheduled check (judge, record, alert) | %.2f | %.2f | %s |%n", checkSeconds,
          1000 * checkSeconds / seriesCount, checkRequests);
      System.out.printf(Locale.ROOT, "| baseline: read each series once, no judging | %.2f | %.2f | %s |%n",
          baselineSeconds, 1000 * baselineSeconds / seriesCount, baselineRequests);
      System.out.printf(Locale.ROOT, "| baseline: the same reads on the check's 4 threads | %.2f | %.2f | %s |%n",
          parallelSeconds, 1000 * parallelSeconds / seriesCount, parallelRequests);
      System.out.printf(Locale.ROOT, "check: %s; rerun of the window: %.2f s, %d new anomalies, requests %s%n",
          result.report(), rerunSeconds, rerun.report().newAnomalies(), snapshot(requests));
    } finally {
      local.shutdownNow();
    }
  }

  /** One series of 90 daily points and its monitor; random per series so threads don't change the data. */
  private static void load(
      DynamoDbMetricHistory history, DynamoDbMonitoringStore store, String workspace, Instant now, int index) {
    String job = "job_" + index;
    Random random = new Random(7L * 1_000_003 + index);
    double level = 1000 + random.nextInt(100_000);
    List<MetricPoint> points = new ArrayList<>(POINTS);
    for (int d = POINTS - 1; d >= 0; d--) {
      double value = level * (1 + 0.02 * random.nextGaussian());
      boolean drop = d == 0 && index % 100 == 0;
      points.add(new MetricPoint(job, "rows:t", now.minus(Duration.ofDays(d)).minusSeconds(600), drop ? level * 0.5 : value));
    }
    history.append(workspace, "r", points);
    store.createMonitorIfAbsent(
        workspace,
        new MonitorDefinition(MonitoringService.monitorId(job, "rows:t"), job, "rows:t", Sensitivity.MEDIUM,
            MonitorSettings.DEFAULT_MIN_HISTORY, null, now, null));
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> requests) {
    Map<String, Long> copy = new TreeMap<>();
    synchronized (requests) {
      requests.forEach((operation, count) -> copy.put(operation, count.sum()));
    }
    return copy;
  }

  /** The client with every request counted by operation (query pages, gets, puts, batch writes). */
  private static DynamoDbClient counting(DynamoDbClient client, Map<String, LongAdder> requests) {
    return (DynamoDbClient)
        Proxy.newProxyInstance(
            DynamoDbClient.class.getClassLoader(),
            new Class<?>[] {DynamoDbClient.class},
            (proxy, method, arguments) -> {
              // A paginator over the counting client, so every page it fetches is counted as a query.
              if (method.getName().equals("queryPaginator") && arguments != null && arguments.length == 1
                  && arguments[0] instanceof software.amazon.awssdk.services.dynamodb.model.QueryRequest request) {
                return new software.amazon.awssdk.services.dynamodb.paginators.QueryIterable((DynamoDbClient) proxy, request);
              }
              if (method.getDeclaringClass() != Object.class && arguments != null && arguments.length == 1
                  && arguments[0] instanceof software.amazon.awssdk.core.SdkRequest) {
                synchronized (requests) {
                  requests.computeIfAbsent(method.getName(), name -> new LongAdder()).increment();
                }
              }
              try {
                return method.invoke(client, arguments);
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            });
  }
}
