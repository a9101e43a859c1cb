package io.flowforge.conversation;

/**
 * A workspace's controls over the assistant.
 *
 * @param aiEnabled false keeps every answer on the offline architect: nothing is sent to a language
 *     model
 * @param samplesAllowed true lets scrubbed sample values (at most 100 rows) reach a language model;
 *     otherwise only names, types and statistics do
 * @param monthlyTokenBudget language model tokens (input + output) the workspace may use per
 *     calendar month (UTC); once used up, messages that would reach a language model are refused
 *     until the next month
 * @param messagesPerMinute messages the workspace may send per minute
 * @param version optimistic-lock version of the stored controls (0 while the defaults apply)
 */
public record AiControls(
    boolean aiEnabled,
    boolean samplesAllowed,
    long monthlyTokenBudget,
    int messagesPerMinute,
    long version) {
  public static final long DEFAULT_MONTHLY_TOKEN_BUDGET = 2_000_000;
  public static final int DEFAULT_MESSAGES_PER_MINUTE = 20;
  public static final AiControls DEFAULTS =
      new AiControls(true, false, DEFAULT_MONTHLY_TOKEN_BUDGET, DEFAULT_MESSAGES_PER_MINUTE, 0);
}
