package io.flowforge.local.demo;

import io.flowforge.core.Caller;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.webhooks.RunIngestion;
import io.flowforge.webhooks.WebhookSecret;
import io.flowforge.webhooks.WebhookSignature;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Gives the demo workspace a monitoring history: signs {@link DemoRuns}' reports with the workspace's own
 * webhook secret and hands them to {@link MonitoringService#ingestRun} — the path a signed
 * {@code POST /api/hooks/runs} takes — then runs the scheduled check once, so the page shows monitors,
 * bands and the flagged incident from the first start rather than after the first hourly check.
 */
public final class DemoMonitoring {
  private DemoMonitoring() {}

  /**
   * Seeds the workspace unless it already has monitors or a webhook secret: a restart with persisted data
   * adds nothing, and a secret someone created in an older demo workspace is never replaced.
   *
   * @return whether the history was seeded now
   */
  public static boolean seedIfAbsent(MonitoringService monitoring, Caller owner, String workspaceId, Clock clock) {
    if (!monitoring.monitors(owner, workspaceId).isEmpty()
        || monitoring.secretStatus(owner, workspaceId).configured()) {
      return false;
    }
    WebhookSecret secret = WebhookSecret.parse(monitoring.createSecret(owner, workspaceId).secret());
    for (DemoRuns.Delivery delivery : DemoRuns.ending(lastDay(clock.instant()))) {
      // Signed at the moment of sending, like a scheduler's delivery, so the ±5 min tolerance holds.
      RunIngestion.Result result =
          monitoring
              .ingestRun(
                  workspaceId,
                  WebhookSignature.headers(delivery.webhookId(), clock.instant(), delivery.body(), List.of(secret)),
                  delivery.body())
              .result();
      if (result != RunIngestion.Result.STORED) {
        throw new IllegalStateException("demo run " + delivery.webhookId() + " was not stored: " + result);
      }
    }
    try {
      monitoring.check(workspaceId, clock.instant());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      // The hourly scheduled check judges the same points later; the history is already stored.
    }
    return true;
  }

  /** When the demo's last runs happened: the day before {@code now}, in UTC. */
  public static LocalDate lastDay(Instant now) {
    return LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
  }
}
