package io.flowforge.conversation;

import java.util.List;

/** A conversation with its messages in order. */
public record ConversationView(Conversation conversation, List<ChatMessage> messages) {
  public ConversationView {
    messages = List.copyOf(messages);
  }
}
