package io.flowforge.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.optimizer.ScanEstimator.ColumnStats;
import io.flowforge.optimizer.ScanEstimator.Estimate;
import io.flowforge.optimizer.ScanEstimator.Request;
import io.flowforge.optimizer.ScanEstimator.TableStats;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scan estimate worked by hand: a table of exactly 1,000 target-size files (1,000 bytes a row, 128 Mi
 * rows), so every file count below follows from the model's stated rules.
 */
class ScanEstimatorTest {
  private static final long ROWS = 128L * 1024 * 1024;
  private static final TableStats EVENTS =
      new TableStats(
          "events",
          ROWS,
          1_000L,
          List.of(
              new ColumnStats("event_id", "BIGINT", ROWS, true),
              new ColumnStats("customer_id", "BIGINT", 10_000L, false),
              new ColumnStats("product_id", "BIGINT", 5_000L, false),
              new ColumnStats("region", "VARCHAR", 10L, false),
              new ColumnStats("event_date", "DATE", 1_000L, true)));
  private static final ScanEstimator ESTIMATOR = new ScanEstimator(new DatabricksOptimizer());

  @Test
  void clusteringOnTheFilterColumn_readsOneFileInsteadOfAll() {
    Estimate e = ESTIMATOR.estimate(request("customer_id", List.of(), List.of("customer_id")));

    assertEquals(1_000, e.withoutLayout().files());
    assertEquals(1_000, e.withoutLayout().filesScanned(), "unordered column: no file can be skipped");
    assertEquals("liquid_clustering", e.withLayout().layout());
    assertEquals(1, e.withLayout().filesScanned());
    assertEquals(1_000.0, e.ratio());
    assertEquals(0.0001, e.filterSelectivity());
    assertEquals("low", e.smallFileRisk().level());
  }

  @Test
  void clusteringOnTwoColumns_splitsEachColumnIntoTheSquareRootOfTheFiles() {
    Estimate e = ESTIMATOR.estimate(request("customer_id", List.of(), List.of("customer_id", "product_id")));

    // floor(sqrt(1000)) = 31 ranges of customer_id, so ceil(1000 / 31) = 33 files.
    assertEquals(33, e.withLayout().filesScanned());
    assertEquals(30.303, e.ratio());
  }

  @Test
  void zOrderIsNamedAsSuch_andSkipsLikeLiquidClustering() {
    Estimate e = ESTIMATOR.estimate(
        new Request(EVENTS, "customer_id", List.of(), List.of("customer_id"), true, null));

    assertEquals("z_order", e.withLayout().layout());
    assertEquals(1, e.withLayout().filesScanned());
    assertTrue(e.withLayout().explanation().startsWith("Z-order"), e.withLayout().explanation());
  }

  @Test
  void partitionPruning_keepsOnePartition_andOtherFiltersReadEveryPartition() {
    Estimate pruned = ESTIMATOR.estimate(request("region", List.of("region"), List.of()));
    Estimate elsewhere = ESTIMATOR.estimate(request("customer_id", List.of("region"), List.of()));

    assertEquals(1_000, pruned.withLayout().files());
    assertEquals(100, pruned.withLayout().filesScanned());
    assertEquals(10.0, pruned.ratio());
    assertEquals("low", pruned.smallFileRisk().level(), pruned.smallFileRisk().reason());
    assertEquals(1_000, elsewhere.withLayout().filesScanned());
    assertEquals(1.0, elsewhere.ratio());
  }

  @Test
  void partitioningByAHighCardinalityColumn_isAHighSmallFileRisk() {
    Estimate e = ESTIMATOR.estimate(request("customer_id", List.of("customer_id"), List.of()));

    // 10,000 partitions of 12.8 MB: one undersized file each.
    assertEquals(10_000, e.withLayout().files());
    assertEquals(1, e.withLayout().filesScanned());
    assertEquals("high", e.smallFileRisk().level());
    assertTrue(e.smallFileRisk().reason().contains("smaller than one 128.0 MB target file"), e.smallFileRisk().reason());
  }

