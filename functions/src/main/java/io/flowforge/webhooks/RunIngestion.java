package io.flowforge.webhooks;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Accepts one signed run report for a workspace — the service behind {@code POST /api/hooks/runs}. The
 * order is what makes it safe: size, then signature and timestamp, then parsing and admission (checks
 * against stored state, such as a dependency cycle), then the webhook id (a replay is acknowledged and
 * ignored), and only then storing; so an unsigned, badly signed, stale or
 * replayed delivery stores nothing. A run already reported (same job and run id, under a new webhook id)
 * is also acknowledged without adding points.
 */
public final class RunIngestion {
  /** The largest body accepted; a run report is a few kilobytes. */
  public static final int MAX_BODY_BYTES = 256 * 1024;

  /** The signing secrets of each workspace (more than one during a rotation). */
  @FunctionalInterface
  public interface Secrets {
    List<WebhookSecret> of(String workspaceId);
  }

  /** The runs a workspace reported, per job; {@code recordOnce} is false for a run id already recorded. */
  public interface RunLog {
    boolean recordOnce(String workspaceId, RunReport report);

    List<RunReport> recent(String workspaceId, String job);
  }

  /** What happened to a delivery. */
  public enum Result {
    STORED,
    DUPLICATE_DELIVERY,
    DUPLICATE_RUN
  }

  /**
   * Checks a parsed, authenticated report against what the workspace already holds (e.g. that its
   * declared upstream jobs form no cycle) before anything is stored; it refuses by throwing.
   */
  @FunctionalInterface
  public interface Admission {
    void admit(String workspaceId, RunReport report);
  }

  /** The outcome, the report as parsed and the points stored. */
  public record Outcome(Result result, String webhookId, RunReport report, List<MetricPoint> points) {}

  private final Secrets secrets;
  private final ReplayGuard replays;
  private final RunLog runs;
  private final MetricHistory history;
  private final Admission admission;
  private final Clock clock;

  public RunIngestion(Secrets secrets, ReplayGuard replays, RunLog runs, MetricHistory history, Clock clock) {
    this(secrets, replays, runs, history, (workspaceId, report) -> {}, clock);
  }

  public RunIngestion(
      Secrets secrets,
      ReplayGuard replays,
      RunLog runs,
      MetricHistory history,
      Admission admission,
      Clock clock) {
    this.admission = admission;
    this.secrets = secrets;
    this.replays = replays;
    this.runs = runs;
    this.history = history;
    this.clock = clock;
  }

  public Outcome ingest(String workspaceId, Map<String, String> headers, byte[] body) {
    if (body.length > MAX_BODY_BYTES) {
      throw new FlowForgeException(
          ProblemType.PAYLOAD_TOO_LARGE, "The run report is " + body.length + " bytes; the limit is " + MAX_BODY_BYTES + ".");
    }
    List<WebhookSecret> keys = secrets.of(workspaceId);
    if (keys.isEmpty()) {
      throw new FlowForgeException(
          ProblemType.UNAUTHORIZED, "This workspace has no webhook secret yet; create one before sending run reports.");
    }
    WebhookSignature.Verified verified = WebhookSignature.verify(headers, body, keys, clock);
    // Parsed before the id is remembered, so a rejected body can be fixed and resent under the same id.
    RunReport report = RunReportParser.parse(body, clock.instant());
    admission.admit(workspaceId, report);
    // Kept past both edges of the tolerance, after which the timestamp check rejects a replay by itself.
    if (!replays.firstDelivery(workspaceId, verified.id(), verified.timestamp().plus(WebhookSignature.TOLERANCE.multipliedBy(2)))) {
      return new Outcome(Result.DUPLICATE_DELIVERY, verified.id(), report, List.of());
    }
    List<RunReport> previous = runs.recent(workspaceId, report.job());
    if (!runs.recordOnce(workspaceId, report)) {
      return new Outcome(Result.DUPLICATE_RUN, verified.id(), report, List.of());
    }
    List<MetricPoint> points = RunMetrics.extract(report, previous);
    history.append(workspaceId, report.runId(), points);
    return new Outcome(Result.STORED, verified.id(), report, points);
  }
}
