package io.flowforge.assistant;

/**
 * Answers a user's message in a conversation by calling tools. Implemented by the offline architect (the
 * embedded default) and by Claude on Bedrock (which falls back to the offline architect).
 */
public interface Architect {
  /**
   * @param context the caller's workspace and its catalog
   * @param state what the conversation remembers from earlier turns
   * @param message the user's message
   */
  default AssistantReply reply(ToolContext context, ConversationState state, String message) {
    return reply(context, state, message, ReplyListener.NONE);
  }

  /**
   * Answers while telling {@code listener} about each tool call and piece of text as it is produced; the
   * returned reply holds the whole answer.
   */
  AssistantReply reply(ToolContext context, ConversationState state, String message, ReplyListener listener);
}
