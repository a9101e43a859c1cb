package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The monitoring routes over real HTTP: configuration, secrets, destinations, tenancy and bad input. */
class MonitoringApiIT {
  static final String TOKEN = "monitoring-api-token";
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
  void configuresSensitivity_andRefusesBadValuesWithAPointer() throws Exception {
    String workspace = workspaceWithOneSeries();
    String monitor = MonitoringService.monitorId("orders_daily", "rows:silver.orders");

    Answer changed = patch(monitorPath(workspace, monitor), "{\"sensitivity\":\"HIGH\",\"country\":\"de\"}");
    Answer unknownLevel = patch(monitorPath(workspace, monitor), "{\"sensitivity\":\"EXTREME\"}");
    Answer tooShort = patch(monitorPath(workspace, monitor), "{\"minHistory\":1}");
    Answer wrongType = patch(monitorPath(workspace, monitor), "{\"minHistory\":\"ten\"}");
    Answer unknownField = patch(monitorPath(workspace, monitor), "{\"threshold\":3}");
    Answer noCalendar = patch(monitorPath(workspace, monitor), "{\"country\":\"XX\"}");
    Answer malformed = patch(monitorPath(workspace, monitor), "{\"sensitivity\":");

    assertEquals(200, changed.status(), changed.text());
    assertEquals("HIGH", changed.json().get("sensitivity").asText());
    assertEquals("DE", changed.json().get("country").asText());
    assertEquals("/sensitivity", unknownLevel.json().get("pointer").asText());
    assertEquals("/minHistory", tooShort.json().get("pointer").asText());
    assertEquals("/minHistory", wrongType.json().get("pointer").asText());
    assertEquals("/threshold", unknownField.json().get("pointer").asText());
    assertEquals("/country", noCalendar.json().get("pointer").asText());
    for (Answer refused : List.of(unknownLevel, tooShort, wrongType, unknownField, noCalendar, malformed)) {
      assertEquals(400, refused.status(), refused.text());
      assertEquals("application/problem+json", refused.contentType());
    }
    assertEquals("HIGH", monitorAsListed(workspace, monitor).get("sensitivity").asText(), "kept");
  }

  @Test
  void answersTheSame404_forAnotherWorkspacesMonitorAndUnknownOrMalformedIds() throws Exception {
    String owner = workspaceWithOneSeries();
    String other = api.createWorkspace("Other " + UUID.randomUUID().toString().substring(0, 6));
    String monitor = MonitoringService.monitorId("orders_daily", "rows:silver.orders");

    Answer crossTenant = api.get(base(other) + "/monitors/" + monitor + "/series");
    Answer notMember = api.get(base("ws_aaaaaaaaaaaaaaaaaaaa") + "/monitors");
    Answer malformed = api.get(base(owner) + "/monitors/..%2F..%2Fetc/series");
    Answer unknownAnomaly = api.post(base(owner) + "/anomalies/an_aaaaaaaaaaaaaaaaaaaa/expected", null);
    Answer unknownDestination = api.post(base(owner) + "/destinations/dest_aaaaaaaaaaaaaaaaaaaa/test", null);

    for (Answer missing : List.of(crossTenant, notMember, malformed, unknownAnomaly, unknownDestination)) {
      assertEquals(404, missing.status(), missing.text());
    }
    assertEquals(200, api.get(base(owner) + "/monitors/" + monitor + "/series").status());
  }

  @Test
  void rotatesTheSecret_keepingTheOldOneValidForTheGracePeriod() throws Exception {
    String workspace = api.createWorkspace("Rotation");
    String first = api.post(base(workspace) + "/secret", null).json().get("secret").asText();
    Answer again = api.post(base(workspace) + "/secret", null);
    Answer rotated = api.post(base(workspace) + "/secret/rotate", null);
    String second = rotated.json().get("secret").asText();

    assertEquals(409, again.status(), "a second create is refused: rotate instead");
    assertEquals(200, rotated.status(), rotated.text());
    assertNotEquals(first, second);
    assertTrue(rotated.json().hasNonNull("previousValidUntil"));
    assertEquals(200, postRun(workspace, first, "old", "r-old"), "the previous secret still verifies");
    assertEquals(200, postRun(workspace, second, "new", "r-new"));
    JsonNode status = api.get(base(workspace) + "/secret").json();
    assertTrue(status.get("configured").asBoolean());
    assertTrue(!status.has("secret"), "the status never reveals the secret");
  }

