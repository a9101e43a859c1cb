package io.flowforge.webhooks;

import io.flowforge.anomaly.Anomaly;
import io.flowforge.anomaly.BaselineKind;
import io.flowforge.anomaly.CauseKind;
import io.flowforge.anomaly.LikelyCause;
import io.flowforge.anomaly.Severity;
import java.time.Instant;
import java.util.List;

/** An alert about a volume drop with two likely causes, shared by the alert tests. */
final class AlertFixtures {
  private AlertFixtures() {}

  static AlertMessage volumeDrop() {
    Anomaly anomaly =
        new Anomaly(
            Instant.parse("2025-04-21T06:00:00Z"), 300, 1000, 950, 1050, Severity.HIGH, 0.9, BaselineKind.MEDIAN_MAD,
            List.of(
                new LikelyCause(CauseKind.UPSTREAM_FAILED, "upstream job bronze_orders failed", 0.85),
                new LikelyCause(CauseKind.PUBLIC_HOLIDAY, "2025-04-21 is a public holiday in DE (Ostermontag) <b>", 0.75)));
    return new AlertMessage("al-1", "ws-1", "silver_orders", "rows:silver.orders", anomaly, "http://127.0.0.1:8080/#/anomalies/al-1");
  }
}
