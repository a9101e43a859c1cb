package io.flowforge.modeling;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlowLayoutTest {
  private static FlowGraph layoutOf(ModelRequest.ModelStyle style, int tables) {
    return new ModelGenerator().generate(new ModelRequest(style, SampleSchemas.synthetic(tables), null)).flow();
  }

  private static boolean overlap(FlowGraph.Node a, FlowGraph.Node b) {
    return a.position().x() < b.position().x() + b.width() && b.position().x() < a.position().x() + a.width()
        && a.position().y() < b.position().y() + b.height() && b.position().y() < a.position().y() + a.height();
  }

  @Test
  void placesNoTwoNodesOnTopOfEachOther_forALargeDataVault() {
    List<FlowGraph.Node> nodes = layoutOf(ModelRequest.ModelStyle.DATA_VAULT, 40).nodes();

    for (int i = 0; i < nodes.size(); i++) {
      for (int j = i + 1; j < nodes.size(); j++) {
        assertFalse(overlap(nodes.get(i), nodes.get(j)), nodes.get(i).id() + " overlaps " + nodes.get(j).id());
      }
    }
  }

  @Test
  void layersByRole_satellitesAboveHubsAboveLinks() {
    Map<String, Integer> lowestY = new HashMap<>();
    Map<String, Integer> highestY = new HashMap<>();
    for (FlowGraph.Node node : layoutOf(ModelRequest.ModelStyle.DATA_VAULT, 10).nodes()) {
      lowestY.merge(node.type(), node.position().y(), Math::min);
      highestY.merge(node.type(), node.position().y(), Math::max);
    }

    assertTrue(highestY.get("satellite") < lowestY.get("hub"));
    assertTrue(highestY.get("hub") < lowestY.get("link"));
  }

  @Test
  void putsDimensionsAboveFacts_forAStar() {
    Map<String, Integer> lowestY = new HashMap<>();
    Map<String, Integer> highestY = new HashMap<>();
    for (FlowGraph.Node node : layoutOf(ModelRequest.ModelStyle.KIMBALL, 10).nodes()) {
      lowestY.merge(node.type(), node.position().y(), Math::min);
      highestY.merge(node.type(), node.position().y(), Math::max);
    }

    assertTrue(highestY.get("dimension") < lowestY.get("fact"));
  }
}
