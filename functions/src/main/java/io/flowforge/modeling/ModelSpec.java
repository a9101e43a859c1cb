package io.flowforge.modeling;

import java.util.List;
import java.util.Map;

/**
 * The designed model as metadata: each entity names the pattern that builds it and the parameters the pattern
 * is rendered with, so the spec alone regenerates every file.
 */
public record ModelSpec(String style, String targetSchema, List<Entity> entities) {

  /**
   * @param name entity name, unique in the model (hub_product, dim_product …)
   * @param kind hub, link, satellite, pit, bridge, dimension, date_dimension, fact, view
   * @param pattern pattern id such as {@code kimball/scd2}
   * @param loads further renders of the same pattern that only add ETL (a hub loaded from several sources)
   * @param dependsOn entities that must be loaded first
   * @param columns target columns for display: name, type and key role
   */
  public record Entity(
      String name,
      String kind,
      String pattern,
      String label,
      Map<String, Object> parameters,
      List<Map<String, Object>> loads,
      List<String> dependsOn,
      List<Column> columns) {}

  /** A column as shown on the canvas; {@code key} is pk, fk, bk, hk or empty. */
  public record Column(String name, String type, String key) {}
}
