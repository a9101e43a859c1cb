package io.flowforge.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.assistant.Architect;
import io.flowforge.assistant.AssistantReply;
import io.flowforge.assistant.ModelRequest;
import io.flowforge.assistant.ReplyListener;
import io.flowforge.assistant.ToolContext;
import io.flowforge.assistant.ToolOutcome;
import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Ids;
import io.flowforge.core.Names;
import io.flowforge.core.ProblemType;
import io.flowforge.core.RetryAfterException;
import io.flowforge.modeling.ModelService;
import io.flowforge.workspace.WorkspaceService;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Conversations with the assistant: each message is answered by the workspace's architect (a
 * language model while AI is on and one is configured, else the offline architect) and stored with
 * the answer, its tool calls, suggestion, tokens and cost. Enforces the workspace's AI controls
 * (rate limit, monthly token budget, samples) and writes every AI interaction to the audit log. A
 * refused or failed message stores nothing in the conversation.
 */
public final class ConversationService {
  /** Longest message accepted; requests are plain language, not documents. */
  public static final int MAX_MESSAGE_CHARS = 8_000;

  static final int MAX_TITLE_CHARS = 80;
  static final int AUDIT_LIMIT = 200;
  static final long MAX_TOKEN_BUDGET = 10_000_000_000L;
  static final int MAX_MESSAGES_PER_MINUTE = 600;
  /** messagesPerMinute counts over any 60 seconds, not per clock minute. */
  static final Duration RATE_WINDOW = Duration.ofMinutes(1);
  private static final DateTimeFormatter MONTH =
      DateTimeFormatter.ofPattern("yyyy-MM").withZone(ZoneOffset.UTC);

  private final WorkspaceService workspaces;
  private final ConversationStore store;
  private final CatalogSource catalogs;
  private final Architects architects;
  private final SuggestionApplier applier;
  private final Clock clock;

  /**
   * The architects that may answer.
   *
   * @param offline the offline architect: answers while AI is off, and always when no language
   *     model is configured
   * @param configured the architect used while AI is on (the offline one when no language model is
   *     set up)
   * @param configuredName {@code offline-architect} or {@code bedrock:<model id>}
   */
  public record Architects(Architect offline, Architect configured, String configuredName) {
    public Architects {
      Objects.requireNonNull(offline, "offline");
      Objects.requireNonNull(configured, "configured");
    }
  }

  public ConversationService(
      WorkspaceService workspaces,
      ConversationStore store,
      CatalogSource catalogs,
      Architects architects,
      SuggestionApplier applier,
      Clock clock) {
    this.workspaces = workspaces;
    this.store = store;
    this.catalogs = catalogs;
    this.architects = architects;
    this.applier = applier;
    this.clock = clock;
  }

  public Conversation start(Caller caller, String workspaceId, StartConversationRequest request) {
    workspaces.requireMember(caller, workspaceId);
    String title =
        request.title() == null
            ? null
            : Names.require("/title", "Conversation title", request.title());
    Instant now = now();
    return store.create(
        new Conversation(
            Ids.newId("cv"), workspaceId, title, caller.subject(), now, now, 0, null, null, 0));
  }

  public List<Conversation> list(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    return store.list(workspaceId);
  }

  public ConversationView get(Caller caller, String workspaceId, String conversationId) {
    Conversation conversation = require(caller, workspaceId, conversationId);
    return new ConversationView(conversation, store.messages(workspaceId, conversationId));
  }

  /**
   * The conversation without its messages, when the caller may see it; another workspace's
   * conversation is the same 404 as one that does not exist.
   */
  public Conversation find(Caller caller, String workspaceId, String conversationId) {
    return require(caller, workspaceId, conversationId);
  }

