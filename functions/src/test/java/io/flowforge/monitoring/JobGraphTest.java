package io.flowforge.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobGraphTest {
  @Test
  void namesTheCycleADeclarationWouldClose() {
    Map<String, List<String>> declared =
        Map.of("a", List.of("b"), "b", List.of("x", "c"), "x", List.of());

    assertEquals(
        List.of("c", "a", "b", "c"), JobGraph.cycle(declared, "c", List.of("a")).orElseThrow());
  }

  @Test
  void acceptsDiamondsAndUnknownJobs_andReplacesTheJobsOwnDeclaration() {
    Map<String, List<String>> diamond =
        Map.of("d", List.of("b", "c"), "b", List.of("a"), "c", List.of("a"));
    // e's stored list points back at d; declaring e again with a new list replaces that stored
    // edge.
    Map<String, List<String>> replaced = Map.of("d", List.of("e"), "e", List.of("d"));

    assertTrue(JobGraph.cycle(diamond, "e", List.of("d", "never-reported")).isEmpty());
    assertTrue(JobGraph.cycle(replaced, "e", List.of("z")).isEmpty());
    assertEquals(List.of("e", "d", "e"), JobGraph.cycle(replaced, "e", List.of("d")).orElseThrow());
  }

  @Test
  void terminatesOnACycleAlreadyStored() {
    Map<String, List<String>> stored = Map.of("a", List.of("b"), "b", List.of("a"));

    assertTrue(JobGraph.cycle(stored, "c", List.of("a")).isEmpty());
  }
}
