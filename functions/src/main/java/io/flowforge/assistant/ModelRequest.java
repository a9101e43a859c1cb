package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the user asked to be designed, in the terms the model generator takes. It is the part of a
 * suggestion that refinements ("make it type 1 instead", "remove the weight") change.
 *
 * @param kind dimension, fact, star or data vault
 * @param sourceTables catalog table names, as stored
 * @param name model name without prefix, e.g. {@code product}
 * @param scdType slowly changing dimension type (0–3) for dimensions, else null
 * @param attributes columns to include, each {@code table.column}; empty means every descriptive column
 * @param excluded columns to leave out, each {@code table.column}
 * @param grain the grain of a fact, or null
 * @param optimization the optimization profile: databricks, general, high_volume or real_time
 */
public record ModelRequest(
    ModelKind kind,
    List<String> sourceTables,
    String name,
    Integer scdType,
    List<String> attributes,
    List<String> excluded,
    String grain,
    String optimization) {
  public ModelRequest {
    sourceTables = List.copyOf(sourceTables);
    attributes = List.copyOf(attributes);
    excluded = List.copyOf(excluded);
  }

  /**
   * The request behind a model generation call, so a conversation can refine what a language model
   * generated just as it refines what the offline architect planned. Empty for any other tool.
   */
  public static Optional<ModelRequest> fromGeneration(String tool, JsonNode input) {
    List<String> tables = new ArrayList<>();
    input.path("source_tables").forEach(t -> tables.add(t.asText()));
    if (tables.isEmpty()) {
      return Optional.empty();
    }
    String optimization = input.path("optimization").asText("databricks");
    String firstTable = tables.get(0);
    String defaultName = firstTable.substring(firstTable.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
    if (tool.equals("generate_data_vault_model")) {
      return Optional.of(new ModelRequest(ModelKind.DATA_VAULT, tables, defaultName, null, List.of(), List.of(), null, optimization));
    }
    if (!tool.equals("generate_dimensional_model")) {
      return Optional.empty();
    }
    ModelKind kind = switch (input.path("model_type").asText()) {
      case "fact" -> ModelKind.FACT;
      case "star" -> ModelKind.STAR;
      default -> ModelKind.DIMENSION;
    };
    Integer scd = input.has("scd_type") ? input.get("scd_type").asInt() : kind == ModelKind.DIMENSION ? 2 : null;
    List<String> attributes = new ArrayList<>();
    input.path("dimension_attributes").forEach(a -> attributes.add(
        a.path("source_table").asText(firstTable) + "." + a.path("name").asText()));
    List<String> excluded = new ArrayList<>();
    input.path("exclude_attributes").forEach(e -> excluded.add(e.asText()));
    String grain = input.hasNonNull("grain") ? input.get("grain").asText() : null;
    return Optional.of(new ModelRequest(
        kind, tables, input.path("dimension_name").asText(defaultName), scd, attributes, excluded, grain, optimization));
  }

  public ModelRequest withScdType(int type) {
    return new ModelRequest(kind, sourceTables, name, type, attributes, excluded, grain, optimization);
  }

  public ModelRequest withKind(ModelKind newKind) {
    Integer scd = newKind == ModelKind.DIMENSION ? (scdType == null ? 2 : scdType) : null;
    return new ModelRequest(newKind, sourceTables, name, scd, attributes, excluded, grain, optimization);
  }

  /** Adds columns; an added column is no longer excluded. */
  public ModelRequest including(List<String> columns) {
    List<String> add = new ArrayList<>(attributes);
    List<String> drop = new ArrayList<>(excluded);
    for (String c : columns) {
      drop.remove(c);
      if (!attributes.isEmpty() && !add.contains(c)) {
        add.add(c);
      }
    }
    return new ModelRequest(kind, sourceTables, name, scdType, add, drop, grain, optimization);
  }

  /** Every descriptive column of the source tables, keeping explicit exclusions. */
  public ModelRequest includingAll() {
    return new ModelRequest(kind, sourceTables, name, scdType, List.of(), List.of(), grain, optimization);
  }

  public ModelRequest excluding(List<String> columns) {
    List<String> add = new ArrayList<>(attributes);
    List<String> drop = new ArrayList<>(excluded);
    for (String c : columns) {
      add.remove(c);
      if (!drop.contains(c)) {
        drop.add(c);
      }
    }
    return new ModelRequest(kind, sourceTables, name, scdType, add, drop, grain, optimization);
  }
}
