package io.flowforge.modeling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Lays a model out for the canvas as a pure function: one row per role (satellites above hubs, links below,
 * PIT and bridge tables last; dimensions above facts), nodes ordered in each row by the average position of
 * the nodes they connect to in earlier rows, and rows centred. Nodes never overlap by construction.
 */
public final class FlowLayout {
  static final int NODE_WIDTH = 260;
  static final int GAP_X = 40;
  static final int GAP_Y = 80;
  static final int HEADER_HEIGHT = 56;
  static final int ROW_HEIGHT = 22;
  static final int MAX_ROWS_SHOWN = 12;

  private FlowLayout() {}

  /** Row of each node kind; kinds not listed go last. */
  static int layer(String kind) {
    return switch (kind) {
      case "satellite" -> 0;
      case "hub" -> 1;
      case "link" -> 2;
      case "pit", "bridge" -> 3;
      case "dimension", "date_dimension" -> 0;
      case "fact" -> 1;
      default -> 4;
    };
  }

  static int height(ModelSpec.Entity entity) {
    return HEADER_HEIGHT + ROW_HEIGHT * Math.min(MAX_ROWS_SHOWN, entity.columns().size());
  }

  /** Nodes and edges for {@code entities} (views are loading steps, not part of the picture). */
  public static FlowGraph layout(List<ModelSpec.Entity> entities) {
    Map<String, ModelSpec.Entity> shown = new LinkedHashMap<>();
    for (ModelSpec.Entity entity : entities) {
      if (!entity.kind().equals("view")) {
        shown.put(entity.name(), entity);
      }
    }
    Map<String, List<String>> neighbours = new HashMap<>();
    List<FlowGraph.Edge> edges = new ArrayList<>();
    for (ModelSpec.Entity entity : shown.values()) {
      for (String parent : entity.dependsOn()) {
        if (shown.containsKey(parent)) {
          edges.add(new FlowGraph.Edge("e_" + parent + "__" + entity.name(), parent, entity.name(), "relationship", null));
          neighbours.computeIfAbsent(parent, k -> new ArrayList<>()).add(entity.name());
          neighbours.computeIfAbsent(entity.name(), k -> new ArrayList<>()).add(parent);
        }
      }
    }
    TreeMap<Integer, List<ModelSpec.Entity>> layers = new TreeMap<>();
    for (ModelSpec.Entity entity : shown.values()) {
      layers.computeIfAbsent(layer(entity.kind()), k -> new ArrayList<>()).add(entity);
    }
    Map<String, Double> centres = new HashMap<>();
    // Order the hub or dimension row first (alphabetically), then the rest by barycentre of placed neighbours.
    int anchor = layers.containsKey(1) && shown.values().stream().anyMatch(e -> e.kind().equals("hub")) ? 1 : layers.firstKey();
    List<Integer> order = new ArrayList<>();
    order.add(anchor);
    layers.keySet().stream().filter(k -> k != anchor).forEach(order::add);
    Map<Integer, List<ModelSpec.Entity>> orderedRows = new HashMap<>();
    for (int layerIndex : order) {
      List<ModelSpec.Entity> row = new ArrayList<>(layers.get(layerIndex));
      row.sort(Comparator.comparing(ModelSpec.Entity::name));
      if (layerIndex != anchor) {
        Map<String, Double> bary = new HashMap<>();
        for (int i = 0; i < row.size(); i++) {
          ModelSpec.Entity entity = row.get(i);
          double sum = 0;
          int count = 0;
          for (String other : neighbours.getOrDefault(entity.name(), List.of())) {
            Double centre = centres.get(other);
            if (centre != null) {
              sum += centre;
              count++;
            }
          }
          bary.put(entity.name(), count == 0 ? Double.MAX_VALUE / 2 + i : sum / count);
        }
        row.sort(Comparator.comparing((ModelSpec.Entity e) -> bary.get(e.name())).thenComparing(ModelSpec.Entity::name));
      }
      for (int i = 0; i < row.size(); i++) {
        centres.put(row.get(i).name(), i * (double) (NODE_WIDTH + GAP_X));
      }
      orderedRows.put(layerIndex, row);
    }
    int widest = 0;
    for (List<ModelSpec.Entity> row : orderedRows.values()) {
      widest = Math.max(widest, rowWidth(row.size()));
    }
    int y = 0;
    List<FlowGraph.Node> nodes = new ArrayList<>();
    for (int layerIndex : layers.keySet()) {
      List<ModelSpec.Entity> row = orderedRows.get(layerIndex);
      int x = (widest - rowWidth(row.size())) / 2;
      int rowHeight = 0;
      for (ModelSpec.Entity entity : row) {
        int height = height(entity);
        nodes.add(new FlowGraph.Node(entity.name(), entity.kind(), new FlowGraph.Position(x, y), data(entity), NODE_WIDTH, height));
        x += NODE_WIDTH + GAP_X;
        rowHeight = Math.max(rowHeight, height);
      }
      y += rowHeight + GAP_Y;
    }
    return new FlowGraph(nodes, edges);
  }

  private static int rowWidth(int count) {
    return count == 0 ? 0 : count * NODE_WIDTH + (count - 1) * GAP_X;
  }

  private static Map<String, Object> data(ModelSpec.Entity entity) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("label", entity.label());
    data.put("kind", entity.kind());
    data.put("pattern", entity.pattern());
    data.put("table", entity.parameters().get("target"));
    data.put("columns", entity.columns());
    if (entity.pattern().startsWith("kimball/scd")) {
      data.put("scd_type", Integer.parseInt(entity.pattern().substring("kimball/scd".length())));
    }
    if (entity.parameters().containsKey("grain")) {
      data.put("grain", entity.parameters().get("grain"));
    }
    return data;
  }
}
