package io.flowforge.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import io.flowforge.local.LocalStack;
import io.flowforge.wiring.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Time to the first streamed event and to the whole stored answer of {@code POST …/messages/stream}
 * on the local stack over HTTP, against {@code GET /api/health} measured in the same run. Run with
 * {@code mvn -B -q -o -pl frontend,functions test-compile exec:java
 * -Dexec.mainClass=io.flowforge.conversation.ChatStreamingBenchmark -Dexec.classpathScope=test}.
 */
public final class ChatStreamingBenchmark {
  private static final String TOKEN = "benchmark-token";
  private static final int QUICK_ROUNDS = 200;
  private static final int FULL_ROUNDS = 15;
  private static final int WARMUP = 3;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ChatStreamingBenchmark() {}

  /** Nanoseconds to the first event and to the {@code done} event of one streamed answer. */
  private record Timing(long firstEvent, long done) {}

  public static void main(String[] args) throws Exception {
    try (LocalStack stack =
        LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)))) {
      URI base = stack.baseUri();
      String workspace = stack.demoWorkspaceId();
      // The benchmark sends far more than the default 20 messages a minute.
      send(
          base,
          "PUT",
          "/api/workspaces/" + workspace + "/ai-settings",
          "{\"messagesPerMinute\": 600}");
      System.out.printf(Locale.ROOT, "%-58s %10s %10s %10s%n", "", "p50 ms", "p90 ms", "max ms");
      measure(base, workspace, "what can you do?", QUICK_ROUNDS);
      measure(
          base, workspace, "create a dimension based on product and productcategory", FULL_ROUNDS);
    }
  }

  private static void measure(URI base, String workspace, String message, int rounds)
      throws Exception {
    long[] health = new long[rounds];
    long[] first = new long[rounds];
    long[] done = new long[rounds];
    for (int round = -WARMUP; round < rounds; round++) {
      String conversation =
          send(base, "POST", "/api/workspaces/" + workspace + "/conversations", "{}")
              .get("id")
              .asText();
      long h0 = System.nanoTime();
      send(base, "GET", "/api/health", null);
      long healthTime = System.nanoTime() - h0;
      Timing timing = stream(base, workspace, conversation, message);
      if (round >= 0) {
        health[round] = healthTime;
        first[round] = timing.firstEvent();
        done[round] = timing.done();
      }
    }
    System.out.println("\"" + message + "\" (" + rounds + " rounds after " + WARMUP + " warm-up)");
    row("  GET /api/health (baseline)", health);
    row("  stream: first event", first);
    row("  stream: done (answer stored)", done);
    System.out.printf(
        Locale.ROOT,
        "  ratio to health p50: first event %.1fx, done %.1fx%n",
        ratio(first, health),
        ratio(done, health));
  }

  private static Timing stream(URI base, String workspace, String conversation, String message)
      throws IOException, InterruptedException {
    String body = Json.mapper().createObjectNode().put("message", message).toString();
    HttpRequest request =
        HttpRequest.newBuilder(
                base.resolve(
                    "/api/workspaces/"
                        + workspace
                        + "/conversations/"
                        + conversation
                        + "/messages/stream"))
            .header("authorization", "Bearer " + TOKEN)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    long t0 = System.nanoTime();
    HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
    long firstEvent = -1;
    Iterator<String> lines = response.body().iterator();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("event: ") && firstEvent < 0) {
        firstEvent = System.nanoTime() - t0;
      }
      if (line.equals("event: done")) {
        lines.next();
        return new Timing(firstEvent, System.nanoTime() - t0);
      }
      if (line.equals("event: error")) {
        throw new IllegalStateException("the answer failed: " + lines.next());
      }
    }
    throw new IllegalStateException(
        "the stream ended without done (HTTP " + response.statusCode() + ")");
  }

  private static JsonNode send(URI base, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path))
            .header("authorization", "Bearer " + TOKEN)
            .header("content-type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      throw new IllegalStateException(method + " " + path + " answered " + response.body());
    }
    return Json.mapper().readTree(response.body());
  }

  private static void row(String label, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%-58s %10.2f %10.2f %10.2f%n",
        label,
        millis(percentile(sorted, 0.50)),
        millis(percentile(sorted, 0.90)),
        millis(sorted[sorted.length - 1]));
  }

  private static double ratio(long[] measured, long[] baseline) {
    long[] a = measured.clone();
    long[] b = baseline.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    return (double) percentile(a, 0.5) / percentile(b, 0.5);
  }

  private static long percentile(long[] sorted, double p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
  }

  private static double millis(long nanos) {
    return nanos / 1_000_000.0;
  }
}
