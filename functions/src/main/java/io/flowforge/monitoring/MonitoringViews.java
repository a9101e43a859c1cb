package io.flowforge.monitoring;

import io.flowforge.anomaly.Sensitivity;
import io.flowforge.webhooks.AlertDestination;
import io.flowforge.webhooks.RunIngestion;
import io.flowforge.webhooks.RunStatus;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/** The answers of monitoring's routes; secrets appear only in the answer that creates them. */
public final class MonitoringViews {
  private MonitoringViews() {}

  /** What an accepted webhook delivery did: stored, or recognised as a duplicate and ignored. */
  public record IngestReceipt(RunIngestion.Result result, String webhookId, int points) {}

  /** A monitor as listed, with the exception rules that apply to it. */
  public record MonitorView(
      String id,
      String job,
      String metric,
      Sensitivity sensitivity,
      int minHistory,
      String country,
      Instant createdAt,
      long version,
      List<RuleView> rules) {}

  /** An exception rule with a description a person reads. */
  public record RuleView(String id, String monitorId, String kind, String description, Instant createdAt) {}

  /**
   * One point of a series for plotting: the value, whether a person marked it expected, and the band the
   * monitor expected it in (null while the history is too short or a rule covers the point).
   */
  public record SeriesPoint(
      Instant at, double value, boolean markedExpected, Double expected, Double lower, Double upper, String status) {}

  /** A monitor's recent history with its bands, and the anomalies recorded on it. */
  public record SeriesView(MonitorView monitor, List<SeriesPoint> points, List<RecordedAnomaly> anomalies) {}

  /** Whether the workspace has a webhook secret, without revealing it. */
  public record SecretStatus(boolean configured, Instant createdAt, Instant rotatedAt, Instant previousValidUntil) {}

  /** A new secret, shown once; the previous one stays valid until {@code previousValidUntil}. */
  public record IssuedSecret(String secret, Instant createdAt, Instant rotatedAt, Instant previousValidUntil) {}

  /** A destination as listed; {@code signingSecret} is set only in the answer that creates it. */
  public record DestinationView(
      String id, String name, AlertDestination.Kind kind, URI url, Instant createdAt, String signingSecret) {}

  /** The outcome of a test delivery. */
  public record TestSend(boolean delivered, int attempts, String error) {}

  /** A delivery that failed after its last attempt. */
  public record DeadLetterView(
      String destinationId, String alertId, String webhookId, int attempts, String lastError, Instant at) {}

  /** A job as listed: the jobs it depends on, who declared them, and its newest run. */
  public record JobView(
      String job,
      List<String> upstream,
      String upstreamSource,
      Instant upstreamUpdatedAt,
      RunSummary lastRun) {}

  /** A run in a job listing. */
  public record RunSummary(String runId, RunStatus status, Instant startedAt, Instant endedAt) {}
}
