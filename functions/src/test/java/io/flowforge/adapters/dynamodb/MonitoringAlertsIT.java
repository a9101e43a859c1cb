package io.flowforge.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.sun.net.httpserver.HttpServer;
import io.flowforge.anomaly.MonitorSettings;
import io.flowforge.anomaly.Sensitivity;
import io.flowforge.monitoring.Destination;
import io.flowforge.monitoring.MonitorDefinition;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.webhooks.AlertDelivery;
import io.flowforge.webhooks.AlertDestination;
import io.flowforge.webhooks.DeadLetter;
import io.flowforge.webhooks.DeliveryPolicy;
import io.flowforge.webhooks.HostResolver;
import io.flowforge.webhooks.JdkHttpSender;
import io.flowforge.webhooks.MetricPoint;
import io.flowforge.webhooks.SsrfGuard;
import io.flowforge.webhooks.WebhookSecret;
import io.flowforge.webhooks.WebhookSignature;
import io.flowforge.workspace.WorkspaceService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;

/**
 * A scheduled check whose destinations misbehave: one never answers within the timeout (3 s here, so a busy
 * machine does not time out the working one). The working destination
 * still gets its signed alert, the silent one is retried and dead-lettered, and the check completes.
 */
class MonitoringAlertsIT {
  private static final String WORKSPACE = "ws_alertsalertsalertsal";
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.HOURS);
  private static AmazonDynamoDBLocal local;
  private static HttpServer receiver;
  private static HttpServer silent;
  private static final List<Map<String, String>> headers = new CopyOnWriteArrayList<>();
  private static final List<byte[]> bodies = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    local = DynamoDBEmbedded.create();
    LogicalTables.createAll(local.dynamoDbClient());
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext("/", exchange -> {
      Map<String, String> seen = new HashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> seen.put(name.toLowerCase(), values.get(0)));
      headers.add(seen);
      bodies.add(exchange.getRequestBody().readAllBytes());
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
    });
    receiver.start();
    silent = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    silent.setExecutor(Executors.newCachedThreadPool());
    silent.createContext("/", exchange -> {
      try {
        Thread.sleep(20_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
    });
    silent.start();
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
    silent.stop(0);
    local.shutdownNow();
  }

  @Test
  void deliversToTheWorkingDestination_andDeadLettersTheOneThatTimesOut() throws Exception {
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    DynamoDbEnhancedClient client = DynamoDbEnhancedClient.builder().dynamoDbClient(local.dynamoDbClient()).build();
    DynamoDbMetricHistory history = new DynamoDbMetricHistory(client, "metrics", Duration.ofDays(400));
    DynamoDbMonitoringStore store = new DynamoDbMonitoringStore(client, "monitoring", "metrics", Duration.ofDays(400), clock);
    List<MetricPoint> points = new ArrayList<>();
    for (int day = 30; day >= 0; day--) {
      double rows = day == 0 ? 100 : 1000 + (day * 37 % 41);
      points.add(new MetricPoint("orders", "rows:t", NOW.minus(Duration.ofDays(day)).minusSeconds(600), rows));
    }
    history.append(WORKSPACE, "r", points);
    store.createMonitorIfAbsent(
        WORKSPACE,
        new MonitorDefinition(MonitoringService.monitorId("orders", "rows:t"), "orders", "rows:t", Sensitivity.MEDIUM,
            MonitorSettings.DEFAULT_MIN_HISTORY, null, NOW, null));
    WebhookSecret signing = WebhookSecret.generate();
    store.addDestination(WORKSPACE, new Destination("dest_silentsilentsilentsi", "silent", AlertDestination.Kind.GENERIC,
        URI.create("http://127.0.0.1:" + silent.getAddress().getPort() + "/"), WebhookSecret.generate(), NOW));
    store.addDestination(WORKSPACE, new Destination("dest_workingworkingworkin", "working", AlertDestination.Kind.GENERIC,
        URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/"), signing, NOW));
    SsrfGuard guard = new SsrfGuard(HostResolver.system());
    DeliveryPolicy quick = new DeliveryPolicy(2, Duration.ofSeconds(3), Duration.ofMillis(10), 2, Duration.ofMillis(50));
    AlertDelivery delivery = new AlertDelivery(new JdkHttpSender(), guard, quick, pause -> Thread.sleep(pause.toMillis()), clock);
    ExecutorService executor = Executors.newFixedThreadPool(4);
    MonitoringService service =
        new MonitoringService(
            new WorkspaceService(new DynamoDbWorkspaceStore(client, "workspaces"), clock), store, history,
            new MonitoringService.Delivery(delivery, delivery, guard), executor, clock, true);

    MonitoringService.CheckResult result = service.check(WORKSPACE, NOW);
    executor.shutdownNow();

    List<DeadLetter> letters = store.deadLetters(WORKSPACE);
    assertEquals(1, result.report().newAnomalies());
    assertEquals(1, result.delivered(), () -> "dead letters: " + letters.stream().map(DeadLetter::lastError).toList());
    assertEquals(1, result.deadLettered());
    assertEquals(1, bodies.size(), "the working destination got the alert");
    WebhookSignature.verify(headers.get(0), bodies.get(0), List.of(signing), clock);
    assertEquals(1, letters.size());
    assertEquals("dest_silentsilentsilentsi", letters.get(0).destinationId());
    assertEquals(2, letters.get(0).attempts(), "retried before giving up");
    assertTrue(letters.get(0).lastError().contains("Timeout"), letters.get(0).lastError());
  }
}
