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

  @Test
  void runsToolRoundsOverTheStream_withEachInputPutTogetherFromItsFragments() throws Exception {
    stub.thenStreamedToolUse("t-1", "get_table_metadata", List.of("{\"table_na", "mes\": [\"prod", "uct\"]}"), 1000, 100)
        .thenStreamedText(List.of("product has 15,247 rows; ", "I suggest a Type 2 dimension."), 1500, 200);
    Heard heard = new Heard();

    AssistantReply reply = architect(fast()).reply(ToolContext.of(catalog(false)), ConversationState.EMPTY,
        "I need to create a dimension based on the product table", heard);

    assertEquals(List.of("text: Let me ", "text: check.", "tool: get_table_metadata OK",
        "text: product has 15,247 rows; ", "text: I suggest a Type 2 dimension."), heard.events);
    assertEquals("product has 15,247 rows; I suggest a Type 2 dimension.", reply.text());
    assertEquals(1, reply.toolCalls().size());
    assertEquals("product", reply.toolCalls().get(0).input().at("/table_names/0").asText());
    assertEquals(2500, reply.usage().inputTokens());
    assertEquals(300, reply.usage().outputTokens());
    assertEquals(0, new BigDecimal("0.012").compareTo(reply.usage().costUsd()), reply.usage().toString());
    List<BedrockStub.Received> requests = stub.received();
    assertEquals(2, requests.size());
    assertTrue(requests.get(1).streamed());
    JsonNode second = Json.mapper().readTree(requests.get(1).body());
    JsonNode toolUse = second.at("/messages/1/content/1/toolUse");
    assertEquals("Let me check.", second.at("/messages/1/content/0/text").asText(), "the assistant turn goes back whole");
    assertEquals("t-1", toolUse.path("toolUseId").asText());
    assertEquals("product", toolUse.at("/input/table_names/0").asText());
    JsonNode toolResult = second.at("/messages/2/content/0/toolResult");
    assertEquals("t-1", toolResult.path("toolUseId").asText());
    assertEquals("success", toolResult.path("status").asText());
    assertEquals(15247, toolResult.at("/content/0/json/tables/0/row_count").asInt());
  }

  @Test
  void answersAToolInputThatIsNotJson_withAToolResultError_andTheModelCarriesOn() throws Exception {
    stub.thenStreamedToolUse("t-1", "get_table_metadata", List.of("{\"table_names\": [\"prod"), 900, 80)
        .thenStreamedToolUse("t-2", "get_table_metadata", List.of("{\"table_names\":", " \"product\"}"), 900, 80)
        .thenStreamedText(List.of("Sorry, fixed."), 1000, 50);

    AssistantReply reply = architect(fast()).reply(ToolContext.of(catalog(false)), ConversationState.EMPTY,
        "describe product", new Heard());

    assertEquals("Sorry, fixed.", reply.text());
    assertEquals(2, reply.toolCalls().size());
    assertTrue(reply.toolCalls().stream().allMatch(c -> c.status() == ToolOutcome.Status.FAILED), reply.toolCalls().toString());
    JsonNode second = Json.mapper().readTree(stub.received().get(1).body());
    assertTrue(second.at("/messages/1/content/1/toolUse/input").isObject(), "the tool use goes back with an empty input");
    JsonNode notJson = second.at("/messages/2/content/0/toolResult");
    assertEquals("error", notJson.path("status").asText());
    assertTrue(notJson.at("/content/0/text").asText().contains("not a JSON object"), notJson.toString());
    JsonNode wrongType = Json.mapper().readTree(stub.received().get(2).body()).at("/messages/4/content/0/toolResult");
    assertEquals("error", wrongType.path("status").asText());
    assertTrue(wrongType.at("/content/0/text").asText().contains("field 'table_names'"), wrongType.toString());
  }

  @Test
  void retriesAStreamThrottledBeforeItsFirstDelta_thenStreamsTheAnswer() {
    stub.thenThrottle()
        .thenStream(new StreamScript().exception("throttlingException", "Too many tokens, please wait."))
        .thenStreamedText(List.of("Here ", "you are."), 500, 20);
    Heard heard = new Heard();

    AssistantReply reply = architect(fast().withRetries(3, Duration.ofMillis(10), Duration.ofMillis(20)))
        .reply(ToolContext.of(catalog(false)), ConversationState.EMPTY, "what can you do?", heard);

    assertEquals("Here you are.", reply.text());
    assertNull(reply.notice());
    assertEquals("Here you are.", heard.text(), "nothing from the throttled attempts reached the user");
    assertEquals(3, stub.received().size());
    assertTrue(stub.received().stream().allMatch(BedrockStub.Received::streamed));
  }

  @Test
  void fallsBackToTheOfflineArchitect_whenThrottlingOutlastsTheCappedRetries() {
    stub.thenThrottle().thenThrottle().thenThrottle();
    Heard heard = new Heard();

    AssistantReply reply = architect(fast()).reply(ToolContext.of(catalog(false)), ConversationState.EMPTY,
        "Generate a Type 2 SCD for customers", heard);

    assertEquals(OfflineArchitect.NAME, reply.answeredBy());
    assertTrue(reply.notice().contains("throttling"), reply.notice());
    assertTrue(heard.text().startsWith("Claude on Bedrock could not answer"), heard.text());
    assertEquals(2, reply.state().lastRequest().scdType());
    assertEquals(2, stub.received().size(), "retries are capped at the configured attempts");
  }

  @Test
  void fallsBackWithoutReplaying_whenTheStreamFailsAfterTextWasShown() {
    stub.thenStream(new StreamScript()
        .textDelta(0, "A Type 2 dimension keeps ")
        .exception("modelStreamErrorException", "The model stream failed."));
    Heard heard = new Heard();

    AssistantReply reply = architect(fast().withRetries(3, Duration.ofMillis(10), Duration.ofMillis(20)))
        .reply(ToolContext.of(catalog(false)), ConversationState.EMPTY, "Generate a Type 2 SCD for customers", heard);

    assertEquals(1, stub.received().size(), "text was already shown, so the stream is not replayed");
    assertEquals(OfflineArchitect.NAME, reply.answeredBy());
    assertTrue(reply.notice().contains("modelStreamErrorException"), reply.notice());
    assertTrue(heard.text().startsWith("A Type 2 dimension keeps \n\nClaude on Bedrock could not answer"), heard.text());
    assertTrue(reply.text().startsWith(reply.notice()), "the stored answer starts with the notice");
    assertEquals(2, reply.state().lastRequest().scdType(), "the offline architect's suggestion is kept");
  }

  @Test
  void fallsBack_whenBedrockDoesNotStartAnswering_orStopsMidStream() {
    BedrockSettings impatient = BedrockSettings.defaults()
        .withRetries(1, Duration.ofMillis(10), Duration.ofMillis(10))
        .withTimeouts(Duration.ofSeconds(5), Duration.ofMillis(600));
    stub.thenHang().thenStream(new StreamScript().textDelta(0, "Thinking").hang());
    BedrockArchitect architect = architect(impatient);

    Heard silent = new Heard();
    AssistantReply noAnswer = architect.reply(ToolContext.of(catalog(false)), ConversationState.EMPTY, "what can you do?", silent);
    Heard stalled = new Heard();
    AssistantReply cutShort = architect.reply(ToolContext.of(catalog(false)), ConversationState.EMPTY, "what can you do?", stalled);

    for (AssistantReply reply : List.of(noAnswer, cutShort)) {
      assertEquals(OfflineArchitect.NAME, reply.answeredBy());
      assertTrue(reply.notice().contains("did not answer in time"), reply.notice());
      assertTrue(reply.text().contains("I am the offline architect"), reply.text());
    }
    assertTrue(stalled.text().startsWith("Thinking\n\nClaude on Bedrock could not answer"), stalled.text());
  }

  @Test
  void fallsBackWhenTheToolRoundsRunOut_andKeepsTheTokensSpent() {
    stub.thenStreamedToolUse("t-1", "get_table_metadata", List.of("{\"table_names\":[\"product\"]}"), 1000, 100)
        .thenStreamedToolUse("t-2", "get_table_metadata", List.of("{\"table_names\":[\"customer\"]}"), 1000, 100);

    AssistantReply reply = architect(fast().withMaxToolRounds(2)).reply(ToolContext.of(catalog(false)),
        ConversationState.EMPTY, "create a dimension from product", new Heard());

    assertEquals(OfflineArchitect.NAME, reply.answeredBy());
    assertTrue(reply.notice().contains("more than 2 tool rounds"), reply.notice());
    assertEquals(2000, reply.usage().inputTokens());
    assertEquals(200, reply.usage().outputTokens());
  }

  @Test
  void answersWithConverse_whenNobodyListens() {
    stub.thenText("Whole answer.", 10, 5);

    AssistantReply reply = architect(fast()).reply(ToolContext.of(catalog(false)), ConversationState.EMPTY, "what can you do?");

    assertEquals("Whole answer.", reply.text());
    assertFalse(stub.received().get(0).streamed());
  }

  @Test
  void sendsNoPersonalData_inAnyStreamedRequestBody_withOrWithoutSamples() {
    for (boolean allowSamples : List.of(false, true)) {
      stub.thenStreamedToolUse("t-1", "get_table_metadata", List.of("{\"table_names\":", "[\"customer\",\"product\"]}"), 100, 10)
          .thenStreamedText(List.of("Done."), 100, 10)
          .thenStreamedText(List.of("Type 1 ", "it is."), 100, 10);
      BedrockArchitect architect = architect(fast());
      ToolContext context = ToolContext.of(catalog(allowSamples));

      AssistantReply first = architect.reply(context, ConversationState.EMPTY,
          "I need to create a dimension based on the customer and product tables", new Heard());
      architect.reply(context, first.state(), "make it type 1 instead", new Heard());
      closeClients();
    }

    List<BedrockStub.Received> bodies = stub.received();
    assertEquals(6, bodies.size());
    for (BedrockStub.Received request : bodies) {
      assertTrue(request.streamed(), "every request here went through ConverseStream");
      for (String canary : List.of(EMAIL, "jane.canary", CARD, "4111111111111111", PERSON, "Canaryweather")) {
        assertFalse(request.body().contains(canary), "request body leaks " + canary);
      }
    }
    assertFalse(bodies.get(1).body().contains("Chartreuse"), "samples stay home unless the workspace allows them");
    assertTrue(bodies.get(4).body().contains("Chartreuse"), "allowed, non-personal samples are sent");
    assertTrue(bodies.get(4).body().contains("[card]"), "allowed samples are scrubbed");
  }
}
