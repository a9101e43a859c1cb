package io.flowforge.conversation;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@link ConversationStore} in memory, for tests of the service's rules that do no I/O. */
final class InMemoryConversationStore implements ConversationStore {
  private final Map<String, Conversation> conversations = new HashMap<>();
  private final Map<String, List<ChatMessage>> messages = new HashMap<>();
  private final Map<String, AiControls> controls = new HashMap<>();
  private final Map<String, MonthlyUsage> usage = new HashMap<>();
  private final Map<String, MessageWindow> windows = new HashMap<>();
  private final Map<String, List<AuditEntry>> audit = new HashMap<>();

  @Override
  public synchronized Conversation create(Conversation conversation) {
    Conversation stored = withVersion(conversation, 1);
    conversations.put(key(conversation.workspaceId(), conversation.id()), stored);
    messages.put(key(conversation.workspaceId(), conversation.id()), new ArrayList<>());
    return stored;
  }

  @Override
  public synchronized Optional<Conversation> find(String workspaceId, String conversationId) {
    return Optional.ofNullable(conversations.get(key(workspaceId, conversationId)));
  }

  @Override
  public synchronized List<Conversation> list(String workspaceId) {
    return conversations.values().stream()
        .filter(c -> c.workspaceId().equals(workspaceId))
        .sorted(Comparator.comparing(Conversation::updatedAt).reversed())
        .toList();
  }

  @Override
  public synchronized List<ChatMessage> messages(String workspaceId, String conversationId) {
    return List.copyOf(messages.getOrDefault(key(workspaceId, conversationId), List.of()));
  }

  @Override
  public synchronized Conversation append(Conversation updated, List<ChatMessage> added) {
    String key = key(updated.workspaceId(), updated.id());
    if (conversations.get(key).version() != updated.version()) {
      throw new FlowForgeException(ProblemType.CONFLICT, "conversation changed");
    }
    Conversation stored = withVersion(updated, updated.version() + 1);
    conversations.put(key, stored);
    messages.get(key).addAll(added);
    return stored;
  }

  @Override
  public synchronized void replaceMessage(String workspaceId, ChatMessage message) {
    List<ChatMessage> stored = messages.get(key(workspaceId, message.conversationId()));
    stored.set(message.sequence(), message);
  }

  @Override
  public synchronized Optional<AiControls> controls(String workspaceId) {
    return Optional.ofNullable(controls.get(workspaceId));
  }

  @Override
  public synchronized AiControls saveControls(String workspaceId, AiControls changed) {
    long current =
        Optional.ofNullable(controls.get(workspaceId)).map(AiControls::version).orElse(0L);
    if (current != changed.version()) {
      throw new FlowForgeException(ProblemType.CONFLICT, "controls changed");
    }
    AiControls stored =
        new AiControls(
            changed.aiEnabled(),
            changed.samplesAllowed(),
            changed.monthlyTokenBudget(),
            changed.messagesPerMinute(),
            current + 1);
    controls.put(workspaceId, stored);
    return stored;
  }

  @Override
  public synchronized MonthlyUsage usage(String workspaceId, String month) {
    return usage.getOrDefault(key(workspaceId, month), MonthlyUsage.empty(month));
  }

  @Override
  public synchronized void addUsage(
      String workspaceId, String month, long inputTokens, long outputTokens, BigDecimal costUsd) {
    MonthlyUsage now = usage(workspaceId, month);
    usage.put(
        key(workspaceId, month),
        new MonthlyUsage(
            month,
            now.messages() + 1,
            now.inputTokens() + inputTokens,
            now.outputTokens() + outputTokens,
            now.costUsd().add(costUsd)));
  }

  @Override
  public synchronized Optional<Instant> admitMessage(
      String workspaceId, Instant now, int limit, Duration window) {
    MessageWindow.Admission admission =
        windows.getOrDefault(workspaceId, MessageWindow.EMPTY).admit(now, limit, window);
    if (!admission.admitted()) {
      return Optional.of(admission.retryAt());
    }
    windows.put(workspaceId, admission.next());
    return Optional.empty();
  }

  @Override
  public synchronized void audit(String workspaceId, AuditEntry entry) {
    audit.computeIfAbsent(workspaceId, w -> new ArrayList<>()).add(0, entry);
  }

  @Override
  public synchronized List<AuditEntry> audit(String workspaceId, int limit) {
    List<AuditEntry> entries = audit.getOrDefault(workspaceId, List.of());
    return List.copyOf(entries.subList(0, Math.min(limit, entries.size())));
  }

  private static Conversation withVersion(Conversation c, long version) {
    return new Conversation(
        c.id(),
        c.workspaceId(),
        c.title(),
        c.createdBy(),
        c.createdAt(),
        c.updatedAt(),
        c.messageCount(),
        c.lastRequest(),
        c.lastSuggestionId(),
        version);
  }

  private static String key(String workspaceId, String id) {
    return workspaceId + "/" + id;
  }
}
