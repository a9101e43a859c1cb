package io.flowforge.webhooks;

import io.flowforge.core.FlowForgeException;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Delivers an alert to one destination under a {@link DeliveryPolicy}: checks the URL with the {@link
 * SsrfGuard} before every attempt (DNS may change between attempts), signs generic payloads, retries
 * network errors, timeouts, 429 and 5xx with exponential backoff, and gives up at once on other 4xx (the
 * request itself is wrong). The outcome says whether it was delivered, or carries the dead letter.
 */
public final class AlertDelivery {
  /** Waits between attempts; a no-op or a recorder in tests. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  /** What happened: delivered after {@code attempts} tries, or dead-lettered. */
  public record Outcome(boolean delivered, int attempts, Optional<DeadLetter> deadLetter) {}

  private final HttpSender sender;
  private final SsrfGuard guard;
  private final DeliveryPolicy policy;
  private final Sleeper sleeper;
  private final Clock clock;

  public AlertDelivery(HttpSender sender, SsrfGuard guard, DeliveryPolicy policy, Sleeper sleeper, Clock clock) {
    this.sender = sender;
    this.guard = guard;
    this.policy = policy;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  public Outcome deliver(AlertDestination destination, AlertMessage alert, boolean localWorkspace) throws InterruptedException {
    byte[] body =
        destination.kind() == AlertDestination.Kind.SLACK ? AlertPayloads.slack(alert) : AlertPayloads.generic(alert);
    // One webhook id per alert and destination, kept across retries so the receiver can drop duplicates.
    String webhookId = "msg_" + alert.alertId() + "_" + destination.id();
    String lastError = "";
    int attempt = 0;
    while (attempt < policy.maxAttempts()) {
      attempt++;
      try {
        URI url = destination.url();
        guard.check(url, localWorkspace);
        int status = sender.post(url, headers(destination, webhookId, body), body, policy.timeout());
        if (status >= 200 && status < 300) {
          return new Outcome(true, attempt, Optional.empty());
        }
        lastError = "HTTP " + status;
        if (status >= 400 && status < 500 && status != 408 && status != 429) {
          break;
        }
      } catch (FlowForgeException e) {
        lastError = e.getMessage();
        break;
      } catch (IOException e) {
        lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
      }
      if (attempt < policy.maxAttempts()) {
        sleeper.sleep(policy.backoffAfter(attempt));
      }
    }
    DeadLetter letter = new DeadLetter(destination.id(), alert.alertId(), webhookId, body, attempt, lastError, clock.instant());
    return new Outcome(false, attempt, Optional.of(letter));
  }

  private Map<String, String> headers(AlertDestination destination, String webhookId, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    if (destination.kind() == AlertDestination.Kind.GENERIC && !destination.secrets().isEmpty()) {
      headers.putAll(WebhookSignature.headers(webhookId, clock.instant(), body, destination.secrets()));
    }
    return headers;
  }
}
