package io.flowforge.adapters.bedrock;

import static io.flowforge.adapters.bedrock.BedrockStub.quote;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * The events of one scripted ConverseStream answer, in the order the stub sends them, each in the
 * AWS event-stream framing (prelude, headers, payload, CRCs) written by the SDK's own codec and
 * flushed on its own, so the client sees them arrive one by one. Starts with {@code messageStart}.
 */
public final class StreamScript {
  /** One thing the stub does while answering: send a frame, or wait. */
  private interface Step {
    void run(OutputStream out, CountDownLatch closing) throws IOException, InterruptedException;
  }

  private final List<Step> steps = new ArrayList<>();
  private volatile Boolean gateOpened;

  public StreamScript() {
    event("messageStart", "{\"role\":\"assistant\"}");
  }

  /** A text block at {@code index} whose text arrives in these deltas. */
  public StreamScript text(int index, List<String> deltas) {
    for (String delta : deltas) {
      textDelta(index, delta);
    }
    return blockStop(index);
  }

  /** One text delta of the block at {@code index} (the block is not closed). */
  public StreamScript textDelta(int index, String delta) {
    return event(
        "contentBlockDelta",
        "{\"contentBlockIndex\":%d,\"delta\":{\"text\":%s}}".formatted(index, quote(delta)));
  }

  /**
   * A tool use block at {@code index} whose JSON input arrives in these fragments, sent as they
   * are.
   */
  public StreamScript toolUse(
      int index, String toolUseId, String tool, List<String> inputFragments) {
    event(
        "contentBlockStart",
        "{\"contentBlockIndex\":%d,\"start\":{\"toolUse\":{\"toolUseId\":%s,\"name\":%s}}}"
            .formatted(index, quote(toolUseId), quote(tool)));
    for (String fragment : inputFragments) {
      event(
          "contentBlockDelta",
          "{\"contentBlockIndex\":%d,\"delta\":{\"toolUse\":{\"input\":%s}}}"
              .formatted(index, quote(fragment)));
    }
    return blockStop(index);
  }

  public StreamScript blockStop(int index) {
    return event("contentBlockStop", "{\"contentBlockIndex\":%d}".formatted(index));
  }

  public StreamScript stop(String stopReason) {
    return event("messageStop", "{\"stopReason\":%s}".formatted(quote(stopReason)));
  }

  public StreamScript usage(int inputTokens, int outputTokens) {
    return event(
        "metadata",
        ("{\"usage\":{\"inputTokens\":%d,\"outputTokens\":%d,\"totalTokens\":%d},"
                + "\"metrics\":{\"latencyMs\":10}}")
            .formatted(inputTokens, outputTokens, inputTokens + outputTokens));
  }

  /**
   * An exception event (e.g. {@code modelStreamErrorException}, {@code throttlingException}) ends
   * the stream.
   */
  public StreamScript exception(String exceptionType, String message) {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":exception-type", HeaderValue.fromString(exceptionType));
    headers.put(":content-type", HeaderValue.fromString("application/json"));
    headers.put(":message-type", HeaderValue.fromString("exception"));
    return frame(
        new Message(
            headers, ("{\"message\":" + quote(message) + "}").getBytes(StandardCharsets.UTF_8)));
  }

  public StreamScript pause(Duration duration) {
    steps.add((out, closing) -> Thread.sleep(duration.toMillis()));
    return this;
  }

  /**
   * Sends nothing more until {@code gate} opens (or {@code max} passes): a test opens it from the
   * listener to prove a delta reached the caller while the stream was still open. {@link
   * #gateOpened()} says which.
   */
  public StreamScript waitFor(CountDownLatch gate, Duration max) {
    steps.add((out, closing) -> gateOpened = gate.await(max.toMillis(), TimeUnit.MILLISECONDS));
    return this;
  }

  /** Sends nothing more until the stub closes (the client's timeout must fire first). */
  public StreamScript hang() {
    steps.add((out, closing) -> closing.await(30, TimeUnit.SECONDS));
    return this;
  }

  /**
   * Whether the gate of {@link #waitFor} opened in time; null when the stream has not reached it.
   */
  public Boolean gateOpened() {
    return gateOpened;
  }

  private StreamScript event(String eventType, String json) {
    Map<String, HeaderValue> headers = new LinkedHashMap<>();
    headers.put(":event-type", HeaderValue.fromString(eventType));
    headers.put(":content-type", HeaderValue.fromString("application/json"));
    headers.put(":message-type", HeaderValue.fromString("event"));
    return frame(new Message(headers, json.getBytes(StandardCharsets.UTF_8)));
  }

  private StreamScript frame(Message message) {
    steps.add(
        (out, closing) -> {
          message.encode(out);
          out.flush();
        });
    return this;
  }

  /** Answers 200 with the event stream, chunked, one flush per frame. */
  void writeTo(HttpExchange exchange, CountDownLatch closing) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/vnd.amazon.eventstream");
    exchange.getResponseHeaders().add("x-amzn-RequestId", "stub-stream");
    exchange.sendResponseHeaders(200, 0);
    try (OutputStream out = exchange.getResponseBody()) {
      for (Step step : steps) {
        step.run(out, closing);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // The client went away (it timed out or gave up): nothing more to send.
    }
  }
}