  @Test
  void aColumnRisingInFileOrder_isSkippedWithoutAnyLayout() {
    Estimate e = ESTIMATOR.estimate(request("event_date", List.of(), List.of("customer_id")));

    assertEquals(1, e.withoutLayout().filesScanned(), e.withoutLayout().explanation());
    assertTrue(e.withoutLayout().explanation().contains("rises in file order"));
    // Clustering on another column destroys the date order: every file's date range is wide again.
    assertEquals(1_000, e.withLayout().filesScanned());
    assertTrue(e.ratio() < 1.0, "the proposed layout makes this query worse: " + e.ratio());
  }

  @Test
  void projecting_growsKeyLikeColumnsWithTheTable_andKeepsOtherCardinalities() {
    TableStats small =
        new TableStats(
            "events",
            10_000L,
            1_000L,
            List.of(new ColumnStats("event_id", "BIGINT", 10_000L, false), new ColumnStats("region", "VARCHAR", 10L, false)));

    Estimate e = ESTIMATOR.estimate(new Request(small, "event_id", List.of(), List.of(), false, ROWS));
    Estimate region = ESTIMATOR.estimate(new Request(small, "region", List.of(), List.of(), false, ROWS));

    assertEquals(ROWS, e.rows());
    assertEquals(ROWS, e.filterDistinct());
    assertEquals(10, region.filterDistinct());
    assertTrue(e.assumptions().stream().anyMatch(a -> a.startsWith("Projected to 134,217,728 rows from 10,000")));
  }

  @Test
  void withoutAProposedLayout_usesTheOptimizersRecommendation() {
    Estimate e = ESTIMATOR.estimate(new Request(EVENTS, null, null, null, false, null));

    assertEquals("event_date", e.filterColumn(), "the first date column is the typical filter");
    assertEquals("liquid_clustering", e.withLayout().layout());
    assertEquals(List.of("event_date"), e.withLayout().columns());
    assertTrue(e.layoutSource().startsWith("recommended by the Databricks optimizer"), e.layoutSource());
  }

  @Test
  void aSmallTable_getsNoLayout_andSaysWhy() {
    TableStats tiny =
        new TableStats("tiny", 500L, 80L, List.of(new ColumnStats("customer_id", "BIGINT", 50L, false)));

    Estimate e = ESTIMATOR.estimate(new Request(tiny, "customer_id", null, null, false, null));

    assertEquals("none", e.withLayout().layout());
    assertEquals(1, e.withoutLayout().files());
    assertEquals(1.0, e.ratio());
    assertTrue(e.withLayout().explanation().contains("a few files at most"), e.withLayout().explanation());
    assertTrue(e.assumptions().get(0).contains("not a measurement"));
  }

  @Test
  void isDeterministic() {
    Request r = request("customer_id", List.of("region"), List.of("customer_id", "product_id"));

    assertEquals(ESTIMATOR.estimate(r), ESTIMATOR.estimate(r));
  }

  @Test
  void rejectsUnknownRepeatedAndDoublyUsedColumns_namingTheField() {
    FlowForgeException unknown = assertThrows(
        FlowForgeException.class, () -> ESTIMATOR.estimate(request("customer_id", List.of(), List.of("product_id", "colour"))));
    FlowForgeException twice = assertThrows(
        FlowForgeException.class, () -> ESTIMATOR.estimate(request("customer_id", List.of("region", "REGION"), List.of())));
    FlowForgeException both = assertThrows(
        FlowForgeException.class, () -> ESTIMATOR.estimate(request("customer_id", List.of("region"), List.of("region"))));
    FlowForgeException filter = assertThrows(
        FlowForgeException.class, () -> ESTIMATOR.estimate(request("'; DROP TABLE events", List.of(), List.of())));

    assertEquals(ProblemType.VALIDATION, unknown.type());
    assertEquals("/clustering_columns/1", unknown.pointer());
    assertTrue(unknown.getMessage().contains("no column 'colour'"), unknown.getMessage());
    assertEquals("/partition_columns/1", twice.pointer());
    assertEquals("/clustering_columns/0", both.pointer());
    assertEquals("/filter_column", filter.pointer());
  }

  private static Request request(String filter, List<String> partition, List<String> clustering) {
    return new Request(EVENTS, filter, partition, clustering, false, null);
  }
}