  /**
   * Answers a message and stores the turn. {@code listener} hears tool calls and text as they are
   * produced; nothing is stored until the whole answer is there.
   */
  public Exchange post(
      Caller caller,
      String workspaceId,
      String conversationId,
      PostMessageRequest request,
      ReplyListener listener) {
    Conversation conversation = require(caller, workspaceId, conversationId);
    String message = validMessage(request.message());
    AiControls controls = controlsOf(workspaceId);
    Instant now = now();
    enforceRateLimit(caller, workspaceId, conversationId, controls, now);
    if (controls.aiEnabled()) {
      enforceBudget(caller, workspaceId, conversationId, controls, now);
    }
    Architect architect = controls.aiEnabled() ? architects.configured() : architects.offline();
    AssistantReply reply;
    try (CatalogSource.OpenCatalog catalog =
        catalogs.open(caller, workspaceId, controls.samplesAllowed())) {
      ToolContext context = ToolContext.of(catalog.catalog());
      reply = architect.reply(context, conversation.state(), message, listener);
    }
    return store(caller, conversation, message, reply, now);
  }

  /**
   * Applies a suggestion of the conversation to the canvas: creates the model, or adds a version
   * when a refinement of it was applied before. Applying the same suggestion again adds nothing.
   * This is the user's confirmation; no tool changes stored state before it.
   */
  public AppliedSuggestion apply(
      Caller caller, String workspaceId, String conversationId, String suggestionId) {
    Conversation conversation = require(caller, workspaceId, conversationId);
    ChatMessage message =
        store.messages(workspaceId, conversation.id()).stream()
            .filter(m -> m.suggestion() != null && m.suggestion().id().equals(suggestionId))
            .findFirst()
            .orElseThrow(
                () -> FlowForgeException.notFound("Suggestion " + Ids.printable(suggestionId)));
    ModelService.SaveResult saved = applier.apply(caller, workspaceId, message.suggestion());
    ChatMessage.Suggestion applied =
        message.suggestion().applied(saved.model().id(), saved.version().version());
    store.replaceMessage(workspaceId, message.withSuggestion(applied));
    store.audit(
        workspaceId,
        new AuditEntry(
            Ids.newId("au"),
            now(),
            caller.subject(),
            "apply",
            conversationId,
            message.id(),
            null,
            List.of(),
            0,
            0,
            BigDecimal.ZERO,
            "applied:" + saved.model().id() + "@" + saved.version().version()));
    return new AppliedSuggestion(
        saved.model(), saved.version().version(), saved.outcome().name(), applied);
  }

  /** The workspace's AI controls, this month's usage and the language model in use. */
  public AiSettings settings(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    return new AiSettings(
        controlsOf(workspaceId), store.usage(workspaceId, month(now())), languageModel());
  }

  public AiSettings changeSettings(Caller caller, String workspaceId, AiControlsRequest request) {
    workspaces.requireMember(caller, workspaceId);
    AiControls current = controlsOf(workspaceId);
    if (request.version() != null && request.version() != current.version()) {
      throw new FlowForgeException(
          ProblemType.CONFLICT,
          "The AI controls changed since you read them (version "
              + current.version()
              + " now, "
              + request.version()
              + " sent). Read them again and reapply your change.");
    }
    long budget =
        request.monthlyTokenBudget() == null
            ? current.monthlyTokenBudget()
            : request.monthlyTokenBudget();
    if (budget < 0 || budget > MAX_TOKEN_BUDGET) {
      throw FlowForgeException.invalid(
          "/monthlyTokenBudget",
          "monthlyTokenBudget must be between 0 and "
              + MAX_TOKEN_BUDGET
              + " tokens; 0 refuses every message while AI is on.");
    }
    int perMinute =
        request.messagesPerMinute() == null
            ? current.messagesPerMinute()
            : request.messagesPerMinute();
    if (perMinute < 1 || perMinute > MAX_MESSAGES_PER_MINUTE) {
      throw FlowForgeException.invalid(
          "/messagesPerMinute",
          "messagesPerMinute must be between 1 and " + MAX_MESSAGES_PER_MINUTE + ".");
    }
    AiControls changed =
        new AiControls(
            request.aiEnabled() == null ? current.aiEnabled() : request.aiEnabled(),
            request.samplesAllowed() == null ? current.samplesAllowed() : request.samplesAllowed(),
            budget,
            perMinute,
            current.version());
    store.saveControls(workspaceId, changed);
    return settings(caller, workspaceId);
  }

