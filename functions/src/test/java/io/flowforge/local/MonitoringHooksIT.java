package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import io.flowforge.local.LocalApi.Answer;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.webhooks.WebhookSecret;
import io.flowforge.webhooks.WebhookSignature;
import io.flowforge.wiring.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Signed inbound webhooks over real HTTP on the local stack: what is stored, what is refused. */
class MonitoringHooksIT {
  static final String TOKEN = "monitoring-hooks-token";
  static LocalStack stack;
  static LocalApi api;
  final HttpClient http = HttpClient.newHttpClient();
  String workspace;
  String secret;

  @BeforeAll
  static void start() throws IOException {
    stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)));
    api = new LocalApi(stack.baseUri(), TOKEN);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @BeforeEach
  void workspaceWithSecret() {
    workspace = api.createWorkspace("Hooks " + UUID.randomUUID().toString().substring(0, 8));
    Answer created = api.post(base() + "/secret", null);
    assertEquals(201, created.status(), created.text());
    secret = created.json().get("secret").asText();
  }

  @Test
  void storesASignedRunReport_andShowsItInTheSeries() {
    Answer accepted = postRun(report("run-1", 1200), "msg_1", Instant.now(), secret);

    assertEquals(200, accepted.status(), accepted.text());
    assertEquals("STORED", accepted.json().get("result").asText());
    JsonNode monitors = api.get(base() + "/monitors").json().get("items");
    String monitorId = MonitoringService.monitorId("orders_daily", "rows:silver.orders");
    assertTrue(monitors.findValuesAsText("id").contains(monitorId), monitors.toString());
    JsonNode points = api.get(base() + "/monitors/" + monitorId + "/series").json().get("points");
    assertEquals(1, points.size());
    assertEquals(1200.0, points.get(0).get("value").asDouble());
  }

  @Test
  void refusesUnsignedBadlySignedStaleAndUnknownWorkspaceDeliveries_withTheSame401_andStoresNothing() {
    byte[] body = report("run-2", 900);
    Answer unsigned = post("/api/hooks/runs", Map.of("x-flowforge-workspace", workspace), body);
    Answer wrongSecret = postRun(body, "msg_2", Instant.now(), WebhookSecret.generate().encoded());
    Answer stale = postRun(body, "msg_3", Instant.now().minus(Duration.ofMinutes(6)), secret);
    Map<String, String> signedForOther = signed("msg_4", Instant.now(), body, secret);
    signedForOther.put("x-flowforge-workspace", "ws_aaaaaaaaaaaaaaaaaaaa");
    Answer otherWorkspace = post("/api/hooks/runs", signedForOther, body);
    Map<String, String> tampered = signed("msg_5", Instant.now(), body, secret);
    tampered.put("x-flowforge-workspace", workspace);
    Answer tamperedBody = post("/api/hooks/runs", tampered, report("run-2", 1));

    for (Answer refused : List.of(unsigned, wrongSecret, stale, otherWorkspace, tamperedBody)) {
      assertEquals(401, refused.status(), refused.text());
      assertEquals("application/problem+json", refused.contentType());
      assertEquals(unsigned.json().get("detail"), refused.json().get("detail"), "every failure reads the same");
    }
    assertEquals(0, api.get(base() + "/monitors").json().get("items").size(), "nothing stored");
  }

  @Test
  void processesADuplicateDeliveryAndARetriedRunOnce() {
    byte[] body = report("run-3", 500);
    Instant now = Instant.now();
    Answer first = postRun(body, "msg_6", now, secret);
    Answer replayed = postRun(body, "msg_6", now, secret);
    Answer retried = postRun(body, "msg_7", now, secret);

    assertEquals("STORED", first.json().get("result").asText());
    assertEquals(200, replayed.status());
    assertEquals("DUPLICATE_DELIVERY", replayed.json().get("result").asText());
    assertEquals("DUPLICATE_RUN", retried.json().get("result").asText());
    String monitorId = MonitoringService.monitorId("orders_daily", "rows:silver.orders");
    assertEquals(1, api.get(base() + "/monitors/" + monitorId + "/series").json().get("points").size());
  }

  @Test
  void refusesAnOversizedReportWith413() {
    byte[] body = new byte[256 * 1024 + 1];
    java.util.Arrays.fill(body, (byte) ' ');

    Answer answer = postRun(body, "msg_8", Instant.now(), secret);

    assertEquals(413, answer.status(), answer.text());
  }

  @Test
  void acceptsQualityResults_andAirflowAndDatabricksPayloads() {
    byte[] quality =
        ("{\"job\":\"orders_daily\",\"runId\":\"q-1\",\"checkedAt\":\"" + Instant.now() + "\","
                + "\"passRates\":{\"not_null_order_id\":0.98}}")
            .getBytes(StandardCharsets.UTF_8);
    Map<String, String> headers = signed("msg_9", Instant.now(), quality, secret);
    headers.put("x-flowforge-workspace", workspace);
    Answer qualityAnswer = post("/api/hooks/quality", headers, quality);
    Instant start = Instant.now().minus(Duration.ofMinutes(20));
    byte[] airflow =
        ("{\"dag_id\":\"customers_dag\",\"dag_run_id\":\"scheduled__1\",\"state\":\"success\",\"start_date\":\""
                + start + "\",\"end_date\":\"" + start.plusSeconds(600) + "\"}")
            .getBytes(StandardCharsets.UTF_8);
    Answer airflowAnswer = postRun(airflow, "msg_10", Instant.now(), secret);
    byte[] databricks =
        ("{\"run_id\":4711,\"run_name\":\"payments_job\",\"start_time\":" + start.toEpochMilli() + ",\"end_time\":"
                + start.plusSeconds(300).toEpochMilli()
                + ",\"state\":{\"life_cycle_state\":\"TERMINATED\",\"result_state\":\"SUCCESS\"}}")
            .getBytes(StandardCharsets.UTF_8);
    Answer databricksAnswer = postRun(databricks, "msg_11", Instant.now(), secret);

    assertEquals(200, qualityAnswer.status(), qualityAnswer.text());
    assertEquals(200, airflowAnswer.status(), airflowAnswer.text());
    assertEquals(200, databricksAnswer.status(), databricksAnswer.text());
    List<String> series = api.get(base() + "/monitors").json().get("items").findValuesAsText("metric");
    assertTrue(series.contains("quality:not_null_order_id"), series.toString());
    List<String> jobs = api.get(base() + "/monitors").json().get("items").findValuesAsText("job");
    assertTrue(jobs.contains("customers_dag") && jobs.contains("payments_job"), jobs.toString());
  }

  @Test
  void rejectsANonNumericMetricWith400_afterAuthentication() {
    byte[] body =
        ("{\"job\":\"orders_daily\",\"runId\":\"r-bad\",\"startedAt\":\"2025-05-01T02:00:00Z\","
                + "\"rowCounts\":{\"silver.orders\":\"many\"}}")
            .getBytes(StandardCharsets.UTF_8);

    Answer answer = postRun(body, "msg_12", Instant.now(), secret);

    assertEquals(400, answer.status(), answer.text());
    assertEquals(0, api.get(base() + "/monitors").json().get("items").size());
  }

  private String base() {
    return "/api/workspaces/" + workspace + "/monitoring";
  }

  private static byte[] report(String runId, long rows) {
    Instant end = Instant.now().minusSeconds(60);
    return ("{\"job\":\"orders_daily\",\"runId\":\"" + runId + "\",\"startedAt\":\"" + end.minusSeconds(600)
            + "\",\"endedAt\":\"" + end + "\",\"status\":\"SUCCEEDED\",\"rowCounts\":{\"silver.orders\":" + rows + "}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private Answer postRun(byte[] body, String webhookId, Instant at, String signingSecret) {
    Map<String, String> headers = signed(webhookId, at, body, signingSecret);
    headers.put("x-flowforge-workspace", workspace);
    return post("/api/hooks/runs", headers, body);
  }

  private static Map<String, String> signed(String id, Instant at, byte[] body, String signingSecret) {
    return new java.util.HashMap<>(WebhookSignature.headers(id, at, body, List.of(WebhookSecret.parse(signingSecret))));
  }

  private Answer post(String path, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.baseUri() + path))
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("content-type").orElse("");
      JsonNode json = type.contains("json") ? Json.mapper().readTree(response.body()) : null;
      return new Answer(response.statusCode(), json, response.body(), type);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
