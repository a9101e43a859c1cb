package io.flowforge.api;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for API Gateway's WebSocket management API on 127.0.0.1: it speaks the real
 * {@code POST /<stage>/@connections/{connectionId}} wire format (the message is the raw body; errors
 * are JSON with {@code x-amzn-ErrorType}), records every message per connection, answers 410 {@code
 * GoneException} for connections marked gone and 413 for messages over API Gateway's 128 KB.
 */
final class ConnectionReceiver implements AutoCloseable {
  static final String STAGE = "test";
  static final int MAX_MESSAGE_BYTES = 128 * 1024;

  /** One post as received. */
  record Post(String connectionId, String body, int status) {}

  private final HttpServer server;
  private final List<Post> posts = new CopyOnWriteArrayList<>();
  private final Set<String> gone = ConcurrentHashMap.newKeySet();

  ConnectionReceiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(2));
    server.createContext("/" + STAGE + "/@connections/", this::handle);
    server.start();
  }

  /** What a WebSocket event names as its domain: the stage endpoint is {@code <domain>/<stage>}. */
  String domainName() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  /** From now on, posts to this connection get 410 Gone, as when the client has left. */
  void markGone(String connectionId) {
    gone.add(connectionId);
  }

  /** The messages delivered (2xx) to one connection, in order. */
  List<String> delivered(String connectionId) {
    return posts.stream()
        .filter(post -> post.connectionId().equals(connectionId) && post.status() == 200)
        .map(Post::body)
        .toList();
  }

  /** Every post to one connection, delivered or not. */
  List<Post> posts(String connectionId) {
    return posts.stream().filter(post -> post.connectionId().equals(connectionId)).toList();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String path = exchange.getRequestURI().getRawPath();
    String connectionId =
        URLDecoder.decode(
            path.substring(path.lastIndexOf('/') + 1), StandardCharsets.UTF_8);
    byte[] body = exchange.getRequestBody().readAllBytes();
    int status;
    String error = null;
    if (!exchange.getRequestMethod().equals("POST")) {
      status = 405;
      error = "MethodNotAllowed";
    } else if (gone.contains(connectionId)) {
      status = 410;
      error = "GoneException";
    } else if (body.length > MAX_MESSAGE_BYTES) {
      status = 413;
      error = "PayloadTooLargeException";
    } else {
      status = 200;
    }
    posts.add(new Post(connectionId, new String(body, StandardCharsets.UTF_8), status));
    exchange.getResponseHeaders().add("x-amzn-RequestId", "receiver-" + posts.size());
    if (error == null) {
      exchange.sendResponseHeaders(200, -1);
      exchange.close();
      return;
    }
    byte[] answer = ("{\"message\":\"" + error + "\"}").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.getResponseHeaders().add("x-amzn-ErrorType", error);
    exchange.sendResponseHeaders(status, answer.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(answer);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    ((ExecutorService) server.getExecutor()).shutdownNow();
  }
}
