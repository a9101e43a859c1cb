package io.flowforge.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Delivers alerts to a real HTTP receiver on 127.0.0.1 that fails, stalls or verifies signatures. */
class AlertDeliveryIT {
  private HttpServer server;
  private final AtomicInteger failuresLeft = new AtomicInteger();
  private final AtomicInteger requests = new AtomicInteger();
  private final List<String> verifiedIds = Collections.synchronizedList(new ArrayList<>());
  private final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
  private final WebhookSecret secret = WebhookSecret.generate();
  private volatile int failureStatus = 500;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/hook",
        exchange -> {
          requests.incrementAndGet();
          byte[] body = exchange.getRequestBody().readAllBytes();
          int status = failuresLeft.getAndDecrement() > 0 ? failureStatus : 204;
          if (status == 204) {
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            if (headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("webhook-signature"))) {
              verifiedIds.add(WebhookSignature.verify(headers, body, List.of(secret), Clock.systemUTC()).id());
            }
          }
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.createContext(
        "/slow",
        exchange -> {
          requests.incrementAndGet();
          try {
            Thread.sleep(2000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  private AlertDelivery delivery(DeliveryPolicy policy) {
    return new AlertDelivery(new JdkHttpSender(), new SsrfGuard(HostResolver.system()), policy, waits::add, Clock.systemUTC());
  }

  private AlertDestination generic(String path) {
    return new AlertDestination("dest-1", AlertDestination.Kind.GENERIC, url(path), List.of(secret));
  }

  @Test
  void retriesServerErrorsWithBackoff_thenDeliversASignedPayload() throws Exception {
    failuresLeft.set(2);
    AlertDelivery.Outcome outcome = delivery(DeliveryPolicy.standard()).deliver(generic("/hook"), AlertFixtures.volumeDrop(), true);

    assertTrue(outcome.delivered());
    assertEquals(3, outcome.attempts());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(4)), waits);
    assertEquals(List.of("msg_al-1_dest-1"), verifiedIds);
  }

  @Test
  void deadLettersAfterTheLastAttempt() throws Exception {
    failuresLeft.set(100);
    AlertDelivery.Outcome outcome = delivery(DeliveryPolicy.standard()).deliver(generic("/hook"), AlertFixtures.volumeDrop(), true);

    assertFalse(outcome.delivered());
    DeadLetter letter = outcome.deadLetter().orElseThrow();
    assertEquals(4, letter.attempts());
    assertEquals("HTTP 500", letter.lastError());
    assertEquals(4, requests.get());
  }

  @Test
  void givesUpAtOnceOnClientErrors() throws Exception {
    failuresLeft.set(100);
    failureStatus = 404;
    AlertDelivery.Outcome outcome = delivery(DeliveryPolicy.standard()).deliver(generic("/hook"), AlertFixtures.volumeDrop(), true);
    assertEquals(1, outcome.attempts());
    assertEquals("HTTP 404", outcome.deadLetter().orElseThrow().lastError());
  }

  @Test
  void boundsEachAttemptByTheTimeout() throws Exception {
    DeliveryPolicy quick = new DeliveryPolicy(2, Duration.ofMillis(200), Duration.ofMillis(10), 2, Duration.ofMillis(20));
    AlertDelivery.Outcome outcome = delivery(quick).deliver(generic("/slow"), AlertFixtures.volumeDrop(), true);
    assertFalse(outcome.delivered());
    assertTrue(outcome.deadLetter().orElseThrow().lastError().contains("Timeout"), outcome.deadLetter().orElseThrow().lastError());
  }

  @Test
  void sendsNothingToLoopback_forANonLocalWorkspace() throws Exception {
    AlertDelivery.Outcome outcome = delivery(DeliveryPolicy.standard()).deliver(generic("/hook"), AlertFixtures.volumeDrop(), false);
    assertFalse(outcome.delivered());
    assertEquals(0, requests.get());
    assertTrue(outcome.deadLetter().orElseThrow().lastError().contains("https"));
  }

  @Test
  void deliversSlackPayloadsUnsigned() throws Exception {
    AlertDestination slack = new AlertDestination("slack-1", AlertDestination.Kind.SLACK, url("/hook"), List.of());
    assertTrue(delivery(DeliveryPolicy.standard()).deliver(slack, AlertFixtures.volumeDrop(), true).delivered());
    assertTrue(verifiedIds.isEmpty());
  }
}
