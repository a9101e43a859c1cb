package io.flowforge.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One AI interaction in a workspace's audit log: an answer, a refused message, an applied
 * suggestion or a tool called by an MCP client.
 *
 * @param actor the subject who caused it
 * @param action {@code message}, {@code refused}, {@code apply} or {@code tool_call}
 * @param outcome {@code answered}, the problem slug of a refusal ({@code budget-exhausted} or
 *     {@code rate-limited}), {@code applied:<model id>@<version>}, or for a tool call {@code ok}
 *     or the problem slug it failed with ({@code validation}, {@code forbidden}, …)
 * @param tools the tools called, in order
 * @param channel {@code conversation} (the assistant) or {@code mcp}; absent on entries written
 *     before channels were recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuditEntry(
    String id,
    Instant at,
    String actor,
    String action,
    String conversationId,
    String messageId,
    String answeredBy,
    List<String> tools,
    long inputTokens,
    long outputTokens,
    BigDecimal costUsd,
    String outcome,
    String channel) {
  public static final String CONVERSATION = "conversation";
  public static final String MCP = "mcp";

  public AuditEntry {
    tools = tools == null ? List.of() : List.copyOf(tools);
  }

  /** An entry of the assistant's conversations. */
  public AuditEntry(
      String id,
      Instant at,
      String actor,
      String action,
      String conversationId,
      String messageId,
      String answeredBy,
      List<String> tools,
      long inputTokens,
      long outputTokens,
      BigDecimal costUsd,
      String outcome) {
    this(
        id, at, actor, action, conversationId, messageId, answeredBy, tools, inputTokens,
        outputTokens, costUsd, outcome, CONVERSATION);
  }
}
