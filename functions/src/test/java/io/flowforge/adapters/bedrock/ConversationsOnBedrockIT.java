package io.flowforge.adapters.bedrock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.flowforge.adapters.dynamodb.DynamoDbConversationStore;
import io.flowforge.adapters.dynamodb.LogicalTables;
import io.flowforge.adapters.dynamodb.DynamoDbWorkspaceStore;
import io.flowforge.assistant.CatalogTools;
import io.flowforge.assistant.OfflineArchitect;
import io.flowforge.assistant.ReplyListener;
import io.flowforge.assistant.ToolCatalog;
import io.flowforge.assistant.ToolRegistry;
import io.flowforge.assistant.WorkspaceCatalog;
import io.flowforge.assistant.WorkspaceCatalog.Column;
import io.flowforge.assistant.WorkspaceCatalog.Table;
import io.flowforge.conversation.AiControlsRequest;
import io.flowforge.conversation.AuditEntry;
import io.flowforge.conversation.CatalogSource;
import io.flowforge.conversation.ConversationService;
import io.flowforge.conversation.Exchange;
import io.flowforge.conversation.PostMessageRequest;
import io.flowforge.conversation.StartConversationRequest;
import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.workspace.CreateWorkspaceRequest;
import io.flowforge.workspace.WorkspaceService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * Conversations answered by Claude on Bedrock (the local Converse stub) and stored in DynamoDB
 * Local: the tokens and cost of each answer are recorded, the monthly budget and the AI switch
 * decide whether a message may reach the model at all, and samples reach it only when the workspace
 * allows them.
 */
class ConversationsOnBedrockIT {
  private static final String SAMPLE = "Chartreuse";
  private static final String EMAIL = "canary.person@example.com";
  private static final Caller OWNER = new Caller("owner");

  private AmazonDynamoDBLocal dynamoDb;
  private BedrockStub stub;
  private BedrockRuntimeClient bedrock;
  private BedrockRuntimeAsyncClient bedrockStreaming;
  private ConversationService service;
  private String workspace;

