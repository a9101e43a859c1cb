package io.flowforge.optimizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DatabricksOptimizerTest {
  private final DatabricksOptimizer optimizer = new DatabricksOptimizer();

  private static TableFacts table(long rows, TableFacts.TableRole role, String runtime, List<TableFacts.ColumnFacts> columns) {
    return new TableFacts("sales", role, rows, 200L, columns, columns.stream().map(TableFacts.ColumnFacts::name).toList(),
        runtime, false);
  }

  @Test
  void recommendsLiquidClusteringByCardinality_forALargeTableOnACurrentRuntime() {
    OptimizationPlan plan = optimizer.recommend(table(50_000_000, TableFacts.TableRole.INSERT_ONLY, "15.4", List.of(
        new TableFacts.ColumnFacts("store_key", "BIGINT", 40L), new TableFacts.ColumnFacts("customer_key", "BIGINT", 2_000_000L))));

    assertEquals("liquid_clustering", plan.layout().strategy());
    assertEquals(List.of("customer_key", "store_key"), plan.layout().columns());
    assertTrue(plan.estimate().scanSecondsFiltered() < plan.estimate().scanSecondsFull());
    assertFalse(plan.estimate().assumptions().isEmpty());
  }

  @Test
  void recommendsZOrder_onARuntimeWithoutLiquidClustering() {
    OptimizationPlan plan = optimizer.recommend(table(50_000_000, TableFacts.TableRole.INSERT_ONLY, "12.2",
        List.of(new TableFacts.ColumnFacts("customer_key", "BIGINT", 2_000_000L))));

    assertEquals("z_order", plan.layout().strategy());
    assertTrue(plan.layout().maintenance().contains("ZORDER BY (customer_key)"));
  }

  @Test
  void partitionsOnlyVeryLargeTablesWithALowCardinalityDate() {
    OptimizationPlan plan = optimizer.recommend(table(20_000_000_000L, TableFacts.TableRole.APPEND_ONLY, null, List.of(
        new TableFacts.ColumnFacts("event_date", "DATE", 1_500L), new TableFacts.ColumnFacts("device_id", "STRING", 9_000_000L))));

    assertEquals("partitioning", plan.layout().strategy());
    assertEquals(List.of("event_date"), plan.layout().columns());
  }

  @Test
  void leavesSmallTablesUnclustered_sayingWhy() {
    OptimizationPlan plan = optimizer.recommend(table(5_000, TableFacts.TableRole.MERGED, null,
        List.of(new TableFacts.ColumnFacts("product_id", "INT", 5_000L))));

    assertEquals("none", plan.layout().strategy());
    assertTrue(plan.layout().reason().contains("few files"));
  }

  @Test
  void enablesChangeFeedAndDeletionVectorsForMergedTablesOnly() {
    OptimizationPlan merged = optimizer.recommend(table(5_000, TableFacts.TableRole.MERGED, null, List.of()));
    OptimizationPlan rebuilt = optimizer.recommend(table(5_000, TableFacts.TableRole.REBUILT, null, List.of()));

    assertTrue(merged.features().stream().allMatch(OptimizationPlan.Feature::enabled));
    assertTrue(rebuilt.features().stream().noneMatch(OptimizationPlan.Feature::enabled));
    assertTrue(rebuilt.features().stream().allMatch(f -> !f.reason().isBlank()));
  }
}
