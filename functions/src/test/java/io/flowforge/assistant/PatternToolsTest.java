package io.flowforge.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternToolsTest {
  private static final ToolRegistry REGISTRY = StandardTools.registry();
  private static final ToolContext CONTEXT = ToolContext.of(TestCatalogs.adventureWorks());

  @Test
  void getsTheScdPatternOfTheAskedType() {
    JsonNode result = REGISTRY.call(CONTEXT, "get_pattern",
        ToolRegistryTest.json("{\"pattern_type\":\"slowly_changing_dimension\",\"scd_type\":1}"));

    assertEquals("kimball/scd1", result.at("/patterns/0/id").asText());
    assertFalse(result.at("/patterns/0/description").asText().isBlank());
  }

  @Test
  void getsHubLinkAndSatellite_forADataVault_withTheirDatabricksOptimizations() {
    JsonNode pattern = REGISTRY.call(CONTEXT, "get_pattern", ToolRegistryTest.json("{\"pattern_type\":\"data_vault\"}"));
    JsonNode optimizations = REGISTRY.call(CONTEXT, "get_databricks_optimizations",
        ToolRegistryTest.json("{\"pattern_type\":\"data_vault\",\"access_pattern\":\"batch\"}"));

    List<String> ids = new ArrayList<>();
    pattern.path("patterns").forEach(p -> ids.add(p.path("id").asText()));
    assertEquals(List.of("data_vault/hub", "data_vault/link", "data_vault/satellite"), ids);
    assertTrue(optimizations.path("optimizations").size() > 0, optimizations.toString());
    assertFalse(optimizations.at("/optimizations/0/reason").asText().isBlank());
  }

  @Test
  void listsPatternsOfACategory() {
    JsonNode result = REGISTRY.call(CONTEXT, "list_patterns", ToolRegistryTest.json("{\"category\":\"kimball\"}"));

    assertTrue(result.path("patterns").size() >= 4, result.toString());
    result.path("patterns").forEach(p -> assertEquals("kimball", p.path("category").asText()));
  }
}
