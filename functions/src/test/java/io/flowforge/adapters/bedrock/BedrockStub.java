package io.flowforge.adapters.bedrock;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A local stand-in for Bedrock that speaks the real Converse wire format on 127.0.0.1: each test scripts
 * the answers in order, and every request body is recorded so tests can check what would have left the
 * machine. {@code POST /model/{id}/converse} answers JSON; {@code POST /model/{id}/converse-stream} answers
 * {@code application/vnd.amazon.eventstream}, framed by the SDK's own event-stream codec.
 */
public final class BedrockStub implements AutoCloseable {
  private static final String CONVERSE_STREAM = "/converse-stream";

  /**
   * One request as received.
   *
   * @param streamed whether it was a ConverseStream request
   */
  public record Received(String modelId, String body, boolean streamed) {}

  /** A scripted answer: an HTTP response, a hang, or (when {@code stream} is set) an event stream. */
  private record Scripted(
      int status, String errorType, String body, boolean hang, StreamScript stream, Duration delay) {}

  private final HttpServer server;
  private final Deque<Scripted> script = new ArrayDeque<>();
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);

  public BedrockStub() throws IOException {
    this(0);
  }

  /** A stub on this port of 127.0.0.1 (0: any free port). */
  public BedrockStub(int port) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.createContext("/model/", this::handle);
    server.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** Answers the next request with text and end_turn. */
  public BedrockStub thenText(String text, int inputTokens, int outputTokens) {
    return thenTextAfter(Duration.ZERO, text, inputTokens, outputTokens);
  }

  /** Answers the next request with text and end_turn once {@code delay} has passed (the model writing it). */
  public BedrockStub thenTextAfter(Duration delay, String text, int inputTokens, int outputTokens) {
    String body = """
        {"output":{"message":{"role":"assistant","content":[{"text":%s}]}},"stopReason":"end_turn",
         "usage":{"inputTokens":%d,"outputTokens":%d,"totalTokens":%d},"metrics":{"latencyMs":10}}
        """.formatted(quote(text), inputTokens, outputTokens, inputTokens + outputTokens);
    synchronized (script) {
      script.add(new Scripted(200, null, body, false, null, delay));
    }
    return this;
  }

  /** Answers the next request with a tool use; {@code inputJson} is sent as is, malformed or not. */
  public BedrockStub thenToolUse(String toolUseId, String tool, String inputJson, int inputTokens, int outputTokens) {
    return then(200, null, """
        {"output":{"message":{"role":"assistant","content":[{"text":"Let me check."},
         {"toolUse":{"toolUseId":%s,"name":%s,"input":%s}}]}},"stopReason":"tool_use",
         "usage":{"inputTokens":%d,"outputTokens":%d,"totalTokens":%d},"metrics":{"latencyMs":10}}
        """.formatted(quote(toolUseId), quote(tool), inputJson, inputTokens, outputTokens, inputTokens + outputTokens));
  }

  BedrockStub thenThrottle() {
    return then(429, "ThrottlingException", "{\"message\":\"Too many requests, please wait before trying again.\"}");
  }

  /** The next request gets no answer until the stub closes (the client's timeout must fire first). */
  BedrockStub thenHang() {
    synchronized (script) {
      script.add(new Scripted(0, null, null, true, null, Duration.ZERO));
    }
    return this;
  }

  private BedrockStub then(int status, String errorType, String body) {
    synchronized (script) {
      script.add(new Scripted(status, errorType, body, false, null, Duration.ZERO));
    }
    return this;
  }

  /** Answers the next ConverseStream request with these events. */
  public BedrockStub thenStream(StreamScript stream) {
    synchronized (script) {
      script.add(new Scripted(200, null, null, false, stream, Duration.ZERO));
    }
    return this;
  }

  /** Answers the next ConverseStream request with text in these deltas, then end_turn and the usage. */
  public BedrockStub thenStreamedText(List<String> deltas, int inputTokens, int outputTokens) {
    return thenStream(new StreamScript().text(0, deltas).stop("end_turn").usage(inputTokens, outputTokens));
  }

  /**
   * Answers the next ConverseStream request with "Let me check." and a tool use whose input arrives in
   * these fragments (sent as they are, malformed or not), then tool_use and the usage.
   */
  public BedrockStub thenStreamedToolUse(
      String toolUseId, String tool, List<String> inputFragments, int inputTokens, int outputTokens) {
    return thenStream(new StreamScript()
        .text(0, List.of("Let me ", "check."))
        .toolUse(1, toolUseId, tool, inputFragments)
        .stop("tool_use")
        .usage(inputTokens, outputTokens));
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String encodedId = path.substring("/model/".length(), path.lastIndexOf('/'));
    boolean streamed = path.endsWith(CONVERSE_STREAM);
    received.add(new Received(URLDecoder.decode(encodedId, StandardCharsets.UTF_8), body, streamed));
    Scripted next;
    synchronized (script) {
      next = script.poll();
    }
    if (next == null) {
      next = problem("the stub has no scripted answer left");
    } else if (next.stream() != null && !streamed) {
      next = problem("the stub scripted a stream, but this request is not ConverseStream");
    } else if (next.stream() == null && next.status() == 200 && streamed) {
      next = problem("the stub scripted a Converse answer, but this request is ConverseStream");
    }
    if (next.hang()) {
      try {
        closing.await(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      exchange.close();
      return;
    }
    if (next.stream() != null) {
      next.stream().writeTo(exchange, closing);
      return;
    }
    if (!next.delay().isZero()) {
      try {
        Thread.sleep(next.delay().toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] bytes = next.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("x-amzn-RequestId", "stub-" + received.size());
    if (next.errorType() != null) {
      exchange.getResponseHeaders().add("x-amzn-ErrorType", next.errorType());
    }
    exchange.sendResponseHeaders(next.status(), bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static Scripted problem(String message) {
    return new Scripted(
        500, "InternalServerException", "{\"message\":" + quote(message) + "}", false, null, Duration.ZERO);
  }

  static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }
}
