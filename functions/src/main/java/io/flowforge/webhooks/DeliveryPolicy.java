package io.flowforge.webhooks;

import io.flowforge.core.FlowForgeException;
import java.time.Duration;

/**
 * How hard to try an alert destination: at most {@code maxAttempts} requests, each bounded by {@code
 * timeout}, waiting {@code initialBackoff} after the first failure and multiplying the wait by {@code
 * multiplier} after each further one, up to {@code maxBackoff}.
 */
public record DeliveryPolicy(int maxAttempts, Duration timeout, Duration initialBackoff, double multiplier, Duration maxBackoff) {
  public DeliveryPolicy {
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw FlowForgeException.invalid("/maxAttempts", "maxAttempts must be 1 to 10; got " + maxAttempts + ".");
    }
    if (multiplier < 1) {
      throw FlowForgeException.invalid("/multiplier", "multiplier must be >= 1; got " + multiplier + ".");
    }
  }

  /** Four attempts, 5 s each, waiting 1 s, 4 s and 16 s in between: a check run is never held up for long. */
  public static DeliveryPolicy standard() {
    return new DeliveryPolicy(4, Duration.ofSeconds(5), Duration.ofSeconds(1), 4, Duration.ofSeconds(30));
  }

  /** The wait after failed attempt {@code attempt} (1-based). */
  public Duration backoffAfter(int attempt) {
    double millis = initialBackoff.toMillis() * Math.pow(multiplier, attempt - 1);
    return Duration.ofMillis((long) Math.min(millis, maxBackoff.toMillis()));
  }
}
