package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.flowforge.api.MonitoringCheckHandler;
import io.flowforge.core.Json;
import io.flowforge.local.LocalApi.Answer;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.webhooks.WebhookSecret;
import io.flowforge.webhooks.WebhookSignature;
import io.flowforge.wiring.Settings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.joda.time.DateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The whole loop on the local stack: signed daily run reports with an injected drop go in over HTTP, the
 * scheduled handler flags the drop with a likely cause, a local receiver gets a correctly signed alert, a
 * failing destination is dead-lettered without holding up the run, and a rerun changes nothing.
 */
class MonitoringCheckIT {
  static final String TOKEN = "monitoring-check-token";
  static LocalStack stack;
  static LocalApi api;
  static HttpServer receiver;
  static final List<Map<String, String>> receivedHeaders = new CopyOnWriteArrayList<>();
  static final List<byte[]> receivedBodies = new CopyOnWriteArrayList<>();

  @BeforeAll
  static void start() throws IOException {
    stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)));
    api = new LocalApi(stack.baseUri(), TOKEN);
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/alerts",
        exchange -> {
          Map<String, String> headers = new HashMap<>();
          exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.get(0)));
          receivedHeaders.add(headers);
          receivedBodies.add(exchange.getRequestBody().readAllBytes());
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.createContext(
        "/broken",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          exchange.sendResponseHeaders(500, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterAll
  static void stop() {
    receiver.stop(0);
    stack.close();
  }

  @Test
  void flagsAnInjectedDropWithACause_andSendsOneSignedAlert() throws Exception {
    String workspace = api.createWorkspace("Check loop");
    String base = "/api/workspaces/" + workspace + "/monitoring";
    String secret = api.post(base + "/secret", null).json().get("secret").asText();
    String receiverUrl = "http://127.0.0.1:" + receiver.getAddress().getPort();
    Answer good = api.post(base + "/destinations", destination("receiver", "GENERIC", receiverUrl + "/alerts"));
    Answer broken = api.post(base + "/destinations", destination("broken", "SLACK", receiverUrl + "/broken"));
    assertEquals(201, good.status(), good.text());
    assertEquals(201, broken.status(), broken.text());
    String signingSecret = good.json().get("signingSecret").asText();

    new SignedReports(stack.baseUri(), workspace, secret).dailyRunsEndingInADrop();

    String summary = runScheduledCheck();
    JsonNode anomalies = api.get(base + "/anomalies").json().get("items");
    int alertsAfterFirstRun = receivedBodies.size();
    String summaryOfRerun = runScheduledCheck();

    String monitorId = MonitoringService.monitorId("orders_daily", "rows:silver.orders");
    JsonNode drop = null;
    for (JsonNode anomaly : anomalies) {
      if (anomaly.get("monitorId").asText().equals(monitorId)) {
        drop = anomaly;
      }
    }
    assertTrue(drop != null, "the injected drop is flagged: " + anomalies + " / " + summary);
    assertEquals(SignedReports.DROPPED_ROWS, drop.at("/anomaly/actual").asLong());
    assertTrue(drop.at("/anomaly/expected").asDouble() > 900, drop.toString());
    assertTrue(drop.at("/anomaly/lower").asDouble() > 310, drop.toString());
    assertTrue(drop.at("/anomaly/causes").findValuesAsText("kind").contains("QUALITY_DROP"), drop.toString());

    assertTrue(alertsAfterFirstRun >= 1, "the local receiver got the alert");
    assertEquals(alertsAfterFirstRun, receivedBodies.size(), "a rerun of the window sends nothing again");
    assertTrue(summaryOfRerun.contains(" 0 new anomalies"), summaryOfRerun);
    boolean verifiedDrop = false;
    for (int i = 0; i < receivedBodies.size(); i++) {
      byte[] body = receivedBodies.get(i);
      WebhookSignature.verify(
          receivedHeaders.get(i), body, List.of(WebhookSecret.parse(signingSecret)), Clock.systemUTC());
      JsonNode alert = Json.mapper().readTree(body);
      assertEquals("anomaly.detected", alert.get("type").asText());
      verifiedDrop |= alert.at("/data/alertId").asText().equals(drop.get("id").asText());
    }
    assertTrue(verifiedDrop, "the drop's alert arrived, correctly signed");
    JsonNode deadLetters = api.get(base + "/dead-letters").json().get("items");
    assertTrue(deadLetters.size() >= 1, "the failing destination is dead-lettered");
    assertEquals("HTTP 500", deadLetters.get(0).get("lastError").asText());

    Answer marked = api.post(base + "/anomalies/" + drop.get("id").asText() + "/expected", null);
    assertEquals(200, marked.status(), marked.text());
    assertEquals("EXPECTED", marked.json().get("status").asText());
    JsonNode points = api.get(base + "/monitors/" + monitorId + "/series").json().get("points");
    assertTrue(points.get(points.size() - 1).get("markedExpected").asBoolean(), "the point stops training");
  }

  private static String destination(String name, String kind, String url) {
    return Json.mapper().createObjectNode().put("name", name).put("kind", kind).put("url", url).toString();
  }

  private static String runScheduledCheck() {
    ScheduledEvent event = new ScheduledEvent();
    event.setTime(DateTime.now());
    return new MonitoringCheckHandler(stack.wiring()).handleRequest(event, null);
  }
}
