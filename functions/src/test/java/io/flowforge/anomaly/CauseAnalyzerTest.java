package io.flowforge.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class CauseAnalyzerTest {
  private static final Instant SATURDAY = Instant.parse("2025-06-14T08:00:00Z");

  @Test
  void namesWeekend_unlessTheBaselineIsWeekly() {
    List<LikelyCause> median = CauseAnalyzer.rank(SATURDAY, true, BaselineKind.MEDIAN_MAD, ZoneOffset.UTC, CauseContext.none());
    List<LikelyCause> weekly = CauseAnalyzer.rank(SATURDAY, true, BaselineKind.DAY_OF_WEEK, ZoneOffset.UTC, CauseContext.none());
    assertEquals(CauseKind.WEEKEND, median.get(0).kind());
    assertTrue(weekly.isEmpty());
  }

  @Test
  void ranksLateUpstreamAndSchemaChange_andIgnoresOldEvents() {
    Instant monday = Instant.parse("2025-06-16T08:00:00Z");
    CauseContext context =
        new CauseContext(
            null,
            List.of(
                new CauseContext.UpstreamRun("silver_customers", true, monday.minus(Duration.ofHours(1)), monday.minus(Duration.ofHours(4))),
                new CauseContext.UpstreamRun("old_job", false, monday.minus(Duration.ofDays(3)), null)),
            List.of(new CauseContext.SchemaChange("bronze.orders", "column amount dropped", monday.minus(Duration.ofHours(5)))),
            List.of(new CauseContext.QualityResult("small_change", 0.98, 0.99, monday)));
    List<LikelyCause> causes = CauseAnalyzer.rank(monday, true, BaselineKind.MEDIAN_MAD, ZoneOffset.UTC, context);

    assertEquals(List.of(CauseKind.UPSTREAM_LATE, CauseKind.SCHEMA_CHANGE), causes.stream().map(LikelyCause::kind).toList());
    assertTrue(causes.get(0).explanation().contains("180 min"));
  }
}
