package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One answer of the assistant.
 *
 * @param text what the user reads
 * @param suggestion the model suggestion the user can preview and apply, or null
 * @param toolCalls every tool call made for this answer, in order
 * @param state the conversation state after this answer (the next refinement applies to it)
 * @param answeredBy {@code offline-architect} or {@code bedrock:<model id>}
 * @param usage tokens and cost when a language model answered, else {@link Usage#NONE}
 * @param notice a note the user must see, e.g. that Bedrock failed and the offline architect answered; or
 *     null
 */
public record AssistantReply(
    String text,
    JsonNode suggestion,
    List<ToolOutcome> toolCalls,
    ConversationState state,
    String answeredBy,
    Usage usage,
    String notice) {
  public AssistantReply {
    toolCalls = List.copyOf(toolCalls);
  }

  public AssistantReply withNotice(String newNotice) {
    return new AssistantReply(newNotice + "\n\n" + text, suggestion, toolCalls, state, answeredBy, usage, newNotice);
  }
}
