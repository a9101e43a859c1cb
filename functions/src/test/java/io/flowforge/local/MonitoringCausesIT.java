package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.api.MonitoringCheckHandler;
import io.flowforge.core.Json;
import io.flowforge.local.LocalApi.Answer;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.webhooks.WebhookSecret;
import io.flowforge.webhooks.WebhookSignature;
import io.flowforge.wiring.Settings;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.joda.time.DateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upstream jobs and schema changes as likely causes, through the signed hooks route and the
 * scheduled check on the local stack: a downstream job's rows drop after its upstream job failed,
 * ran late, or after a column was removed from the table it writes, and the recorded anomaly names
 * that cause. Declarations through the upstream route refuse self-dependencies, cycles and
 * oversized lists.
 */
class MonitoringCausesIT {
  static final String TOKEN = "monitoring-causes-token";
  static final long DROPPED_ROWS = 310;
  static LocalStack stack;
  static LocalApi api;
  static final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws IOException {
    stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)));
    api = new LocalApi(stack.baseUri(), TOKEN);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void aFailedUpstreamRun_isTheTopCauseOfTheDownstreamDrop() throws Exception {
    Workspace workspace = workspace("Upstream failed");
    Instant base = todaysDownstreamStart();
    for (int day = 30; day >= 0; day--) {
      Instant start = base.minus(Duration.ofDays(day)).minus(Duration.ofHours(2));
      String status = day == 0 ? "FAILED" : "SUCCEEDED";
      workspace.report(
          run(
              "ingest_raw",
              "u-" + day,
              start,
              start.plus(Duration.ofMinutes(30)),
              status,
              5000,
              ""));
      workspace.report(downstream(day, base, ""));
    }

    JsonNode drop = runCheckAndFindDrop(workspace.id, "orders_daily", "rows:silver.orders");

    JsonNode top = drop.at("/anomaly/causes/0");
    assertEquals("UPSTREAM_FAILED", top.get("kind").asText(), drop.toString());
    assertTrue(top.get("explanation").asText().contains("ingest_raw"), top.toString());
    JsonNode job = jobNamed(workspace.id, "orders_daily");
    assertEquals(
        List.of("ingest_raw"), Json.mapper().convertValue(job.get("upstream"), List.class));
    assertEquals("report", job.get("upstreamSource").asText());
    assertEquals("run-0", job.at("/lastRun/runId").asText());
  }

  @Test
  void anUpstreamRunFinishingLate_isTheTopCause_withItsMinutesLate() throws Exception {
    Workspace workspace = workspace("Upstream late");
    Instant base = todaysDownstreamStart();
    for (int day = 30; day >= 0; day--) {
      // Usually four hours before the downstream job for 30 min; today three hours later than that.
      Instant start = base.minus(Duration.ofDays(day)).minus(Duration.ofHours(day == 0 ? 1 : 4));
      workspace.report(
          run(
              "ingest_raw",
              "u-" + day,
              start,
              start.plus(Duration.ofMinutes(30)),
              "SUCCEEDED",
              5000,
              ""));
      workspace.report(downstream(day, base, ""));
    }

    JsonNode drop = runCheckAndFindDrop(workspace.id, "orders_daily", "rows:silver.orders");

    JsonNode top = drop.at("/anomaly/causes/0");
    assertEquals("UPSTREAM_LATE", top.get("kind").asText(), drop.toString());
    assertTrue(
        top.get("explanation").asText().contains("ingest_raw finished 180 min later"),
        top.toString());
  }

  @Test
  void aRemovedColumn_appearsAsASchemaChange_namingTableAndColumn() throws Exception {
    Workspace workspace = workspace("Schema change");
    Instant base = todaysDownstreamStart();
    for (int day = 30; day >= 0; day--) {
      String columns =
          "\"customer_id\":\"bigint\",\"email\":\"string\""
              + (day == 0 ? "" : ",\"region\":\"string\"");
      String schemas = ",\"schemas\":{\"silver.orders\":{" + columns + "}}";
      workspace.report(
          downstream(day, base, schemas).replace(",\"upstream\":[\"ingest_raw\"]", ""));
    }

    JsonNode drop = runCheckAndFindDrop(workspace.id, "orders_daily", "rows:silver.orders");

    List<JsonNode> changes = causes(drop, "SCHEMA_CHANGE");
    assertEquals(1, changes.size(), drop.toString());
    String text = changes.get(0).get("explanation").asText();
    assertTrue(text.contains("silver.orders") && text.contains("removed region"), text);
  }

  @Test
  void declaresUpstreamJobs_refusingSelfDependencyCyclesAndOversizedLists() throws Exception {
    Workspace workspace = workspace("Declarations");
    String jobs = "/api/workspaces/" + workspace.id + "/monitoring/jobs/";
    String hostile = "x'; DROP TABLE jobs;-- {{7*7}} <script>";

    assertEquals(200, api.putJson(jobs + "a/upstream", "{\"upstream\":[\"b\"]}").status());
    assertEquals(
        200,
        api.putJson(jobs + "b/upstream", "{\"upstream\":[\"c\",\"" + hostile + "\"]}").status());
    Answer cycle = api.putJson(jobs + "c/upstream", "{\"upstream\":[\"a\"]}");
    Answer self = api.putJson(jobs + "a/upstream", "{\"upstream\":[\"a\"]}");
    String many =
        IntStream.range(0, 51).mapToObj(i -> "\"u" + i + "\"").collect(Collectors.joining(","));
    Answer tooMany = api.putJson(jobs + "a/upstream", "{\"upstream\":[" + many + "]}");
    Answer missing = api.putJson(jobs + "a/upstream", "{}");
    Answer wrongType = api.putJson(jobs + "a/upstream", "{\"upstream\":\"b\"}");
    Answer malformed = api.putJson(jobs + "a/upstream", "{\"upstream\":[");
    Answer otherWorkspace =
        api.putJson(
            "/api/workspaces/ws_aaaaaaaaaaaaaaaaaaaa/monitoring/jobs/a/upstream",
            "{\"upstream\":[]}");
    Answer otherList = api.get("/api/workspaces/ws_aaaaaaaaaaaaaaaaaaaa/monitoring/jobs");

    assertEquals(422, cycle.status(), cycle.text());
    assertTrue(cycle.json().get("detail").asText().contains("c -> a -> b -> c"), cycle.text());
    assertEquals(400, self.status(), self.text());
    assertTrue(self.json().get("detail").asText().contains("cannot depend on itself"), self.text());
    for (Answer bad : List.of(tooMany, missing, wrongType, malformed)) {
      assertEquals(400, bad.status(), bad.text());
      assertEquals("application/problem+json", bad.contentType(), bad.text());
    }
    assertEquals(404, otherWorkspace.status(), otherWorkspace.text());
    assertEquals(404, otherList.status(), otherList.text());

    Answer hostileJob =
        api.putJson(
            jobs
                + URLEncoder.encode(hostile, StandardCharsets.UTF_8).replace("+", "%20")
                + "/upstream",
            "{\"upstream\":[\"c\"]}");
    assertEquals(200, hostileJob.status(), hostileJob.text());
    assertEquals(hostile, hostileJob.json().get("job").asText(), "the name is kept as data");
    assertEquals(
        List.of("c", hostile),
        Json.mapper().convertValue(jobNamed(workspace.id, "b").get("upstream"), List.class));
    JsonNode listed =
        api.get("/api/workspaces/" + workspace.id + "/monitoring/jobs").json().get("items");
    assertEquals(
        List.of("a", "b", hostile),
        listed.findValuesAsText("job"),
        "the refused declaration stored nothing");
  }

  @Test
  void refusesReportsThatWouldCloseACycleOrCarryOversizedSchemas_storingNothing() throws Exception {
    Workspace workspace = workspace("Refused reports");
    String jobs = "/api/workspaces/" + workspace.id + "/monitoring/jobs/";
    assertEquals(
        200,
        api.putJson(jobs + "ingest_raw/upstream", "{\"upstream\":[\"orders_daily\"]}").status());
    Instant base = todaysDownstreamStart();
    String tables =
        IntStream.range(0, 51)
            .mapToObj(i -> "\"t" + i + "\":{\"c\":\"int\"}")
            .collect(Collectors.joining(","));

    Answer cyclic = workspace.send(downstream(0, base, ""));
    Answer oversized =
        workspace.send(
            downstream(0, base, ",\"schemas\":{" + tables + "}")
                .replace(",\"upstream\":[\"ingest_raw\"]", ""));

    assertEquals(422, cyclic.status(), cyclic.text());
    assertTrue(cyclic.text().contains("orders_daily -> ingest_raw -> orders_daily"), cyclic.text());
    assertEquals(400, oversized.status(), oversized.text());
    String monitors = api.get("/api/workspaces/" + workspace.id + "/monitoring/monitors").text();
    assertTrue(!monitors.contains("orders_daily"), "no series from a refused report: " + monitors);
    JsonNode listed =
        api.get("/api/workspaces/" + workspace.id + "/monitoring/jobs").json().get("items");
    assertEquals(1, listed.size(), listed.toString());
    assertTrue(listed.get(0).path("lastRun").isNull(), listed.toString());
  }

  // ---- helpers

  /**
   * Today's downstream run starts an hour ago, so every report is in the past whatever the time of
   * day.
   */
  private static Instant todaysDownstreamStart() {
    return Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofHours(1));
  }

  /** {@code orders_daily}, depending on ingest_raw: rows near 1,000, dropped today. */
  private static String downstream(int day, Instant base, String extra) {
    Instant start = base.minus(Duration.ofDays(day));
    long rows = day == 0 ? DROPPED_ROWS : 1000 + (day * 37 % 41);
    return run(
        "orders_daily",
        "run-" + day,
        start,
        start.plus(Duration.ofMinutes(10)),
        "SUCCEEDED",
        rows,
        ",\"upstream\":[\"ingest_raw\"]" + extra);
  }

  private static String run(
      String job,
      String runId,
      Instant start,
      Instant end,
      String status,
      long rows,
      String extra) {
    String table = job.equals("orders_daily") ? "silver.orders" : "bronze.raw";
    return "{\"job\":\""
        + job
        + "\",\"runId\":\""
        + runId
        + "\",\"startedAt\":\""
        + start
        + "\",\"endedAt\":\""
        + end
        + "\",\"status\":\""
        + status
        + "\",\"rowCounts\":{\""
        + table
        + "\":"
        + rows
        + "}"
        + extra
        + "}";
  }

  private static JsonNode runCheckAndFindDrop(String workspaceId, String job, String metric) {
    ScheduledEvent event = new ScheduledEvent();
    event.setTime(DateTime.now());
    String summary = new MonitoringCheckHandler(stack.wiring()).handleRequest(event, null);
    String monitorId = MonitoringService.monitorId(job, metric);
    JsonNode anomalies =
        api.get("/api/workspaces/" + workspaceId + "/monitoring/anomalies").json().get("items");
    for (JsonNode anomaly : anomalies) {
      if (anomaly.get("monitorId").asText().equals(monitorId)) {
        assertEquals(DROPPED_ROWS, anomaly.at("/anomaly/actual").asLong());
        return anomaly;
      }
    }
    throw new AssertionError("the drop is not flagged: " + anomalies + " / " + summary);
  }

  private static List<JsonNode> causes(JsonNode anomaly, String kind) {
    List<JsonNode> found = new java.util.ArrayList<>();
    anomaly
        .at("/anomaly/causes")
        .forEach(
            cause -> {
              if (cause.get("kind").asText().equals(kind)) {
                found.add(cause);
              }
            });
    return found;
  }

  private static JsonNode jobNamed(String workspaceId, String name) {
    for (JsonNode job :
        api.get("/api/workspaces/" + workspaceId + "/monitoring/jobs").json().get("items")) {
      if (job.get("job").asText().equals(name)) {
        return job;
      }
    }
    throw new AssertionError("job " + name + " is not listed");
  }

  private static Workspace workspace(String name) {
    String id = api.createWorkspace(name + " " + UUID.randomUUID().toString().substring(0, 6));
    String secret =
        api.post("/api/workspaces/" + id + "/monitoring/secret", null)
            .json()
            .get("secret")
            .asText();
    return new Workspace(id, WebhookSecret.parse(secret));
  }

  /** A workspace with its webhook secret, posting signed run reports. */
  private record Workspace(String id, WebhookSecret secret) {
    void report(String body) throws IOException, InterruptedException {
      Answer answer = send(body);
      if (answer.status() != 200) {
        throw new AssertionError("run report refused: " + answer.text() + " / " + body);
      }
    }

    Answer send(String json) throws IOException, InterruptedException {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      HttpRequest.Builder request =
          HttpRequest.newBuilder(stack.baseUri().resolve("/api/hooks/runs"))
              .header("content-type", "application/json")
              .header("x-flowforge-workspace", id)
              .POST(HttpRequest.BodyPublishers.ofByteArray(body));
      WebhookSignature.headers("msg_" + UUID.randomUUID(), Instant.now(), body, List.of(secret))
          .forEach(request::header);
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String type = response.headers().firstValue("content-type").orElse("");
      return new Answer(
          response.statusCode(),
          type.contains("json") ? Json.mapper().readTree(response.body()) : null,
          response.body(),
          type);
    }
  }
}
