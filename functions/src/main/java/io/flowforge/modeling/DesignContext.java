package io.flowforge.modeling;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Collects entities and decisions while a designer works; entities keep the order they must load in. */
final class DesignContext {
  final SchemaGraph graph;
  final ModelRequest.Options options;
  final String targetSchema;
  final Map<String, ModelSpec.Entity> entities = new LinkedHashMap<>();
  final List<Decision> decisions = new ArrayList<>();
  /** Source row count behind each entity, for the optimizer. */
  final Map<String, Long> rowCounts = new LinkedHashMap<>();

  DesignContext(SchemaGraph graph, ModelRequest.Options options, String defaultSchema) {
    this.graph = graph;
    this.options = options;
    this.targetSchema = options.targetSchema() == null ? defaultSchema : options.targetSchema();
  }

  String target(String name) {
    return targetSchema + "." + name;
  }

  void add(ModelSpec.Entity entity, Long rowCount) {
    entities.put(entity.name(), entity);
    rowCounts.put(entity.name(), rowCount);
  }

  void decide(String subject, String choice, String reason, double confidence) {
    decisions.add(new Decision(subject, choice, reason, confidence));
  }

  static Map<String, Object> column(String name, String type, String source) {
    Map<String, Object> column = new LinkedHashMap<>();
    column.put("name", name);
    column.put("type", type);
    column.put("source", source);
    return column;
  }
}
