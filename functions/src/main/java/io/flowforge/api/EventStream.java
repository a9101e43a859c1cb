package io.flowforge.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;

/**
 * Routes whose answer is a stream of Server-Sent Events. The local server streams them as they are
 * produced; API Gateway's HTTP API cannot stream, so in AWS the handler answers the same events in
 * one body.
 */
public interface EventStream {
  /** True when the route key answers with events. */
  boolean streams(String routeKey);

  /**
   * Serves a streaming route. A failure before the first event (a bad request, a refusal) is
   * returned as an ordinary problem response and nothing is sent to the sink; otherwise everything
   * goes to the sink and the result is null.
   */
  APIGatewayV2HTTPResponse stream(APIGatewayV2HTTPEvent event, Sink sink);

  /** Where events go; the first event commits the response to a 200 event stream. */
  interface Sink {
    /**
     * Sends one event.
     *
     * @param name the event name ({@code text}, {@code tool_call}, …)
     * @param json the event data, one line of JSON
     */
    void send(String name, String json);
  }

  /** The text/event-stream framing of one event. */
  static String frame(String name, String json) {
    return "event: " + name + "\ndata: " + json + "\n\n";
  }
}
