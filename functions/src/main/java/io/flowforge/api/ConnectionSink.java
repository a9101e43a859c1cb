package io.flowforge.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.model.GoneException;

/**
 * Sends a conversation's events to one WebSocket connection through API Gateway's management API,
 * one message per event: {@code {"event": name, "data": <the event's JSON>}}, the names and data of
 * the Server-Sent Events stream. API Gateway refuses messages over 128 KB, so a larger event (a
 * suggestion carrying its model and SQL files) goes as numbered parts of its JSON text, {@code
 * {"event", "part", "parts", "chunk"}}, which the client joins in order and parses.
 *
 * <p>Once the connection is gone (410) or a post fails, nothing more is sent, but the answer goes on:
 * the conversation's turn is stored all the same and the client finds it by reloading.
 */
final class ConnectionSink implements EventStream.Sink {
  /** Characters of event JSON per message: even if every one were escaped, far below 128 KB. */
  static final int CHUNK_CHARS = 16_000;

  private static final Logger LOG = Logger.getLogger(ConnectionSink.class.getName());

  private final ApiGatewayManagementApiClient client;
  private final String connectionId;
  private boolean stopped;
  private boolean gone;

  ConnectionSink(ApiGatewayManagementApiClient client, String connectionId) {
    this.client = client;
    this.connectionId = connectionId;
  }

  @Override
  public void send(String name, String json) {
    for (String message : messages(name, json)) {
      if (stopped) {
        return;
      }
      post(message);
    }
  }

  /** True when API Gateway answered that the client has left. */
  boolean gone() {
    return gone;
  }

  private void post(String message) {
    try {
      client.postToConnection(
          request -> request.connectionId(connectionId).data(SdkBytes.fromUtf8String(message)));
    } catch (GoneException e) {
      stopped = true;
      gone = true;
    } catch (SdkException e) {
      stopped = true;
      LOG.log(Level.WARNING, "Stopped streaming to a connection after a failed post", e);
    }
  }

  /** The messages carrying one event: itself when small, else its JSON text in numbered parts. */
  static List<String> messages(String name, String json) {
    ObjectNode whole = Json.mapper().createObjectNode();
    whole.put("event", name);
    if (json.length() <= CHUNK_CHARS) {
      whole.set("data", parse(json));
      return List.of(whole.toString());
    }
    List<String> chunks = new ArrayList<>();
    for (int start = 0; start < json.length(); ) {
      int end = Math.min(json.length(), start + CHUNK_CHARS);
      // Never split a surrogate pair: each part must be valid UTF-16 on its own.
      if (end < json.length() && Character.isHighSurrogate(json.charAt(end - 1))) {
        end--;
      }
      chunks.add(json.substring(start, end));
      start = end;
    }
    List<String> messages = new ArrayList<>();
    for (int i = 0; i < chunks.size(); i++) {
      ObjectNode part = Json.mapper().createObjectNode();
      part.put("event", name);
      part.put("part", i + 1);
      part.put("parts", chunks.size());
      part.put("chunk", chunks.get(i));
      messages.add(part.toString());
    }
    return messages;
  }

  private static JsonNode parse(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("an event's data must be JSON", e);
    }
  }
}
