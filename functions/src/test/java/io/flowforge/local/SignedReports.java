package io.flowforge.local;

import io.flowforge.webhooks.WebhookSecret;
import io.flowforge.webhooks.WebhookSignature;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Posts signed run reports to a local stack the way a pipeline would, for monitoring tests. */
final class SignedReports {
  /** The injected drop's row count; the usual level is about 1,000. */
  static final long DROPPED_ROWS = 310;

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI base;
  private final String workspaceId;
  private final WebhookSecret secret;

  SignedReports(URI base, String workspaceId, String secret) {
    this.base = base;
    this.workspaceId = workspaceId;
    this.secret = WebhookSecret.parse(secret);
  }

  /**
   * Thirty days of {@code orders_daily} runs (rows of silver.orders near 1,000, quality pass rate 99 %) and
   * today's run with the rows dropped to {@link #DROPPED_ROWS} and the pass rate fallen to 72 %.
   */
  void dailyRunsEndingInADrop() throws IOException, InterruptedException {
    Instant today = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(2));
    for (int day = 30; day >= 0; day--) {
      boolean incident = day == 0;
      long rows = incident ? DROPPED_ROWS : 1000 + (day * 37 % 41);
      double passRate = incident ? 0.72 : 0.99;
      Instant start = today.minus(Duration.ofDays(day));
      String body =
          "{\"job\":\"orders_daily\",\"runId\":\"run-" + day + "\",\"startedAt\":\"" + start + "\",\"endedAt\":\""
              + start.plusSeconds(600) + "\",\"status\":\"SUCCEEDED\",\"rowCounts\":{\"silver.orders\":" + rows
              + "},\"qualityPassRates\":{\"not_null_order_id\":" + passRate + "}}";
      int status = post("msg_run_" + day, body.getBytes(StandardCharsets.UTF_8));
      if (status != 200) {
        throw new AssertionError("run report " + day + " refused with " + status);
      }
    }
  }

  int post(String webhookId, byte[] body) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve("/api/hooks/runs"))
            .header("content-type", "application/json")
            .header("x-flowforge-workspace", workspaceId)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    WebhookSignature.headers(webhookId, Instant.now(), body, List.of(secret)).forEach(request::header);
    return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
