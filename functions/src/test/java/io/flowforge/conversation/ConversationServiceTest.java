package io.flowforge.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.assistant.OfflineArchitect;
import io.flowforge.assistant.ReplyListener;
import io.flowforge.assistant.StandardTools;
import io.flowforge.assistant.ToolOutcome;
import io.flowforge.assistant.WorkspaceCatalog;
import io.flowforge.assistant.WorkspaceCatalog.Column;
import io.flowforge.assistant.WorkspaceCatalog.Table;
import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.flowforge.core.RetryAfterException;
import io.flowforge.workspace.CreateWorkspaceRequest;
import io.flowforge.workspace.InMemoryWorkspaceStore;
import io.flowforge.workspace.WorkspaceService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The conversation rules on an in-memory store and a catalog without data files: no I/O. */
class ConversationServiceTest {
  private static final Caller OWNER = new Caller("owner");

  private final MovableClock clock = new MovableClock(Instant.parse("2026-03-01T10:00:05Z"));
  private ConversationService service;
  private String workspace;

  /** A clock a test moves forward. */
  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant start) {
      this.now = start;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void setUp() {
    WorkspaceService workspaces = new WorkspaceService(new InMemoryWorkspaceStore(), clock);
    workspace = workspaces.create(OWNER, new CreateWorkspaceRequest("Shop")).id();
    OfflineArchitect offline = new OfflineArchitect(StandardTools.registry());
    service =
        new ConversationService(
            workspaces,
            new InMemoryConversationStore(),
            ConversationServiceTest::catalog,
            new ConversationService.Architects(offline, offline, OfflineArchitect.NAME),
            null,
            clock);
  }

  private static CatalogSource.OpenCatalog catalog(
      Caller caller, String workspaceId, boolean samples) {
    WorkspaceCatalog catalog =
        new WorkspaceCatalog(
            workspaceId,
            List.of(
                new Table(
                    "product",
                    300,
                    List.of(Column.of("product_id", "BIGINT"), Column.of("name", "VARCHAR"))),
                new Table(
                    "productcategory",
                    24,
                    List.of(Column.of("category_id", "BIGINT"), Column.of("name", "VARCHAR")))),
            samples);
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
  void aRefinementChangesTheLastRequest_andTheFirstMessageNamesTheConversation() {
    String conversation = start();

    Exchange first = post(conversation, "create a dimension based on product and productcategory");
    Exchange second = post(conversation, "make it type 1 instead");

    assertEquals(2, first.conversation().lastRequest().scdType());
    assertEquals(1, second.conversation().lastRequest().scdType());
    assertEquals(
        List.of("product", "productcategory"), second.conversation().lastRequest().sourceTables());
    assertEquals(
        "create a dimension based on product and productcategory", second.conversation().title());
    assertEquals(4, second.conversation().messageCount());
    assertEquals(
        List.of(0, 1, 2, 3),
        service.get(OWNER, workspace, conversation).messages().stream()
            .map(ChatMessage::sequence)
            .toList());
    assertEquals(second.answer().suggestion().id(), second.conversation().lastSuggestionId());
  }

  @Test
  void aLongFirstMessageIsShortenedIntoTheTitle() {
    String conversation = start();

    Exchange exchange = post(conversation, "what can you do? " + "please ".repeat(40));

    assertEquals(ConversationService.MAX_TITLE_CHARS, exchange.conversation().title().length());
    assertTrue(exchange.conversation().title().endsWith("…"));
  }

  @Test
  void refusesEmptyOverlongAndControlCharacterMessages_storingNothing() {
    String conversation = start();

    FlowForgeException empty =
        assertThrows(FlowForgeException.class, () -> post(conversation, " \n "));
    FlowForgeException tooLong =
        assertThrows(FlowForgeException.class, () -> post(conversation, "x".repeat(8_001)));
    FlowForgeException control =
        assertThrows(FlowForgeException.class, () -> post(conversation, "a\u0007b"));

    assertEquals(ProblemType.VALIDATION, empty.type());
    assertEquals("/message", empty.pointer());
    assertEquals(ProblemType.PAYLOAD_TOO_LARGE, tooLong.type());
    assertTrue(tooLong.getMessage().contains("8001 characters"), tooLong.getMessage());
    assertEquals(ProblemType.VALIDATION, control.type());
    assertTrue(service.get(OWNER, workspace, conversation).messages().isEmpty());
  }

  @Test
  void theRateLimitCountsAnySixtySeconds_soABurstAcrossAMinuteBoundaryGetsItOnce() {
    String conversation = start();
    service.changeSettings(OWNER, workspace, new AiControlsRequest(null, null, null, 2, null));
    clock.advance(Duration.ofSeconds(54)); // 10:00:59

    post(conversation, "what can you do?");
    post(conversation, "what can you do?");
    clock.advance(Duration.ofSeconds(2)); // 10:01:01: a new clock minute, the same 60 seconds
    FlowForgeException limited =
        assertThrows(FlowForgeException.class, () -> post(conversation, "what can you do?"));
    clock.advance(Duration.ofSeconds(57)); // 10:01:58
    FlowForgeException stillLimited =
        assertThrows(FlowForgeException.class, () -> post(conversation, "what can you do?"));
    clock.advance(Duration.ofSeconds(1)); // 10:01:59: the burst left the window
    Exchange afterWindow = post(conversation, "what can you do?");

    assertEquals(ProblemType.RATE_LIMITED, limited.type());
    assertEquals(58, ((RetryAfterException) limited).retryAfterSeconds());
    assertTrue(limited.getMessage().contains("2026-03-01T10:01:59Z"), limited.getMessage());
    assertTrue(limited.getMessage().contains("nothing was lost"), limited.getMessage());
    assertEquals(1, ((RetryAfterException) stillLimited).retryAfterSeconds());
    assertEquals(6, afterWindow.conversation().messageCount());
    assertEquals(
        List.of("answered", "rate-limited", "rate-limited", "answered", "answered"),
        service.audit(OWNER, workspace).stream().map(AuditEntry::outcome).toList());
  }

  @Test
  void anotherWorkspacesConversationIsNotFound() {
    String conversation = start();
    Caller stranger = new Caller("stranger");

    FlowForgeException notMember =
        assertThrows(
            FlowForgeException.class, () -> service.get(stranger, workspace, conversation));

    assertEquals(ProblemType.NOT_FOUND, notMember.type());
  }

  @Test
  void storesSmallToolResultsWhole_andSummarisesLargeOnes() {
    ObjectNode small = Json.mapper().createObjectNode().put("rows", 3);
    ObjectNode large = Json.mapper().createObjectNode().put("sql", "x".repeat(20_000));
    ObjectNode input = Json.mapper().createObjectNode();
    input.set("model_spec", large);

    List<ToolOutcome> stored =
        ToolCalls.forStorage(
            List.of(
                new ToolOutcome("get_table_metadata", small, ToolOutcome.Status.OK, small, null),
                new ToolOutcome(
                    "generate_reactflow_nodes", input, ToolOutcome.Status.OK, large, null),
                new ToolOutcome(
                    "generate_templates", small, ToolOutcome.Status.UNAVAILABLE, null, "n/a")));

    assertEquals(small, stored.get(0).result());
    assertTrue(stored.get(1).result().get("summarised").asBoolean());
    assertEquals(large.toString().length(), stored.get(1).result().get("chars").asInt());
    assertTrue(stored.get(1).input().get("model_spec").asText().startsWith("(summarised: "));
    assertNull(stored.get(2).result());
    assertEquals("n/a", stored.get(2).error());
  }

  private String start() {
    return service.start(OWNER, workspace, new StartConversationRequest(null)).id();
  }

  private Exchange post(String conversation, String message) {
    return service.post(
        OWNER, workspace, conversation, new PostMessageRequest(message), ReplyListener.NONE);
  }
}
