package io.flowforge.conversation;

import java.math.BigDecimal;

/**
 * What a workspace's assistant used in one calendar month (UTC).
 *
 * @param month {@code yyyy-MM}
 * @param messages assistant answers given
 * @param inputTokens language model tokens sent
 * @param outputTokens language model tokens received
 * @param costUsd what they cost at the configured prices
 */
public record MonthlyUsage(
    String month, long messages, long inputTokens, long outputTokens, BigDecimal costUsd) {
  public static MonthlyUsage empty(String month) {
    return new MonthlyUsage(month, 0, 0, 0, BigDecimal.ZERO);
  }

  public long tokens() {
    return inputTokens + outputTokens;
  }
}
