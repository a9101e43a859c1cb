package io.flowforge.conversation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.flowforge.assistant.ConversationState;
import io.flowforge.assistant.ModelRequest;
import java.time.Instant;

/**
 * A conversation with the assistant in one workspace.
 *
 * @param title what the conversation is about, from its start or its first message
 * @param createdBy the subject who started it
 * @param messageCount user and assistant messages stored so far; the next message's sequence number
 * @param lastRequest the model request behind the latest suggestion, so a refinement ("make it type
 *     1 instead") applies to it; null before the first suggestion
 * @param lastSuggestionId the latest suggestion's id, or null
 * @param version optimistic-lock version: two answers racing on one conversation cannot both be
 *     stored
 */
public record Conversation(
    String id,
    String workspaceId,
    String title,
    String createdBy,
    Instant createdAt,
    Instant updatedAt,
    int messageCount,
    ModelRequest lastRequest,
    String lastSuggestionId,
    long version) {

  /** What the assistant remembers from earlier turns. */
  @JsonIgnore
  public ConversationState state() {
    return new ConversationState(lastRequest);
  }

  /** This conversation after an exchange of {@code added} messages. */
  Conversation after(
      int added, Instant at, String title, ModelRequest request, String suggestionId) {
    return new Conversation(
        id,
        workspaceId,
        title,
        createdBy,
        createdAt,
        at,
        messageCount + added,
        request,
        suggestionId,
        version);
  }
}
