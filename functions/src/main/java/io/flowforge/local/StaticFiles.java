package io.flowforge.local;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * Serves the built web app from the classpath folder {@code static/} on the API's origin. Any GET that is
 * not a file falls back to {@code index.html} so client-side routes survive a reload.
 */
final class StaticFiles {
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("map", "application/json"));

  private final String root;

  StaticFiles(String root) {
    this.root = root;
  }

  void serve(HttpExchange exchange, String rawPath, APIGatewayV2HTTPResponse notFound) throws IOException {
    String path = URLDecoder.decode(rawPath, StandardCharsets.UTF_8);
    String resource = isSafe(path) && !path.endsWith("/") ? root + path : null;
    if (resource == null || getClass().getClassLoader().getResource(resource) == null) {
      resource = root + "/index.html";
    }
    InputStream in = getClass().getClassLoader().getResourceAsStream(resource);
    if (in == null) {
      exchange.getResponseHeaders().set("content-type", "application/problem+json");
      byte[] body = notFound.getBody().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(404, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
      return;
    }
    try (in) {
      byte[] body = in.readAllBytes();
      exchange.getResponseHeaders().set("content-type", contentType(resource));
      // Vite fingerprints asset names, so they can be cached; index.html must always be revalidated.
      exchange.getResponseHeaders()
          .set("cache-control", resource.contains("/assets/") ? "public, max-age=31536000, immutable" : "no-cache");
      boolean head = exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(200, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  /** Only plain relative segments; never a way out of the folder. */
  private static boolean isSafe(String path) {
    if (!path.startsWith("/") || path.contains("\\") || path.contains("\0")) {
      return false;
    }
    for (String segment : path.substring(1).split("/")) {
      if (segment.equals("..") || segment.equals(".")) {
        return false;
      }
    }
    return true;
  }

  private static String contentType(String resource) {
    int dot = resource.lastIndexOf('.');
    String extension = dot < 0 ? "" : resource.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