  /**
   * Records one tool call made by an MCP client in the workspace's audit log: the tool and its
   * outcome, never its input or result, which may hold data.
   *
   * @param outcome {@code ok} or the problem slug the call failed with
   */
  public void auditToolCall(Caller caller, String workspaceId, String tool, String outcome) {
    store.audit(
        workspaceId,
        new AuditEntry(
            Ids.newId("au"),
            now(),
            caller.subject(),
            "tool_call",
            null,
            null,
            null,
            List.of(tool),
            0,
            0,
            BigDecimal.ZERO,
            outcome,
            AuditEntry.MCP));
  }

  /** The newest audit entries of the workspace, newest first. */
  public List<AuditEntry> audit(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    return store.audit(workspaceId, AUDIT_LIMIT);
  }

  private Exchange store(
      Caller caller, Conversation conversation, String message, AssistantReply reply, Instant now) {
    String workspaceId = conversation.workspaceId();
    ChatMessage question =
        new ChatMessage(
            Ids.newId("msg"),
            conversation.id(),
            conversation.messageCount(),
            ChatMessage.USER,
            message,
            List.of(),
            null,
            null,
            null,
            0,
            0,
            BigDecimal.ZERO,
            now);
    ChatMessage.Suggestion suggestion =
        reply.suggestion() == null ? null : suggestion(reply.suggestion());
    ChatMessage answer =
        new ChatMessage(
            Ids.newId("msg"),
            conversation.id(),
            conversation.messageCount() + 1,
            ChatMessage.ASSISTANT,
            reply.text(),
            ToolCalls.forStorage(reply.toolCalls()),
            suggestion,
            reply.answeredBy(),
            reply.notice(),
            reply.usage().inputTokens(),
            reply.usage().outputTokens(),
            reply.usage().costUsd(),
            now);
    ModelRequest request =
        reply.state() == null ? conversation.lastRequest() : reply.state().lastRequest();
    String title = conversation.title() != null ? conversation.title() : titleFrom(message);
    Conversation updated =
        store.append(
            conversation.after(
                2,
                now,
                title,
                request,
                suggestion == null ? conversation.lastSuggestionId() : suggestion.id()),
            List.of(question, answer));
    store.addUsage(
        workspaceId, month(now), answer.inputTokens(), answer.outputTokens(), answer.costUsd());
    store.audit(
        workspaceId,
        new AuditEntry(
            Ids.newId("au"),
            now,
            caller.subject(),
            "message",
            conversation.id(),
            answer.id(),
            answer.answeredBy(),
            reply.toolCalls().stream().map(ToolOutcome::tool).toList(),
            answer.inputTokens(),
            answer.outputTokens(),
            answer.costUsd(),
            "answered"));
    return new Exchange(updated, question, answer);
  }

  private void enforceRateLimit(
      Caller caller, String workspaceId, String conversationId, AiControls controls, Instant now) {
    Optional<Instant> retryAt =
        store.admitMessage(workspaceId, now, controls.messagesPerMinute(), RATE_WINDOW);
    if (retryAt.isPresent()) {
      refuse(caller, workspaceId, conversationId, now, ProblemType.RATE_LIMITED);
      long seconds = Math.max(1, (Duration.between(now, retryAt.get()).toMillis() + 999) / 1000);
      throw new RetryAfterException(
          ProblemType.RATE_LIMITED,
          "This workspace may send "
              + controls.messagesPerMinute()
              + " messages in any 60 seconds and has reached that."
              + " Send the message again in "
              + seconds
              + (seconds == 1 ? " second" : " seconds")
              + " (after "
              + retryAt.get()
              + " UTC); nothing was lost from the conversation.",
          seconds);
    }
  }

