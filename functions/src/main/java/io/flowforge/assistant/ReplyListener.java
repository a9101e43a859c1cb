package io.flowforge.assistant;

/**
 * Receives an answer while it is produced, for a streaming endpoint or a chat panel. Calls arrive on the
 * answering thread, in order.
 */
public interface ReplyListener {
  ReplyListener NONE = new ReplyListener() {};

  /** A piece of the answer's text. */
  default void onText(String text) {}

  /** A tool call has finished. */
  default void onToolCall(ToolOutcome outcome) {}
}
