package io.flowforge.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.assistant.WorkspaceCatalog.Column;
import io.flowforge.assistant.WorkspaceCatalog.Table;
import io.flowforge.core.FlowForgeException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PatternAdviceToolsTest {
  private static final ToolRegistry REGISTRY = StandardTools.registry();
  private static final ToolContext CONTEXT = ToolContext.of(TestCatalogs.adventureWorks());

  @Test
  void detectsFactsAndDimensions_fromKeysNamedAfterTheirTables() {
    JsonNode result = REGISTRY.call(CONTEXT, "detect_modeling_patterns", ToolRegistryTest.json("{}"));

    assertEquals("column_names", result.path("key_basis").asText());
    assertEquals(List.of("fact"), patternsOf(result, "salesorderdetail"), result.toString());
    assertEquals(List.of("fact"), patternsOf(result, "salesorderheader"));
    assertEquals(List.of("dimension"), patternsOf(result, "customer"));
    assertEquals(List.of("dimension"), patternsOf(result, "product"));
    JsonNode detail = table(result, "salesorderdetail").at("/patterns/0");
    assertEquals("kimball/transaction_fact", detail.path("library_pattern").asText());
    assertTrue(detail.path("columns").toString().contains("LineTotal"), detail.toString());
    assertTrue(detail.path("reason").asText().contains("references 2 table(s)"), detail.toString());
    assertEquals(2, result.at("/summary/fact").asInt());
  }

  @Test
  void detectsScd2HistoryBridgesAndDataVaultTables_withAReasonEach() {
    List<Table> tables = new ArrayList<>();
    tables.add(new Table("dim_customer", 10, List.of(Column.of("customer_sk", "BIGINT"), Column.of("CustomerID", "INTEGER"),
        Column.of("name", "VARCHAR"), Column.of("valid_from", "TIMESTAMP"), Column.of("valid_to", "TIMESTAMP"),
        Column.of("is_current", "BOOLEAN"))));
    tables.add(new Table("hub_product", 10, List.of(Column.of("product_hk", "BINARY"), Column.of("product_number", "VARCHAR"),
        Column.of("load_date", "TIMESTAMP"), Column.of("record_source", "VARCHAR"))));
    tables.add(new Table("sat_product", 10, List.of(Column.of("product_hk", "BINARY"), Column.of("hash_diff", "BINARY"),
        Column.of("color", "VARCHAR"), Column.of("load_date", "TIMESTAMP"), Column.of("record_source", "VARCHAR"))));
    tables.add(new Table("link_order_product", 10, List.of(Column.of("order_product_hk", "BINARY"),
        Column.of("order_hk", "BINARY"), Column.of("product_hk", "BINARY"), Column.of("load_date", "TIMESTAMP"),
        Column.of("record_source", "VARCHAR"))));
    tables.add(new Table("student", 10, List.of(Column.of("StudentID", "INTEGER"), Column.of("Name", "VARCHAR"))));
    tables.add(new Table("course", 10, List.of(Column.of("CourseID", "INTEGER"), Column.of("Title", "VARCHAR"))));
    tables.add(new Table("enrolment", 10, List.of(Column.of("StudentID", "INTEGER"), Column.of("CourseID", "INTEGER"))));
    ToolContext context = ToolContext.of(new WorkspaceCatalog("ws-shapes", tables, false));

    JsonNode result = REGISTRY.call(context, "detect_modeling_patterns", ToolRegistryTest.json("{}"));

    assertTrue(patternsOf(result, "dim_customer").contains("scd2_history"), result.toString());
    JsonNode history = table(result, "dim_customer").path("patterns").get(patternsOf(result, "dim_customer").indexOf("scd2_history"));
    assertEquals(0.9, history.path("confidence").asDouble());
    assertTrue(history.path("columns").toString().contains("is_current"));
    assertEquals(List.of("hub"), patternsOf(result, "hub_product"));
    assertEquals(List.of("satellite"), patternsOf(result, "sat_product"));
    assertEquals(List.of("link"), patternsOf(result, "link_order_product"));
    assertTrue(patternsOf(result, "enrolment").contains("bridge"), result.toString());
    assertEquals(List.of("dimension"), patternsOf(result, "student"));
  }

  @Test
  void detectionIsDeterministic_andCarriesNoSampleValues() {
    List<Table> tables = new ArrayList<>(TestCatalogs.tables());
    tables.set(3, new Table("customer", 847, List.of(Column.of("CustomerID", "INTEGER"),
        new Column("EmailAddress", "VARCHAR", 847, 0, List.of("orlando0@adventure-works.com")))));
    ToolContext context = ToolContext.of(new WorkspaceCatalog("ws-pii", tables, true));

    JsonNode first = REGISTRY.call(context, "detect_modeling_patterns", ToolRegistryTest.json("{}"));
    JsonNode second = REGISTRY.call(context, "detect_modeling_patterns", ToolRegistryTest.json("{}"));

    assertEquals(first, second);
    assertFalse(first.toString().contains("orlando0"), first.toString());
  }

  @Test
  void recommendsTheLibraryPatternForEachTable_fromItsDetectedRole() {
    JsonNode result = REGISTRY.call(CONTEXT, "recommend_pattern",
        ToolRegistryTest.json("{\"table_names\":[\"SalesOrderDetail\",\"customer\"]}"));

    JsonNode fact = result.at("/recommendations/0");
    assertEquals("salesorderdetail", fact.path("table").asText());
    assertEquals("kimball/transaction_fact", fact.path("pattern").asText(), result.toString());
    assertFalse(fact.path("reason").asText().isBlank());
    assertEquals(0, fact.path("alternatives").size());
    JsonNode dimension = result.at("/recommendations/1");
    assertEquals("kimball/scd2", dimension.path("pattern").asText());
    assertEquals("kimball/scd1", dimension.at("/alternatives/0/pattern").asText());
    assertFalse(dimension.has("databricks_optimizations"), "only large tables get layout advice");
    assertFalse(result.has("use_case_matches"));
  }

  @Test
  void addsUseCaseMatchesAndLayoutAdvice_whenAskedForALargeScale() {
    JsonNode result = REGISTRY.call(CONTEXT, "recommend_pattern", ToolRegistryTest.json(
        "{\"table_names\":[\"salesorderdetail\"],\"use_case\":\"keep the history of customer changes\",\"scale\":\"xlarge\"}"));

    assertTrue(result.at("/recommendations/0/databricks_optimizations").size() > 0, result.toString());
    List<String> matches = new ArrayList<>();
    result.path("use_case_matches").forEach(m -> matches.add(m.path("pattern").asText()));
    assertTrue(matches.stream().anyMatch(p -> p.startsWith("kimball/scd")), matches.toString());
  }

  @Test
  void rejectsAnUnknownTable_anOverlongUseCase_andAnUnknownScale_namingTheField() {
    FlowForgeException unknown = assertThrows(FlowForgeException.class, () -> REGISTRY.call(CONTEXT, "recommend_pattern",
        ToolRegistryTest.json("{\"table_names\":[\"salesorderdetial\"]}")));
    FlowForgeException tooLong = assertThrows(FlowForgeException.class, () -> REGISTRY.call(CONTEXT, "recommend_pattern",
        ToolRegistryTest.json("{\"table_names\":[\"customer\"],\"use_case\":\"" + "x".repeat(1001) + "\"}")));
    FlowForgeException badScale = assertThrows(FlowForgeException.class, () -> REGISTRY.call(CONTEXT, "recommend_pattern",
        ToolRegistryTest.json("{\"table_names\":[\"customer\"],\"scale\":\"huge\"}")));

    assertEquals("/table_names", unknown.pointer());
    assertTrue(unknown.getMessage().contains("salesorderdetail"), unknown.getMessage());
    assertEquals("/use_case", tooLong.pointer());
    assertEquals("/scale", badScale.pointer());
  }

  @Test
  void acceptsAUseCaseAsLongAsItsSchemaAllows() {
    JsonNode result = REGISTRY.call(CONTEXT, "recommend_pattern", ToolRegistryTest.json(
        "{\"table_names\":[\"customer\"],\"use_case\":\"" + "track history of changes ".repeat(40) + "\"}"));

    assertEquals("kimball/scd2", result.at("/recommendations/0/pattern").asText());
    assertTrue(result.path("use_case_matches").size() > 0, result.toString());
  }

  @Test
  void theOfflineArchitectAnswersAPatternQuestion_withTheRecommendation() {
    AssistantReply reply = new OfflineArchitect(REGISTRY).reply(CONTEXT, ConversationState.EMPTY,
        "What pattern should I use for salesorderheader?");

    ToolOutcome recommend = reply.toolCalls().stream().filter(o -> o.tool().equals("recommend_pattern")).findFirst().orElseThrow();
    assertEquals(ToolOutcome.Status.OK, recommend.status(), recommend.error());
    assertEquals("kimball/transaction_fact", recommend.result().at("/recommendations/0/pattern").asText());
    assertFalse(reply.text().contains("not available"), reply.text());
    assertTrue(reply.text().contains("- salesorderheader: Kimball transaction fact (kimball/transaction_fact)"), reply.text());
  }

  @Test
  void theOfflineArchitectSaysWhichPatternsTheTablesFollow() {
    AssistantReply reply = new OfflineArchitect(REGISTRY).reply(CONTEXT, ConversationState.EMPTY,
        "which modeling patterns do my tables already follow?");

    assertEquals(List.of("detect_modeling_patterns"), reply.toolCalls().stream().map(ToolOutcome::tool).toList());
    assertEquals(ToolOutcome.Status.OK, reply.toolCalls().get(0).status(), reply.toolCalls().get(0).error());
    assertTrue(reply.text().contains("- salesorderdetail: fact"), reply.text());
    assertTrue(reply.text().contains("- customer: dimension"), reply.text());
  }

  private static JsonNode table(JsonNode result, String name) {
    for (JsonNode t : result.path("tables")) {
      if (t.path("name").asText().equals(name)) {
        return t;
      }
    }
    throw new AssertionError("no table " + name + " in " + result);
  }

  private static List<String> patternsOf(JsonNode result, String name) {
    List<String> patterns = new ArrayList<>();
    table(result, name).path("patterns").forEach(p -> patterns.add(p.path("pattern").asText()));
    return patterns;
  }
}
