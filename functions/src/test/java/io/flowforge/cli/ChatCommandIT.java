package io.flowforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import io.flowforge.local.LocalStack;
import io.flowforge.wiring.Settings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code flowforge chat} against a running local stack: two turns on the demo workspace, and its
 * errors.
 */
class ChatCommandIT {
  static final String TOKEN = "chat-cli-token";
  static LocalStack stack;

  @BeforeAll
  static void start() throws IOException {
    stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  /** The exit code and what the command printed. */
  record Run(int exit, String out, String err) {}

  @Test
  void answersAndRefinesInTheSameConversation_asJson() throws IOException {
    Run first =
        run(
            "chat",
            "--url",
            stack.baseUri().toString(),
            "--token",
            TOKEN,
            "--json",
            "create a dimension based on product and productcategory");
    JsonNode firstAnswer = Json.mapper().readTree(first.out());
    String conversation = firstAnswer.get("conversationId").asText();
    Run second =
        run(
            "chat",
            "--url",
            stack.baseUri().toString(),
            "--token",
            TOKEN,
            "--json",
            "--conversation",
            conversation,
            "make it type 1 instead");
    JsonNode secondAnswer = Json.mapper().readTree(second.out());

    assertEquals(0, first.exit(), first.err());
    assertEquals(2, firstAnswer.at("/suggestion/content/request/scdType").asInt());
    assertTrue(firstAnswer.get("reply").asText().contains("dim_product"), first.out());
    assertEquals(0, second.exit(), second.err());
    assertEquals(conversation, secondAnswer.get("conversationId").asText());
    assertEquals(1, secondAnswer.at("/suggestion/content/request/scdType").asInt());
  }

  @Test
  void printsToolCallsTheReplyAndHowToContinue() {
    Run run =
        run(
            "chat",
            "--url",
            stack.baseUri().toString(),
            "--token",
            TOKEN,
            "--workspace",
            stack.demoWorkspaceId(),
            "create a dimension based on product and productcategory");

    assertEquals(0, run.exit(), run.err());
    assertTrue(run.out().contains("[generate_dimensional_model: OK]"), run.out());
    assertTrue(
        run.out().contains("I'll design a Type 2 slowly changing dimension dim_product"),
        run.out());
    assertTrue(run.out().contains("Suggestion sg_"), run.out());
    assertTrue(run.out().contains("Conversation: cv_"), run.out());
  }

  @Test
  void explainsWhatIsWrong_withAWrongTokenAnEmptyMessageOrNoServer() throws IOException {
    Run wrongToken = run("chat", "--url", stack.baseUri().toString(), "--token", "nope", "hello");
    Run empty = run("chat", "--url", stack.baseUri().toString(), "--token", TOKEN, " ");
    Run unknownConversation =
        run(
            "chat",
            "--url",
            stack.baseUri().toString(),
            "--token",
            TOKEN,
            "--conversation",
            "cv_aaaaaaaaaaaaaaaaaaaa",
            "hello");
    int freePort;
    try (ServerSocket socket = new ServerSocket(0)) {
      freePort = socket.getLocalPort();
    }
    Run noServer = run("chat", "--url", "http://127.0.0.1:" + freePort, "--token", TOKEN, "hello");

    assertEquals(2, wrongToken.exit());
    assertTrue(wrongToken.err().contains("error (unauthorized)"), wrongToken.err());
    assertEquals(2, empty.exit());
    assertTrue(empty.err().contains("error (validation): The message is empty"), empty.err());
    assertEquals(2, unknownConversation.exit());
    assertTrue(unknownConversation.err().contains("error (not-found)"), unknownConversation.err());
    assertEquals(1, noServer.exit());
    assertTrue(noServer.err().contains("./flowforge up"), noServer.err());
  }

  @Test
  void documentsItselfInHelp() {
    Run help = run("chat", "--help");

    assertEquals(0, help.exit());
    assertTrue(help.out().contains("--conversation"), help.out());
    assertTrue(help.out().contains("--json"), help.out());
  }

  private static synchronized Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream capturedOut = new ByteArrayOutputStream();
    ByteArrayOutputStream capturedErr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(capturedOut, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(capturedErr, true, StandardCharsets.UTF_8));
      int exit = FlowForgeCli.execute(args);
      return new Run(
          exit,
          capturedOut.toString(StandardCharsets.UTF_8),
          capturedErr.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }
}
