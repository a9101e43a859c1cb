package io.flowforge.adapters.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.assistant.AssistantReply;
import io.flowforge.assistant.CatalogTools;
import io.flowforge.assistant.ConversationState;
import io.flowforge.assistant.OfflineArchitect;
import io.flowforge.assistant.ReplyListener;
import io.flowforge.assistant.ToolCatalog;
import io.flowforge.assistant.ToolContext;
import io.flowforge.assistant.ToolOutcome;
import io.flowforge.assistant.ToolRegistry;
import io.flowforge.assistant.WorkspaceCatalog;
import io.flowforge.assistant.WorkspaceCatalog.Column;
import io.flowforge.assistant.WorkspaceCatalog.Table;
import io.flowforge.core.Json;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Claude on Bedrock answering through ConverseStream, against the local stub's event-stream answers: text
 * deltas reach the listener while the stream is still open, tool inputs are put together from their
 * fragments, usage comes from the metadata event, and every failure falls back with the notice.
 */
class BedrockStreamingIT {
  private static final String EMAIL = "jane.canary@example.com";
  private static final String CARD = "4111 1111 1111 1111";
  private static final String PERSON = "Zelda Canaryweather";
  private static final AwsCredentialsProvider CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDLOCALSTUB", "local-stub-secret"));

  private BedrockStub stub;
  private BedrockRuntimeClient client;
  private BedrockRuntimeAsyncClient streamingClient;

  @BeforeEach
  void startStub() throws Exception {
    stub = new BedrockStub();
  }

  @AfterEach
  void stopStub() {
    closeClients();
    stub.close();
  }

  private void closeClients() {
    if (client != null) {
      client.close();
      streamingClient.close();
      client = null;
    }
  }

  private BedrockArchitect architect(BedrockSettings settings) {
    BedrockSettings local = settings.withEndpoint(stub.endpoint());
    client = BedrockClients.create(local, CREDENTIALS);
    streamingClient = BedrockClients.createStreaming(local, CREDENTIALS);
    ToolRegistry registry = CatalogTools.register(new ToolRegistry(ToolCatalog.standard()));
    return new BedrockArchitect(client, streamingClient, local, registry);
  }

  private static BedrockSettings fast() {
    return BedrockSettings.defaults()
        .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20))
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5));
  }

  private static WorkspaceCatalog catalog(boolean allowSamples) {
    return new WorkspaceCatalog("ws-it", List.of(
        new Table("product", 15_247, List.of(
            new Column("ProductID", "INTEGER", 15_247, 0, List.of("680", "706")),
            new Column("Color", "VARCHAR", 9, 0.1, List.of("Chartreuse", "Black")))),
        new Table("customer", 847, List.of(
            new Column("CustomerID", "INTEGER", 847, 0, List.of("1")),
            new Column("FirstName", "VARCHAR", 400, 0, List.of(PERSON)),
            new Column("EmailAddress", "VARCHAR", 847, 0, List.of(EMAIL)),
            new Column("Notes", "VARCHAR", 800, 0.5, List.of("paid with " + CARD + ", mail " + EMAIL))))),
        allowSamples);
  }

  /** Records what the listener hears, in order, and opens a gate at the first piece of text. */
  private static final class Heard implements ReplyListener {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final CountDownLatch firstText = new CountDownLatch(1);

    @Override
    public void onText(String text) {
      events.add("text: " + text);
      firstText.countDown();
    }

    @Override
    public void onToolCall(ToolOutcome outcome) {
      events.add("tool: " + outcome.tool() + " " + outcome.status());
    }

    String text() {
      StringBuilder all = new StringBuilder();
      events.stream().filter(e -> e.startsWith("text: ")).forEach(e -> all.append(e.substring(6)));
      return all.toString();
    }
  }

  @Test
  void forwardsEachTextDelta_inOrder_whileTheStreamIsStillOpen() throws Exception {
    Heard heard = new Heard();
    StreamScript stream = new StreamScript()
        .textDelta(0, "product has ")
        // The stub sends nothing more until the listener has heard the first delta.
        .waitFor(heard.firstText, Duration.ofSeconds(5))
        .textDelta(0, "15,247 rows; ")
        .textDelta(0, "a Type 2 dimension fits.")
        .blockStop(0)
        .stop("end_turn")
        .usage(1200, 300);
    stub.thenStream(stream);

    AssistantReply reply = architect(fast()).reply(ToolContext.of(catalog(false)), ConversationState.EMPTY,
        "create a dimension based on product", heard);

    assertEquals(Boolean.TRUE, stream.gateOpened(), "the first delta reached the listener before the rest was sent");
    assertEquals(List.of("text: product has ", "text: 15,247 rows; ", "text: a Type 2 dimension fits."), heard.events);
    assertEquals("product has 15,247 rows; a Type 2 dimension fits.", reply.text());
    assertEquals("bedrock:" + BedrockSettings.DEFAULT_MODEL_ID, reply.answeredBy());
    assertNull(reply.notice());
    assertEquals(1200, reply.usage().inputTokens());
    assertEquals(300, reply.usage().outputTokens());
    // Claude Sonnet 4.5: $3 / $15 per million tokens.
    assertEquals(0, new BigDecimal("0.0081").compareTo(reply.usage().costUsd()), reply.usage().toString());
    List<BedrockStub.Received> requests = stub.received();
    assertEquals(1, requests.size());
    assertTrue(requests.get(0).streamed(), "a listening caller is answered through ConverseStream");
    JsonNode body = Json.mapper().readTree(requests.get(0).body());
    assertEquals(4096, body.at("/inferenceConfig/maxTokens").asInt());
    assertEquals("get_table_metadata", body.at("/toolConfig/tools/0/toolSpec/name").asText());
    assertTrue(body.at("/system/0/text").asText().contains("<untrusted_workspace_data>"));
  }
}
