package io.flowforge.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ToolRegistryTest {
  private static final WorkspaceCatalog CATALOG = new WorkspaceCatalog("ws-1", List.of(), false);
  private static final ToolHandler ECHO = (context, input) -> input;

  @Test
  void catalogListsTheToolGroupsOfTheModellingAssistant_withConfigurationAndQuality() {
    ToolCatalog catalog = ToolCatalog.standard();

    assertEquals(
        Set.of(
            "analyze_schema", "find_relationships", "suggest_keys", "get_table_metadata",
            "detect_modeling_patterns", "get_pattern", "recommend_pattern", "get_databricks_optimizations",
            "list_patterns", "generate_dimensional_model", "generate_data_vault_model",
            "generate_reactflow_nodes", "generate_yaml_metadata", "generate_templates",
            "recommend_partitioning", "recommend_clustering", "recommend_delta_features",
            "estimate_performance", "suggest_layer_configuration", "generate_quality_rules"),
        catalog.names());
    assertEquals("schema-analyzer", catalog.find("suggest_keys").orElseThrow().group());
    assertEquals("databricks-optimizer", catalog.find("estimate_performance").orElseThrow().group());
    assertEquals("configuration-assistant", catalog.find("suggest_layer_configuration").orElseThrow().group());
    assertEquals("quality", catalog.find("generate_quality_rules").orElseThrow().group());
    assertFalse(catalog.find("get_pattern").orElseThrow().description().isBlank());
  }

  @Test
  void shippedRegistryOffersEstimatePerformance_withItsSchema() {
    ToolRegistry registry = StandardTools.registry();

    ToolDefinition estimate = registry.find("estimate_performance").orElseThrow();
    assertEquals("databricks-optimizer", estimate.group());
    assertTrue(estimate.inputSchema().path("properties").has("clustering_columns"), estimate.inputSchema().toString());
    assertTrue(registry.definitions().contains(estimate));
    assertTrue(
        registry.definitions().stream().map(ToolDefinition::name).toList().containsAll(List.of(
            "recommend_partitioning", "recommend_clustering", "recommend_delta_features", "estimate_performance")),
        "the whole databricks-optimizer group is offered");
  }

  @Test
  void shippedRegistryOffersEveryToolOfTheIndex_inItsGroup() throws Exception {
    JsonNode groups;
    try (var in = ToolRegistryTest.class.getResourceAsStream("/tools/index.json")) {
      groups = Json.mapper().readTree(in).path("groups");
    }
    ToolRegistry registry = StandardTools.registry();

    int listed = 0;
    for (var group : (Iterable<java.util.Map.Entry<String, JsonNode>>) groups::fields) {
      for (JsonNode tool : group.getValue()) {
        listed++;
        ToolDefinition definition = registry.find(tool.asText())
            .orElseThrow(() -> new AssertionError("the registry does not offer " + tool.asText()));
        assertEquals(group.getKey(), definition.group(), tool.asText());
      }
    }
    assertEquals(20, listed);
    assertEquals(listed, registry.definitions().size());
  }

  @Test
  void everyShippedSchemaCompilesAndAcceptsItsOwnMinimalInput() {
    ToolCatalog catalog = ToolCatalog.standard();
    ToolRegistry registry = new ToolRegistry(catalog);
    catalog.names().forEach(name -> registry.register(name, ECHO));

    assertEquals(catalog.names().size(), registry.definitions().size());
    JsonNode result =
        registry.call(ToolContext.of(CATALOG), "suggest_keys", json("{\"table_name\":\"product\"}"));
    assertEquals("product", result.path("table_name").asText());
  }

  @Test
  void rejectsInput_namingTheField_whenItHasTheWrongType() {
    ToolRegistry registry = new ToolRegistry(ToolCatalog.standard()).register("get_table_metadata", ECHO);

    FlowForgeException error =
        assertThrows(
            FlowForgeException.class,
            () ->
                registry.call(
                    ToolContext.of(CATALOG), "get_table_metadata", json("{\"table_names\":\"product\"}")));

    assertEquals(ProblemType.VALIDATION, error.type());
    assertEquals("/table_names", error.pointer());
    assertTrue(error.getMessage().contains("field 'table_names'"), error.getMessage());
    assertTrue(error.getMessage().contains("get_table_metadata"), error.getMessage());
  }

  @Test
  void rejectsInput_namingTheField_whenARequiredFieldIsMissingOrUnknown() {
    ToolRegistry registry = new ToolRegistry(ToolCatalog.standard()).register("generate_dimensional_model", ECHO);

    FlowForgeException missing =
        assertThrows(
            FlowForgeException.class,
            () ->
                registry.call(
                    ToolContext.of(CATALOG),
                    "generate_dimensional_model",
                    json("{\"source_tables\":[\"product\"]}")));
    FlowForgeException unknown =
        assertThrows(
            FlowForgeException.class,
            () ->
                registry.call(
                    ToolContext.of(CATALOG),
                    "generate_dimensional_model",
                    json("{\"source_tables\":[\"product\"],\"model_type\":\"dimension\",\"scd\":2}")));
    FlowForgeException outOfEnum =
        assertThrows(
            FlowForgeException.class,
            () ->
                registry.call(
                    ToolContext.of(CATALOG),
                    "generate_dimensional_model",
                    json("{\"source_tables\":[\"product\"],\"model_type\":\"dimension\",\"scd_type\":7}")));

    assertEquals("/model_type", missing.pointer());
    assertTrue(missing.getMessage().contains("required"), missing.getMessage());
    assertEquals("/scd", unknown.pointer());
    assertTrue(unknown.getMessage().contains("not a known field"), unknown.getMessage());
    assertEquals("/scd_type", outOfEnum.pointer());
  }

  @Test
  void doesNotListOrRun_aToolWhoseImplementationIsNotRegistered() {
    ToolRegistry registry = new ToolRegistry(ToolCatalog.standard()).register("get_table_metadata", ECHO);

    assertFalse(registry.has("generate_data_vault_model"));
    assertEquals(List.of("get_table_metadata"), registry.definitions().stream().map(ToolDefinition::name).toList());
    FlowForgeException error =
        assertThrows(
            FlowForgeException.class,
            () ->
                registry.call(
                    ToolContext.of(CATALOG),
                    "generate_data_vault_model",
                    json("{\"source_tables\":[\"product\"]}")));
    assertEquals(ProblemType.NOT_FOUND, error.type());
  }

  @Test
  void runsAStateChangingTool_onlyAfterTheUserConfirms() {
    AtomicInteger runs = new AtomicInteger();
    ToolRegistry registry =
        new ToolRegistry(ToolCatalog.load("test-tools"))
            .register(
                "rename_table",
                (context, input) -> {
                  runs.incrementAndGet();
                  return input;
                });
    JsonNode input = json("{\"table_name\":\"a\",\"new_name\":\"b\"}");

    assertTrue(registry.find("rename_table").orElseThrow().requiresConfirmation());
    FlowForgeException refused =
        assertThrows(FlowForgeException.class, () -> registry.call(ToolContext.of(CATALOG), "rename_table", input));
    assertEquals(ProblemType.FORBIDDEN, refused.type());
    assertEquals(0, runs.get());

    registry.call(ToolContext.of(CATALOG).withConfirmation(), "rename_table", input);
    assertEquals(1, runs.get());
  }

  @Test
  void refusesToRegister_aToolWithoutASchema() {
    ToolRegistry registry = new ToolRegistry(ToolCatalog.standard());

    assertThrows(IllegalArgumentException.class, () -> registry.register("drop_everything", ECHO));
    assertThrows(
        FlowForgeException.class,
        () -> registry.register("list_patterns", ECHO).call(ToolContext.of(CATALOG), "list_patterns", JsonNodeFactory.instance.nullNode()));
  }

  static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(e);
    }
  }
}
