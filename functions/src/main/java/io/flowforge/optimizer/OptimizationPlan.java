package io.flowforge.optimizer;

import java.util.List;

/**
 * The optimizer's recommendation for one table: the data layout, Delta features with the reason for each, and
 * a performance and cost estimate with its assumptions.
 */
public record OptimizationPlan(
    String table,
    Layout layout,
    List<Feature> features,
    Estimate estimate) {

  /**
   * @param strategy liquid_clustering, partitioning, z_order, or none
   * @param columns the clustering, partition or Z-order columns
   * @param maintenance statement to run periodically (OPTIMIZE …), or null
   */
  public record Layout(String strategy, List<String> columns, String reason, String maintenance) {}

  /** A Delta feature switched on or deliberately left off, and why. */
  public record Feature(String feature, boolean enabled, String reason) {}

  /**
   * @param estimatedBytes table size on disk
   * @param files files of the target size the table needs
   * @param fractionScannedByFilter share of files a selective filter on the first layout column still reads
   * @param scanSecondsFull seconds to scan the whole table on the assumed cluster
   * @param scanSecondsFiltered seconds for a selective filter on the layout column
   * @param costPerFullScanUsd compute cost of one full scan
   * @param assumptions what the numbers rest on
   */
  public record Estimate(
      long estimatedBytes,
      long files,
      double fractionScannedByFilter,
      double scanSecondsFull,
      double scanSecondsFiltered,
      double costPerFullScanUsd,
      List<String> assumptions) {}
}
