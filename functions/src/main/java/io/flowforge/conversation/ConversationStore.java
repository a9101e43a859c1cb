package io.flowforge.conversation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Port: conversations, their messages, AI controls, usage counters and the audit log of one
 * workspace.
 */
public interface ConversationStore {
  /** Stores a new conversation; returns it with its stored version. */
  Conversation create(Conversation conversation);

  Optional<Conversation> find(String workspaceId, String conversationId);

  /** The workspace's conversations, most recently updated first. */
  List<Conversation> list(String workspaceId);

  /** The conversation's messages in order. */
  List<ChatMessage> messages(String workspaceId, String conversationId);

  /**
   * Stores new messages and the conversation after them in one transaction, only if nobody changed
   * the conversation since {@code updated.version()} was read; otherwise a conflict and nothing is
   * stored. Returns the conversation with its new version.
   */
  Conversation append(Conversation updated, List<ChatMessage> messages);

  /** Replaces a stored message (a suggestion marked as applied). */
  void replaceMessage(String workspaceId, ChatMessage message);

  /** The stored controls, or empty while the defaults apply. */
  Optional<AiControls> controls(String workspaceId);

  /**
   * Stores the controls if their version is still {@code controls.version()}; returns the new
   * version.
   */
  AiControls saveControls(String workspaceId, AiControls controls);

  MonthlyUsage usage(String workspaceId, String month);

  /** Adds one answer's tokens and cost to the month's counters. */
  void addUsage(
      String workspaceId, String month, long inputTokens, long outputTokens, BigDecimal costUsd);

  /**
   * Admits one message into the workspace's rolling rate window (see {@link MessageWindow}) if
   * fewer than {@code limit} were admitted in the {@code window} before {@code now}. Atomic: two
   * servers admitting at once never both take the last slot.
   *
   * @return empty when admitted; else the instant a slot frees, for Retry-After
   */
  Optional<Instant> admitMessage(String workspaceId, Instant now, int limit, Duration window);

  void audit(String workspaceId, AuditEntry entry);

  /** The newest {@code limit} audit entries, newest first. */
  List<AuditEntry> audit(String workspaceId, int limit);
}
