package io.flowforge.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.testing.SharedData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The schema-analyzer tools and the offline architect on the real AdventureWorks files. */
class ProfilingToolsIT {
  private static WorkspaceCatalog catalog;
  private static final ToolRegistry REGISTRY = StandardTools.registry();

  @BeforeAll
  static void readCatalog() {
    catalog = CsvFolderCatalog.read("ws-aw", SharedData.resolve("adventureworks/csv"));
  }

  @Test
  void suggestsTheDeclaredPrimaryKey() {
    JsonNode keys = REGISTRY.call(ToolContext.of(catalog), "suggest_keys",
        ToolRegistryTest.json("{\"table_name\":\"Production.ProductCategory\"}"));

    assertEquals("ProductCategoryID", keys.at("/candidate_keys/0/columns/0").asText(), keys.toString());
  }

  @Test
  void findsTheDeclaredForeignKey_betweenProductAndSubcategory() {
    JsonNode found = REGISTRY.call(ToolContext.of(catalog), "find_relationships", ToolRegistryTest.json(
        "{\"source_table\":\"Production.Product\",\"target_table\":\"Production.ProductSubcategory\"}"));

    boolean declared = false;
    for (JsonNode r : found.path("relationships")) {
      declared |= r.path("fromTable").asText().equals("Production.Product")
          && r.path("fromColumn").asText().equals("ProductSubcategoryID")
          && r.path("toTable").asText().equals("Production.ProductSubcategory");
    }
    assertTrue(declared, found.toString());
  }

  @Test
  void analyzesWithStatisticsOnly_whenTheWorkspaceKeepsSamplesHome() {
    JsonNode analysis = REGISTRY.call(ToolContext.of(catalog), "analyze_schema",
        ToolRegistryTest.json("{\"tables\":[\"Production.ProductCategory\"]}"));

    JsonNode name = null;
    for (JsonNode c : analysis.at("/tables/0/columns")) {
      if (c.path("name").asText().equals("Name")) {
        name = c;
      }
    }
    assertTrue(name != null && name.has("nullRatio"), analysis.toString());
    assertFalse(name.has("topValues"));
    assertFalse(name.has("min"));
    assertFalse(analysis.toString().contains("Bikes"), "no category name value leaves the tool");
  }

  @Test
  void answersTheFirstWorkedConversation_onTheRealTables() {
    AssistantReply reply = new OfflineArchitect(REGISTRY).reply(ToolContext.of(catalog), ConversationState.EMPTY,
        "I need to create a dimension based on the product and productcategory tables");

    assertEquals(java.util.List.of("Production.Product", "Production.ProductCategory"), reply.state().lastRequest().sourceTables());
    for (String tool : java.util.List.of("get_table_metadata", "find_relationships", "get_pattern")) {
      assertTrue(reply.toolCalls().stream().anyMatch(o -> o.tool().equals(tool) && o.ok()), tool + " ran: " + reply.toolCalls());
    }
    assertTrue(reply.text().contains("Production.Product: 504 rows"), reply.text());
  }

  @Test
  void generatesTheDimension_andRegeneratesItAsType1_onTheRealTables() {
    OfflineArchitect architect = new OfflineArchitect(REGISTRY);
    AssistantReply first = architect.reply(ToolContext.of(catalog), ConversationState.EMPTY,
        "I need to create a dimension based on the product and productcategory tables");

    AssistantReply second = architect.reply(ToolContext.of(catalog), first.state(), "make it type 1 instead");

    assertTrue(first.suggestion().at("/reactflow_model/nodes").size() > 0, first.suggestion().toString());
    assertTrue(first.suggestion().at("/model/spec/entities").toString().contains("kimball/scd2"), first.suggestion().toString());
    assertTrue(second.suggestion().at("/model/spec/entities").toString().contains("kimball/scd1"), second.suggestion().toString());
    assertFalse(second.suggestion().at("/model/spec/entities").toString().contains("kimball/scd2"));
    assertTrue(second.text().contains("tables on the canvas preview"), second.text());
  }

  @Test
  void detectsPatternsFromProfiledKeys_whenEveryTableHasItsFile() {
    JsonNode result = REGISTRY.call(ToolContext.of(catalog), "detect_modeling_patterns", ToolRegistryTest.json("{}"));

    assertEquals("profiled", result.path("key_basis").asText(), result.toString());
    JsonNode product = null;
    for (JsonNode t : result.path("tables")) {
      if (t.path("name").asText().equals("Production.Product")) {
        product = t;
      }
    }
    assertTrue(product != null, result.toString());
    assertEquals("dimension", product.at("/patterns/0/pattern").asText(), product.toString());
    assertEquals("kimball/scd2", product.at("/patterns/0/library_pattern").asText());
    assertFalse(result.toString().contains("Bikes"), "no category name value leaves the tool");
  }

  @Test
  void generatesTheScriptsAndYaml_ofTheSuggestedDimension_onTheRealTables() {
    OfflineArchitect architect = new OfflineArchitect(REGISTRY);
    AssistantReply first = architect.reply(ToolContext.of(catalog), ConversationState.EMPTY,
        "I need to create a dimension based on the product and productcategory tables");

    AssistantReply scripts = architect.reply(ToolContext.of(catalog), first.state(), "give me the ddl and the tests");

    for (ToolOutcome o : scripts.toolCalls()) {
      assertEquals(ToolOutcome.Status.OK, o.status(), o.tool() + ": " + o.error());
    }
    JsonNode files = scripts.suggestion().at("/templates/files");
    assertTrue(files.size() > 0, scripts.suggestion().toString());
    files.forEach(f -> assertTrue(f.path("path").asText().matches("(ddl|test)/.*"), f.toString()));
    assertTrue(files.toString().contains("CREATE"), files.toString());
    assertTrue(scripts.suggestion().at("/yaml_metadata/content").asText().contains("kimball/scd2"));
    assertFalse(scripts.text().contains("not available"), scripts.text());
  }
}