  private void enforceBudget(
      Caller caller, String workspaceId, String conversationId, AiControls controls, Instant now) {
    MonthlyUsage usage = store.usage(workspaceId, month(now));
    if (usage.tokens() >= controls.monthlyTokenBudget()) {
      refuse(caller, workspaceId, conversationId, now, ProblemType.BUDGET_EXHAUSTED);
      throw new FlowForgeException(
          ProblemType.BUDGET_EXHAUSTED,
          "This workspace has used "
              + usage.tokens()
              + " of its "
              + controls.monthlyTokenBudget()
              + " language model tokens for "
              + usage.month()
              + ". Raise monthlyTokenBudget in the AI controls, or turn AI off to keep working with"
              + " the offline architect; nothing was lost from the conversation.");
    }
  }

  private void refuse(
      Caller caller, String workspaceId, String conversationId, Instant now, ProblemType why) {
    store.audit(
        workspaceId,
        new AuditEntry(
            Ids.newId("au"),
            now,
            caller.subject(),
            "refused",
            conversationId,
            null,
            null,
            List.of(),
            0,
            0,
            BigDecimal.ZERO,
            why.slug()));
  }

  private Conversation require(Caller caller, String workspaceId, String conversationId) {
    workspaces.requireMember(caller, workspaceId);
    if (!Ids.isWellFormed(conversationId)) {
      throw FlowForgeException.notFound("Conversation " + Ids.printable(conversationId));
    }
    return store
        .find(workspaceId, conversationId)
        .orElseThrow(() -> FlowForgeException.notFound("Conversation " + conversationId));
  }

  private static String validMessage(String message) {
    if (message == null || message.isBlank()) {
      throw FlowForgeException.invalid(
          "/message", "The message is empty; write what you would like designed.");
    }
    if (message.length() > MAX_MESSAGE_CHARS) {
      throw new FlowForgeException(
          ProblemType.PAYLOAD_TOO_LARGE,
          "The message is "
              + message.length()
              + " characters long; the limit is "
              + MAX_MESSAGE_CHARS
              + ". Ask in a few sentences; the assistant reads your tables from the workspace"
              + " itself.",
          "/message",
          null);
    }
    if (message
        .chars()
        .anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
      throw FlowForgeException.invalid(
          "/message", "The message contains control characters; remove them.");
    }
    return message.strip();
  }

  private static ChatMessage.Suggestion suggestion(JsonNode content) {
    JsonNode nodes = content.path("reactflow_model").path("nodes");
    int nodeCount =
        nodes.isArray() ? nodes.size() : content.path("model").path("spec").path("entities").size();
    return new ChatMessage.Suggestion(
        Ids.newId("sg"),
        title(content.path("request")),
        content,
        nodeCount,
        content.path("model").path("files").size(),
        null,
        null);
  }

  private static String title(JsonNode request) {
    String name = request.path("name").asText("model");
    return switch (request.path("kind").asText("")) {
      case "DIMENSION" -> "dim_" + name + " (SCD Type " + request.path("scdType").asText("2") + ")";
      case "FACT" -> "fact_" + name;
      case "STAR" -> "Star schema around " + name;
      case "DATA_VAULT" -> "Data Vault model of " + name;
      default -> "Model suggestion";
    };
  }

  private static String titleFrom(String message) {
    String oneLine = message.replaceAll("\\s+", " ");
    return oneLine.length() <= MAX_TITLE_CHARS
        ? oneLine
        : oneLine.substring(0, MAX_TITLE_CHARS - 1) + "…";
  }

  private AiControls controlsOf(String workspaceId) {
    return store.controls(workspaceId).orElse(AiControls.DEFAULTS);
  }

  private String languageModel() {
    return architects.configuredName();
  }

  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  static String month(Instant at) {
    return MONTH.format(at);
  }
}
