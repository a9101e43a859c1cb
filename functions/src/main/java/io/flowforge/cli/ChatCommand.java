package io.flowforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import io.flowforge.local.demo.DemoWorkspace;
import io.flowforge.wiring.Settings;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code flowforge chat}: one message to the assistant of a running local stack, with the answer
 * streamed to the terminal as it is produced. Without {@code --conversation} it starts a new
 * conversation and prints its id, so the next message can refine the suggestion.
 */
@Command(
    name = "chat",
    mixinStandardHelpOptions = true,
    description = {
      "Ask the assistant of a running FlowForge (./flowforge up) to design something from a"
          + " workspace's datasets.",
      "Example: ./flowforge chat \"create a dimension based on product and productcategory\"",
      "then:    ./flowforge chat --conversation cv_… \"make it type 1 instead\""
    })
final class ChatCommand implements Callable<Integer> {
  private static final Duration ANSWER_TIMEOUT = Duration.ofMinutes(5);

  @Parameters(index = "0", paramLabel = "MESSAGE", description = "What to ask, in plain English.")
  String message;

  @Option(
      names = "--conversation",
      paramLabel = "ID",
      description = "Continue this conversation (default: start a new one).")
  String conversation;

  @Option(
      names = "--workspace",
      paramLabel = "ID",
      description = "Workspace id (default: the demo workspace).")
  String workspace;

  @Option(
      names = "--url",
      defaultValue = "http://127.0.0.1:8080",
      description = "Where FlowForge runs (default: ${DEFAULT-VALUE}).")
  URI url;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      description = "The dev token ./flowforge up printed (default: $FLOWFORGE_DEV_TOKEN).")
  String token;

  @Option(
      names = "--json",
      description =
          "Print the conversation id, the reply, the tool calls and the suggestion as JSON.")
  boolean json;

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @Override
  public Integer call() throws Exception {
    String bearer = token != null ? token : Settings.fromEnvironment().devToken().orElse(null);
    if (bearer == null) {
      System.err.println(
          "error: no token. Pass --token with the dev token ./flowforge up printed, or set"
              + " FLOWFORGE_DEV_TOKEN for both commands.");
      return CliSupport.INPUT_ERROR;
    }
    try {
      return chat(bearer);
    } catch (ConnectException e) {
      System.err.println(
          "error: nothing answers at "
              + url
              + ". Start FlowForge with ./flowforge up, or pass --url.");
      return 1;
    } catch (Refused e) {
      System.err.println("error (" + e.slug + "): " + e.getMessage());
      return CliSupport.INPUT_ERROR;
    }
  }

  private int chat(String bearer) throws IOException, InterruptedException {
    String workspaceId = workspace != null ? workspace : demoWorkspace(bearer);
    String base = "/api/workspaces/" + workspaceId + "/conversations";
    String conversationId =
        conversation != null ? conversation : send(bearer, "POST", base, "{}").get("id").asText();
    ObjectNode body = Json.mapper().createObjectNode().put("message", message);
    HttpResponse<Stream<String>> response =
        http.send(
            request(bearer, base + "/" + conversationId + "/messages/stream")
                .header("content-type", "application/json")
                .header("accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(),
            HttpResponse.BodyHandlers.ofLines());
    if (response.statusCode() != 200) {
      throw refused(read(String.join("\n", response.body().toList())));
    }
    JsonNode exchange = follow(response.body().iterator(), json ? null : System.out);
    if (json) {
      ObjectNode out = Json.mapper().createObjectNode();
      out.put("conversationId", conversationId);
      out.put("reply", exchange.at("/answer/text").asText());
      out.set("toolCalls", exchange.at("/answer/toolCalls"));
      out.set(
          "suggestion",
          exchange.at("/answer/suggestion").isMissingNode()
              ? null
              : exchange.at("/answer/suggestion"));
      System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(out));
    } else {
      JsonNode suggestion = exchange.at("/answer/suggestion");
      if (!suggestion.isMissingNode()) {
        System.out.println();
        System.out.println(
            "Suggestion "
                + suggestion.get("id").asText()
                + ": "
                + suggestion.get("title").asText()
                + " ("
                + suggestion.get("nodeCount").asInt()
                + " tables, "
                + suggestion.get("templateCount").asInt()
                + " generated files). Apply it in the web app or with POST "
                + base
                + "/"
                + conversationId
                + "/suggestions/"
                + suggestion.get("id").asText()
                + "/apply");
      }
      System.out.println(
          "Conversation: "
              + conversationId
              + " (continue with --conversation "
              + conversationId
              + ")");
    }
    return 0;
  }

  /**
   * Reads the events, printing progress to {@code progress} when given; returns the stored turn.
   */
  static JsonNode follow(Iterator<String> lines, PrintStream progress) {
    String event = null;
    // Claude's text arrives in many small deltas: they run on in one paragraph, which a tool call ends.
    boolean inText = false;
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("event: ")) {
        event = line.substring(7);
      } else if (line.startsWith("data: ") && event != null) {
        JsonNode data = read(line.substring(6));
        switch (event) {
          case "tool_call" -> {
            if (progress != null) {
              if (inText) {
                progress.println();
                inText = false;
              }
              progress.println(
                  "  [" + data.get("tool").asText() + ": " + data.get("status").asText() + "]");
            }
          }
          case "text" -> {
            if (progress != null) {
              if (!inText) {
                progress.println();
                inText = true;
              }
              progress.print(data.get("delta").asText());
              progress.flush();
            }
          }
          case "done" -> {
            if (progress != null) {
              progress.println();
            }
            return data;
          }
          case "error" -> throw refused(data);
          default -> {
            // suggestion: its summary is printed from the stored turn.
          }
        }
      }
    }
    throw new Refused(
        "internal",
        "The answer ended before it was complete. Retry; the conversation keeps what was stored.");
  }

  private String demoWorkspace(String bearer) throws IOException, InterruptedException {
    JsonNode items = send(bearer, "GET", "/api/workspaces", null).get("items");
    for (JsonNode item : items) {
      if (item.get("name").asText().equals(DemoWorkspace.NAME)) {
        return item.get("id").asText();
      }
    }
    throw new Refused("not-found", "There is no demo workspace here; pass --workspace ID.");
  }

  private JsonNode send(String bearer, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        request(bearer, path)
            .header("content-type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    HttpResponse<String> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    JsonNode answer = read(response.body());
    if (response.statusCode() >= 400) {
      throw refused(answer);
    }
    return answer;
  }

  private HttpRequest.Builder request(String bearer, String path) {
    return HttpRequest.newBuilder(url.resolve(path))
        .timeout(ANSWER_TIMEOUT)
        .header("authorization", "Bearer " + bearer);
  }

  private static Refused refused(JsonNode problem) {
    String type = problem.path("type").asText("about:blank");
    return new Refused(
        type.substring(type.lastIndexOf('/') + 1),
        problem.path("detail").asText(problem.toString()));
  }

  private static JsonNode read(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new Refused("bad-answer", "FlowForge answered something that is not JSON: " + text);
    }
  }

  /** A problem the server answered with, or an answer the command cannot use. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String slug;

    Refused(String slug, String detail) {
      super(detail);
      this.slug = slug;
    }
  }
}
