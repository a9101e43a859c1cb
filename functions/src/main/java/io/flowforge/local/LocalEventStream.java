package io.flowforge.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import io.flowforge.api.EventStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Streams a route's Server-Sent Events to the client as they are produced, which API Gateway's HTTP
 * API cannot do: the first event sends the 200 headers, each event is flushed as one chunk.
 */
final class LocalEventStream implements EventStream.Sink {
  private final HttpExchange exchange;
  private OutputStream out;
  private boolean clientGone;

  private LocalEventStream(HttpExchange exchange) {
    this.exchange = exchange;
  }

  /**
   * Serves the route. Returns the handler's problem response when it failed before the first event
   * (the caller writes it as usual), or null when the events were streamed.
   */
  static APIGatewayV2HTTPResponse serve(
      HttpExchange exchange, EventStream handler, APIGatewayV2HTTPEvent event) throws IOException {
    LocalEventStream stream = new LocalEventStream(exchange);
    APIGatewayV2HTTPResponse problem = handler.stream(event, stream);
    if (problem != null) {
      return problem;
    }
    if (stream.out != null) {
      stream.out.close();
    }
    return null;
  }

  @Override
  public void send(String name, String json) {
    if (clientGone) {
      return;
    }
    try {
      if (out == null) {
        exchange.getResponseHeaders().set("content-type", "text/event-stream; charset=utf-8");
        exchange.getResponseHeaders().set("cache-control", "no-store");
        exchange.sendResponseHeaders(200, 0);
        out = exchange.getResponseBody();
      }
      out.write(EventStream.frame(name, json).getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // The client left; the answer is still completed and stored, so it is in the conversation on
      // reload.
      clientGone = true;
    }
  }
}