  @BeforeEach
  void start() throws Exception {
    dynamoDb = DynamoDBEmbedded.create();
    LogicalTables.createAll(dynamoDb.dynamoDbClient());
    DynamoDbEnhancedClient client =
        DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb.dynamoDbClient()).build();
    WorkspaceService workspaces =
        new WorkspaceService(new DynamoDbWorkspaceStore(client, "workspaces"), Clock.systemUTC());
    workspace = workspaces.create(OWNER, new CreateWorkspaceRequest("Bedrock")).id();
    stub = new BedrockStub();
    BedrockSettings settings =
        BedrockSettings.defaults()
            .withEndpoint(stub.endpoint())
            .withRetries(2, Duration.ofMillis(10), Duration.ofMillis(20))
            .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(5));
    StaticCredentialsProvider credentials =
        StaticCredentialsProvider.create(
            AwsBasicCredentials.create("AKIDLOCALSTUB", "local-stub-secret"));
    bedrock = BedrockClients.create(settings, credentials);
    bedrockStreaming = BedrockClients.createStreaming(settings, credentials);
    ToolRegistry registry = CatalogTools.register(new ToolRegistry(ToolCatalog.standard()));
    ConversationService.Architects architects =
        new ConversationService.Architects(
            new OfflineArchitect(registry),
            new BedrockArchitect(bedrock, bedrockStreaming, settings, registry),
            "bedrock:" + settings.modelId());
    // Suggestions are not applied here, so no saved-model service is needed.
    service =
        new ConversationService(
            workspaces,
            new DynamoDbConversationStore(client, "conversations"),
            ConversationsOnBedrockIT::catalog,
            architects,
            null,
            Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    bedrock.close();
    bedrockStreaming.close();
    stub.close();
    dynamoDb.shutdownNow();
  }

  /**
   * The workspace's tables as a catalog source hands them over; one column holds samples and a
   * canary.
   */
  private static CatalogSource.OpenCatalog catalog(
      Caller caller, String workspaceId, boolean allowSamples) {
    WorkspaceCatalog catalog =
        new WorkspaceCatalog(
            workspaceId,
            List.of(
                new Table(
                    "product",
                    300,
                    List.of(
                        new Column("product_id", "INTEGER", 300, 0, List.of("1", "2")),
                        new Column("color", "VARCHAR", 6, 0.2, List.of(SAMPLE, "Black")),
                        new Column("contact", "VARCHAR", 300, 0, List.of(EMAIL))))),
            allowSamples);
    return new CatalogSource.OpenCatalog() {
      @Override
      public WorkspaceCatalog catalog() {
        return catalog;
      }

      @Override
      public void close() {}
    };
  }

  @Test
  void recordsTokensAndCost_refusesOnceTheBudgetIsUsed_andAnswersOfflineWithAiOff() {
    stub.thenText("product has 300 rows; a Type 2 dimension fits.", 800, 400);
    String conversation = service.start(OWNER, workspace, new StartConversationRequest(null)).id();

    Exchange answered = post(conversation, "create a dimension based on product");
    service.changeSettings(OWNER, workspace, new AiControlsRequest(null, null, 1_000L, null, null));
    FlowForgeException refused =
        assertThrows(FlowForgeException.class, () -> post(conversation, "make it type 1 instead"));
    service.changeSettings(OWNER, workspace, new AiControlsRequest(false, null, null, null, null));
    Exchange offline = post(conversation, "what can you do?");

    assertEquals("bedrock:" + BedrockSettings.DEFAULT_MODEL_ID, answered.answer().answeredBy());
    assertEquals(800, answered.answer().inputTokens());
    assertEquals(400, answered.answer().outputTokens());
    assertTrue(answered.answer().costUsd().compareTo(BigDecimal.ZERO) > 0);
    assertEquals(ProblemType.BUDGET_EXHAUSTED, refused.type());
    assertTrue(refused.getMessage().contains("1200 of its 1000"), refused.getMessage());
    assertEquals("offline-architect", offline.answer().answeredBy());
    assertEquals(1, stub.received().size(), "nothing reached the model after the budget was used");
    assertEquals(4, service.get(OWNER, workspace, conversation).messages().size());
    var usage = service.settings(OWNER, workspace).usage();
    assertEquals(800, usage.inputTokens());
    assertEquals(400, usage.outputTokens());
    assertEquals(2, usage.messages());
    assertEquals(0, answered.answer().costUsd().compareTo(usage.costUsd()));
    List<String> actions =
        new ArrayList<>(service.audit(OWNER, workspace).stream().map(AuditEntry::action).toList());
    Collections.reverse(actions);
    List<AuditEntry> audit = service.audit(OWNER, workspace);
    assertEquals(List.of("message", "refused", "message"), actions);
    assertEquals(800, audit.get(2).inputTokens());
    assertEquals("budget-exhausted", audit.get(1).outcome());
  }

  @Test
  void sendsSamplesOnlyWhenTheWorkspaceAllowsThem_andNeverThePersonalOnes() {
    stub.thenText("First.", 10, 10).thenText("Second.", 10, 10);
    String conversation = service.start(OWNER, workspace, new StartConversationRequest(null)).id();

    post(conversation, "describe product");
    service.changeSettings(OWNER, workspace, new AiControlsRequest(null, true, null, null, null));
    post(conversation, "describe product");

    String withoutSamples = stub.received().get(0).body();
    String withSamples = stub.received().get(1).body();
    assertFalse(withoutSamples.contains(SAMPLE), withoutSamples);
    assertTrue(withSamples.contains(SAMPLE), withSamples);
    assertFalse(withoutSamples.contains(EMAIL) || withSamples.contains(EMAIL), withSamples);
  }

  @Test
  void aStreamedAnswer_isStoredWithTheTokensAndCostOfItsMetadataEvent() {
    stub.thenStreamedText(List.of("product has 300 rows; ", "a Type 2 dimension fits."), 800, 400);
    String conversation = service.start(OWNER, workspace, new StartConversationRequest(null)).id();
    List<String> heard = new ArrayList<>();

    Exchange answered = post(conversation, "create a dimension based on product", text(heard));

    assertEquals(List.of("product has 300 rows; ", "a Type 2 dimension fits."), heard);
    assertTrue(stub.received().get(0).streamed());
    assertEquals("product has 300 rows; a Type 2 dimension fits.", answered.answer().text());
    assertEquals(800, answered.answer().inputTokens());
    assertEquals(400, answered.answer().outputTokens());
    // Claude Sonnet 4.5: $3 / $15 per million tokens.
    assertEquals(0, new BigDecimal("0.0084").compareTo(answered.answer().costUsd()));
    var stored = service.get(OWNER, workspace, conversation).messages();
    assertEquals(2, stored.size());
    assertEquals(answered.answer().text(), stored.get(1).text());
    assertEquals(800, service.settings(OWNER, workspace).usage().inputTokens());
    assertEquals(800, service.audit(OWNER, workspace).get(0).inputTokens());
  }

  @Test
  void aStreamThatFailsAfterItsFirstText_storesTheOfflineAnswerWithTheNotice_andKeepsEarlierTurns() {
    stub.thenStreamedText(List.of("First answer."), 100, 10)
        .thenStream(
            new StreamScript()
                .textDelta(0, "Half an ")
                .exception("modelStreamErrorException", "The model stream failed."));
    String conversation = service.start(OWNER, workspace, new StartConversationRequest(null)).id();
    post(conversation, "describe product", text(new ArrayList<>()));
    List<String> heard = new ArrayList<>();

    Exchange fallback = post(conversation, "what can you do?", text(heard));

    assertEquals(OfflineArchitect.NAME, fallback.answer().answeredBy());
    assertTrue(fallback.answer().text().startsWith("Claude on Bedrock could not answer"));
    assertEquals("Half an ", heard.get(0));
    assertTrue(heard.get(1).contains("Claude on Bedrock could not answer"), heard.toString());
    var stored = service.get(OWNER, workspace, conversation).messages();
    assertEquals(4, stored.size(), "the earlier turn and the fallback turn are both stored");
    assertEquals("First answer.", stored.get(1).text());
    assertEquals(fallback.answer().text(), stored.get(3).text());
    assertEquals(2, stub.received().size(), "the failed stream was not replayed");
  }

  private static ReplyListener text(List<String> heard) {
    return new ReplyListener() {
      @Override
      public void onText(String text) {
        heard.add(text);
      }
    };
  }

  private Exchange post(String conversation, String message, ReplyListener listener) {
    return service.post(OWNER, workspace, conversation, new PostMessageRequest(message), listener);
  }

  private Exchange post(String conversation, String message) {
    return service.post(
        OWNER, workspace, conversation, new PostMessageRequest(message), ReplyListener.NONE);
  }
}