  @Test
  void refusesDestinationsThatAreNotHttpUrls_andBadRules() throws Exception {
    String workspace = workspaceWithOneSeries();
    String monitor = MonitoringService.monitorId("orders_daily", "rows:silver.orders");

    Answer ftp = api.post(base(workspace) + "/destinations", "{\"name\":\"x\",\"kind\":\"SLACK\",\"url\":\"ftp://example.com/x\"}");
    Answer kind = api.post(base(workspace) + "/destinations", "{\"name\":\"x\",\"kind\":\"EMAIL\",\"url\":\"https://example.com\"}");
    Answer credentials =
        api.post(base(workspace) + "/destinations", "{\"name\":\"x\",\"kind\":\"SLACK\",\"url\":\"http://u:p@127.0.0.1/\"}");
    Answer backwards =
        api.post(
            base(workspace) + "/rules",
            "{\"monitorId\":\"" + monitor + "\",\"kind\":\"RANGE\",\"from\":\"2025-05-10\",\"to\":\"2025-05-01\"}");
    Answer badDate =
        api.post(base(workspace) + "/rules", "{\"monitorId\":\"" + monitor + "\",\"kind\":\"DATE\",\"date\":\"May 1st\"}");
    Answer weekday =
        api.post(base(workspace) + "/rules", "{\"monitorId\":\"" + monitor + "\",\"kind\":\"WEEKDAY\",\"weekday\":\"SUNDAY\"}");

    for (Answer refused : List.of(ftp, kind, credentials, backwards, badDate)) {
      assertEquals(400, refused.status(), refused.text());
    }
    assertEquals(0, api.get(base(workspace) + "/destinations").json().get("items").size(), "nothing stored");
    assertEquals(201, weekday.status(), weekday.text());
    assertEquals("every SUNDAY", weekday.json().get("description").asText());
    assertEquals(1, monitorAsListed(workspace, monitor).get("rules").size());
  }

  @Test
  void refusesMonitoringRoutesWithoutToken() {
    assertEquals(401, api.withToken(null).get(base("ws_aaaaaaaaaaaaaaaaaaaa") + "/monitors").status());
  }

  private static JsonNode monitorAsListed(String workspace, String monitorId) {
    for (JsonNode monitor : api.get(base(workspace) + "/monitors").json().get("items")) {
      if (monitor.get("id").asText().equals(monitorId)) {
        return monitor;
      }
    }
    throw new AssertionError("monitor " + monitorId + " is not listed");
  }

  private static String workspaceWithOneSeries() throws Exception {
    String workspace = api.createWorkspace("Api " + UUID.randomUUID().toString().substring(0, 6));
    String secret = api.post(base(workspace) + "/secret", null).json().get("secret").asText();
    assertEquals(200, postRun(workspace, secret, "seed", "r-1"));
    return workspace;
  }

  private static int postRun(String workspace, String secret, String id, String runId) throws Exception {
    byte[] body =
        ("{\"job\":\"orders_daily\",\"runId\":\"" + runId + "\",\"startedAt\":\"2025-05-01T02:00:00Z\","
                + "\"endedAt\":\"2025-05-01T02:10:00Z\",\"rowCounts\":{\"silver.orders\":1000}}")
            .getBytes(StandardCharsets.UTF_8);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(stack.baseUri() + "/api/hooks/runs"))
            .header("x-flowforge-workspace", workspace)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    WebhookSignature.headers("msg_" + id, Instant.now(), body, List.of(WebhookSecret.parse(secret))).forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
  }

  private static Answer patch(String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(stack.baseUri() + path))
            .header("authorization", "Bearer " + TOKEN)
            .header("content-type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    String type = response.headers().firstValue("content-type").orElse("");
    return new Answer(response.statusCode(), Json.mapper().readTree(response.body()), response.body(), type);
  }

  private static String base(String workspace) {
    return "/api/workspaces/" + workspace + "/monitoring";
  }

  private static String monitorPath(String workspace, String monitor) {
    return base(workspace) + "/monitors/" + monitor;
  }
}
