package io.flowforge.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.assistant.ToolOutcome;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One message of a conversation.
 *
 * @param sequence position in the conversation, from 0
 * @param role {@code user} or {@code assistant}
 * @param text what the user wrote or the assistant answered
 * @param toolCalls the assistant's tool calls in order; large results are summarised (see {@link
 *     ToolCalls#forStorage})
 * @param suggestion the model suggestion this answer carries, or null
 * @param answeredBy {@code offline-architect} or {@code bedrock:<model id>}; null for user messages
 * @param notice what the user must know about this answer (e.g. a fallback), or null
 * @param inputTokens language model tokens sent for this answer
 * @param outputTokens language model tokens received for this answer
 * @param costUsd what the tokens cost at the configured prices
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatMessage(
    String id,
    String conversationId,
    int sequence,
    String role,
    String text,
    List<ToolOutcome> toolCalls,
    Suggestion suggestion,
    String answeredBy,
    String notice,
    long inputTokens,
    long outputTokens,
    BigDecimal costUsd,
    Instant createdAt) {
  public static final String USER = "user";
  public static final String ASSISTANT = "assistant";

  public ChatMessage {
    toolCalls = toolCalls == null ? List.of() : List.copyOf(toolCalls);
  }

  ChatMessage withSuggestion(Suggestion applied) {
    return new ChatMessage(
        id,
        conversationId,
        sequence,
        role,
        text,
        toolCalls,
        applied,
        answeredBy,
        notice,
        inputTokens,
        outputTokens,
        costUsd,
        createdAt);
  }

  /**
   * A suggestion the user can preview and apply.
   *
   * @param content what the tools produced: the request, the model, its canvas layout, missing
   *     tools
   * @param nodeCount tables on the canvas preview
   * @param templateCount generated files (SQL, YAML)
   * @param appliedModelId the canvas model it was applied to, or null while not applied
   * @param appliedVersion that model's version after applying, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Suggestion(
      String id,
      String title,
      JsonNode content,
      int nodeCount,
      int templateCount,
      String appliedModelId,
      Long appliedVersion) {

    Suggestion applied(String modelId, long modelVersion) {
      return new Suggestion(id, title, content, nodeCount, templateCount, modelId, modelVersion);
    }
  }
}
