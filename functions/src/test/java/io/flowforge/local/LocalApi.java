package io.flowforge.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** A small HTTP client for tests that talk to a running local stack the way the web app does. */
final class LocalApi {
  private final HttpClient client = HttpClient.newHttpClient();
  private final URI base;
  private final String token;

  /** An answer: status, parsed JSON body (or null when empty) and the raw text. */
  record Answer(int status, JsonNode json, String text, String contentType) {}

  LocalApi(URI base, String token) {
    this.base = base;
    this.token = token;
  }

  LocalApi withToken(String other) {
    return new LocalApi(base, other);
  }

  Answer get(String path) {
    return send(request(path).GET());
  }

  Answer delete(String path) {
    return send(request(path).DELETE());
  }

  Answer post(String path, String json) {
    return send(
        request(path)
            .header("content-type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json)));
  }

  Answer put(String absoluteUrl, byte[] body) {
    return send(HttpRequest.newBuilder(URI.create(absoluteUrl)).PUT(HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  Answer putJson(String path, String json) {
    return send(
        request(path).header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Answer method(String method, String path) {
    return send(request(path).method(method, HttpRequest.BodyPublishers.noBody()));
  }

  /** Creates a workspace and returns its id. */
  String createWorkspace(String name) {
    Answer answer = post("/api/workspaces", "{\"name\":\"" + name + "\"}");
    if (answer.status() != 201) {
      throw new AssertionError("workspace not created: " + answer.text());
    }
    return answer.json().get("id").asText();
  }

  /** Registers, uploads and completes a dataset; returns the answer to complete. */
  Answer upload(String workspaceId, String name, String format, byte[] content) {
    Answer created = register(workspaceId, name, name + "." + format, format, content.length);
    if (created.status() != 201) {
      return created;
    }
    Answer put = put(created.json().at("/upload/url").asText(), content);
    if (put.status() != 200) {
      throw new AssertionError("upload refused: " + put.text());
    }
    return post(datasetPath(workspaceId, created.json().at("/dataset/id").asText()) + "/complete", null);
  }

  Answer register(String workspaceId, String name, String fileName, String format, long size) {
    return post(
        "/api/workspaces/" + workspaceId + "/datasets",
        Json.mapper().createObjectNode().put("name", name).put("fileName", fileName).put("format", format)
            .put("sizeBytes", size).toString());
  }

  static String datasetPath(String workspaceId, String datasetId) {
    return "/api/workspaces/" + workspaceId + "/datasets/" + datasetId;
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path));
    if (token != null) {
      builder.header("authorization", "Bearer " + token);
    }
    return builder;
  }

  private Answer send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      String text = response.body();
      String type = response.headers().firstValue("content-type").orElse("");
      JsonNode json = text.isEmpty() || !type.contains("json") ? null : Json.mapper().readTree(text);
      return new Answer(response.statusCode(), json, text, type);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
