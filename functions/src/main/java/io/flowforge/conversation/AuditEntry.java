package io.flowforge.conversation;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One AI interaction in a workspace's audit log: an answer, a refused message or an applied
 * suggestion.
 *
 * @param actor the subject who caused it
 * @param action {@code message}, {@code refused} or {@code apply}
 * @param outcome {@code answered}, the problem slug of a refusal ({@code budget-exhausted} or
 *     {@code rate-limited}), or {@code applied:<model id>@<version>}
 * @param tools the tools called, in order
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
    String outcome) {
  public AuditEntry {
    tools = tools == null ? List.of() : List.copyOf(tools);
  }
}
