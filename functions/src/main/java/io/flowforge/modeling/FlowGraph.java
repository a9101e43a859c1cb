package io.flowforge.modeling;

import java.util.List;
import java.util.Map;

/** React Flow nodes and edges of a model, positioned by {@link FlowLayout}. */
public record FlowGraph(List<Node> nodes, List<Edge> edges) {

  /** A node in React Flow's shape: {@code type} picks the custom node component. */
  public record Node(String id, String type, Position position, Map<String, Object> data, int width, int height) {}

  public record Position(int x, int y) {}

  public record Edge(String id, String source, String target, String type, String label) {}
}
