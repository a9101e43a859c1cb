package io.flowforge.adapters.bedrock;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import io.flowforge.local.LocalStack;
import io.flowforge.wiring.Settings;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Claude's answer through the local stack's SSE route ({@code POST …/messages/stream}, ConverseStream) against
 * the same answer through {@code POST …/messages} (Converse), both from the Bedrock stub writing the answer at
 * the same pace, with {@code GET /api/health} as the baseline in the same run. The stack reads its Bedrock
 * settings from the environment as {@code ./flowforge up} does; the stub listens on the port of
 * {@code FLOWFORGE_BEDROCK_ENDPOINT}. The command is in {@code docs/benchmarks-assistant.md}.
 */
public final class BedrockStreamingBenchmark {
  private static final String TOKEN = "benchmark-token";
  private static final int ROUNDS = 20;
  private static final int WARMUP = 2;
  /** The model's pace: the first token after this, then one delta per gap. */
  private static final Duration FIRST_TOKEN = Duration.ofMillis(300);
  private static final Duration GAP = Duration.ofMillis(25);
  private static final int DELTAS = 40;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private BedrockStreamingBenchmark() {}

  /** Nanoseconds to the first text event and to the {@code done} event of one streamed answer. */
  private record Timing(long firstText, long done) {}

  public static void main(String[] args) throws Exception {
    BedrockSettings bedrock = Settings.bedrockFromEnvironment()
        .filter(b -> b.endpointOverride() != null && "127.0.0.1".equals(b.endpointOverride().getHost()))
        .orElseThrow(() -> new IllegalStateException(
            "Set FLOWFORGE_AI=bedrock and FLOWFORGE_BEDROCK_ENDPOINT=http://127.0.0.1:<port> (see docs/benchmarks-assistant.md)"));
    List<String> deltas = new ArrayList<>();
    for (int i = 0; i < DELTAS; i++) {
      deltas.add("word" + i + " ");
    }
    String whole = String.join("", deltas);
    try (BedrockStub stub = new BedrockStub(bedrock.endpointOverride().getPort());
        LocalStack stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)))) {
      URI base = stack.baseUri();
      String workspace = stack.demoWorkspaceId();
      send(base, "PUT", "/api/workspaces/" + workspace + "/ai-settings", "{\"messagesPerMinute\": 600}");
      long[] health = new long[ROUNDS];
      long[] firstText = new long[ROUNDS];
      long[] streamedDone = new long[ROUNDS];
      long[] wholeAnswer = new long[ROUNDS];
      for (int round = -WARMUP; round < ROUNDS; round++) {
        StreamScript stream = new StreamScript().pause(FIRST_TOKEN);
        for (String delta : deltas) {
          stream.textDelta(0, delta).pause(GAP);
        }
        stub.thenStream(stream.blockStop(0).stop("end_turn").usage(3000, 400))
            .thenTextAfter(FIRST_TOKEN.plus(GAP.multipliedBy(DELTAS)), whole, 3000, 400);
        String conversation = send(base, "POST", "/api/workspaces/" + workspace + "/conversations", "{}").get("id").asText();
        String messages = "/api/workspaces/" + workspace + "/conversations/" + conversation + "/messages";

        long h0 = System.nanoTime();
        send(base, "GET", "/api/health", null);
        long healthTime = System.nanoTime() - h0;
        Timing streamed = stream(base.resolve(messages + "/stream"), "what can you do?");
        long w0 = System.nanoTime();
        JsonNode answered = send(base, "POST", messages, "{\"message\": \"what can you do?\"}");
        long wholeTime = System.nanoTime() - w0;
        if (!answered.at("/answer/answeredBy").asText().startsWith("bedrock:")) {
          throw new IllegalStateException("the stub did not answer: " + answered);
        }
        if (round >= 0) {
          health[round] = healthTime;
          firstText[round] = streamed.firstText();
          streamedDone[round] = streamed.done();
          wholeAnswer[round] = wholeTime;
        }
      }
      long streamedRequests = stub.received().stream().filter(BedrockStub.Received::streamed).count();
      System.out.printf(Locale.ROOT, "Claude's answer (%d deltas, first after %d ms, then one per %d ms), %d rounds after %d"
          + " warm-up; %d ConverseStream and %d Converse requests reached the stub%n", DELTAS, FIRST_TOKEN.toMillis(),
          GAP.toMillis(), ROUNDS, WARMUP, streamedRequests, stub.received().size() - streamedRequests);
      System.out.printf(Locale.ROOT, "%-52s %10s %10s %10s%n", "", "p50 ms", "p90 ms", "max ms");
      row("GET /api/health (baseline)", health);
      row("SSE route: first text event (ConverseStream)", firstText);
      row("SSE route: done, answer stored (ConverseStream)", streamedDone);
      row("POST …/messages: whole answer (Converse)", wholeAnswer);
      System.out.printf(Locale.ROOT, "p50 ratios: first text / whole answer %.2f, stream done / whole answer %.2f,"
              + " first text / health %.1f%n",
          ratio(firstText, wholeAnswer), ratio(streamedDone, wholeAnswer), ratio(firstText, health));
    }
  }

  private static Timing stream(URI uri, String message) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(uri)
        .header("authorization", "Bearer " + TOKEN)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.mapper().createObjectNode().put("message", message).toString()))
        .build();
    long t0 = System.nanoTime();
    HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
    long firstText = -1;
    Iterator<String> lines = response.body().iterator();
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.equals("event: text") && firstText < 0) {
        firstText = System.nanoTime() - t0;
      }
      if (line.equals("event: done")) {
        return new Timing(firstText, System.nanoTime() - t0);
      }
      if (line.equals("event: error")) {
        throw new IllegalStateException("the answer failed: " + lines.next());
      }
    }
    throw new IllegalStateException("the stream ended without done (HTTP " + response.statusCode() + ")");
  }

  private static JsonNode send(URI base, String method, String path, String body) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
        .header("authorization", "Bearer " + TOKEN)
        .header("content-type", "application/json")
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) {
      throw new IllegalStateException(method + " " + path + " answered " + response.body());
    }
    return Json.mapper().readTree(response.body());
  }

  private static void row(String label, long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "%-52s %10.1f %10.1f %10.1f%n", label, millis(percentile(sorted, 0.50)),
        millis(percentile(sorted, 0.90)), millis(sorted[sorted.length - 1]));
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
