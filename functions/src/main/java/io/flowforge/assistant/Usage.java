package io.flowforge.assistant;

import java.math.BigDecimal;

/**
 * Tokens a language model used for one exchange and what they cost.
 *
 * @param inputTokens tokens sent, summed over every round of the exchange
 * @param outputTokens tokens received
 * @param costUsd price of the exchange in US dollars at the configured prices
 */
public record Usage(long inputTokens, long outputTokens, BigDecimal costUsd) {
  public static final Usage NONE = new Usage(0, 0, BigDecimal.ZERO);

  public Usage plus(Usage other) {
    return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, costUsd.add(other.costUsd));
  }
}
