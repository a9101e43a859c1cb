package io.flowforge.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The databricks-optimizer tools through the shipped registry: estimate_performance on a transactions file the
 * profiling engine reads, the recommendations on catalog statistics.
 */
class OptimizerToolsTest {
  private static final ToolRegistry REGISTRY = StandardTools.registry();
  private static final int ROWS = 2_000;
  @TempDir static Path folder;
  private static ToolContext context;

  /** 200 customers with e-mail addresses, one transaction a row, dates rising in file order over 100 days. */
  @BeforeAll
  static void writeTransactions() throws IOException {
    StringBuilder csv = new StringBuilder("transaction_id,customer_id,customer_email,amount,transaction_date\n");
    LocalDate start = LocalDate.of(2025, 1, 1);
    for (int i = 0; i < ROWS; i++) {
      int customer = (i * 37) % 200;
      csv.append(i + 1).append(',').append(1000 + customer).append(",person").append(customer)
          .append("@example.com,").append(10 + (i % 90)).append(".50,").append(start.plusDays(i / 20)).append('\n');
    }
    Path file = Files.writeString(folder.resolve("bank_transactions.csv"), csv.toString());
    WorkspaceCatalog.Table table = new WorkspaceCatalog.Table("bank_transactions", ROWS, List.of(
        WorkspaceCatalog.Column.of("transaction_id", "BIGINT"), WorkspaceCatalog.Column.of("customer_id", "BIGINT"),
        WorkspaceCatalog.Column.of("customer_email", "VARCHAR"), WorkspaceCatalog.Column.of("amount", "DECIMAL"),
        WorkspaceCatalog.Column.of("transaction_date", "DATE")));
    context = ToolContext.of(
        new WorkspaceCatalog("ws-1", List.of(table), false, Map.of("bank_transactions", file)));
  }

  @Test
  void estimatesFromTheProfile_cardinalityAndRowSizeOfTheData() {
    JsonNode e = call("{\"table_name\":\"BANK_TRANSACTIONS\",\"clustering_columns\":[\"customer_id\"],"
        + "\"projected_row_count\":2000000000}");

    assertEquals("bank_transactions", e.path("table").asText());
    assertEquals("profile of the table's data", e.path("statistics_from").asText());
    assertEquals("customer_id", e.path("filterColumn").asText());
    assertEquals(200, e.path("filterDistinct").asLong(), "customer_id has 200 values in the file");
    assertEquals(2_000_000_000L, e.path("rows").asLong());
    long files = e.at("/withoutLayout/files").asLong();
    assertTrue(files > 200, "two billion rows of about 60 bytes fill hundreds of 128 MB files: " + files);
    assertEquals(files, e.at("/withoutLayout/filesScanned").asLong());
    assertEquals("liquid_clustering", e.at("/withLayout/layout").asText());
    long clustered = e.at("/withLayout/filesScanned").asLong();
    assertEquals((long) Math.ceil(files / 200.0), clustered, e.toString());
    assertTrue(e.path("ratio").asDouble() > 100, e.toString());
    assertTrue(e.path("assumptions").toString().contains("not a measurement"));
  }

  @Test
  void seesThatDatesRiseInFileOrder() {
    JsonNode e = call("{\"table_name\":\"bank_transactions\",\"filter_column\":\"transaction_date\","
        + "\"projected_row_count\":2000000000}");

    assertEquals(100, e.path("filterDistinct").asLong());
    assertTrue(e.at("/withoutLayout/explanation").asText().contains("rises in file order"), e.toString());
    assertTrue(e.at("/withoutLayout/filesScanned").asLong() < e.at("/withoutLayout/files").asLong());
  }

  @Test
  void returnsNoDataValues() {
    String result = call("{\"table_name\":\"bank_transactions\",\"partition_columns\":[\"transaction_date\"]}").toString();

    assertFalse(result.contains("@example.com"), result);
    assertFalse(result.contains("2025-"), result);
  }

  @Test
  void namesTheFieldOfAWrongInput() {
    FlowForgeException type = assertThrows(FlowForgeException.class,
        () -> call("{\"table_name\":\"bank_transactions\",\"clustering_columns\":\"customer_id\"}"));
    FlowForgeException column = assertThrows(FlowForgeException.class,
        () -> call("{\"table_name\":\"bank_transactions\",\"clustering_columns\":[\"customer\"]}"));
    FlowForgeException table = assertThrows(FlowForgeException.class,
        () -> call("{\"table_name\":\"bank_transaction\"}"));
    FlowForgeException huge = assertThrows(FlowForgeException.class,
        () -> call("{\"table_name\":\"bank_transactions\",\"projected_row_count\":100000000000000}"));

    assertEquals("/clustering_columns", type.pointer());
    assertEquals("/clustering_columns/0", column.pointer());
    assertEquals(ProblemType.VALIDATION, column.type());
    assertTrue(column.getMessage().contains("customer_id"), "lists the real columns: " + column.getMessage());
    assertEquals("/table_name", table.pointer());
    assertTrue(table.getMessage().contains("Did you mean bank_transactions?"), table.getMessage());
    assertEquals("/projected_row_count", huge.pointer());
  }

  /** Two billion events known from the catalog alone: 1,000,000 customers, 1,000 days. */
  private static final ToolContext LARGE = ToolContext.of(new WorkspaceCatalog("ws-2", List.of(
      new WorkspaceCatalog.Table("events", 2_000_000_000L, List.of(
          new WorkspaceCatalog.Column("customer_id", "BIGINT", 1_000_000, 0, List.of()),
          new WorkspaceCatalog.Column("event_date", "DATE", 1_000, 0, List.of()),
          new WorkspaceCatalog.Column("note", "VARCHAR", 50, 0, List.of())))), false));

  @Test
  void recommendsClusteringOnTheColumnsTheQueriesName_elseOnKeysAndDates() {
    JsonNode named = REGISTRY.call(LARGE, "recommend_clustering",
        ToolRegistryTest.json("{\"table_name\":\"events\",\"query_patterns\":[\"filter by customer_id\"]}"));
    JsonNode assumed = REGISTRY.call(LARGE, "recommend_clustering", ToolRegistryTest.json("{\"table_name\":\"events\"}"));

    assertEquals("liquid_clustering", named.path("strategy").asText(), named.toString());
    assertEquals("[\"customer_id\"]", named.path("columns").toString());
    assertEquals("[\"customer_id\",\"event_date\"]", assumed.path("columns").toString(), "highest cardinality first");
    assertTrue(assumed.path("filter_columns_from").asText().startsWith("no query patterns given"));
    assertEquals("OPTIMIZE events;", assumed.path("maintenance").asText());
  }

  @Test
  void saysAModelTableNotBuiltYetHasNoStatistics_insteadOfGuessing() {
    JsonNode result = REGISTRY.call(context, "recommend_clustering", ToolRegistryTest.json("{\"table_name\":\"dim_product\"}"));

    assertEquals("unknown", result.path("strategy").asText());
    assertEquals(0, result.path("columns").size());
    assertTrue(result.path("reason").asText().contains("not in this workspace yet"), result.toString());
  }

  @Test
  void partitionsOnlyAVeryLargeTableByALowCardinalityDate() {
    JsonNode asIs = REGISTRY.call(LARGE, "recommend_partitioning", ToolRegistryTest.json("{\"table_name\":\"events\"}"));
    JsonNode grown = REGISTRY.call(LARGE, "recommend_partitioning",
        ToolRegistryTest.json("{\"table_name\":\"events\",\"row_count\":200000000000}"));

    assertEquals("do_not_partition", asIs.path("recommendation").asText(), asIs.toString());
    assertEquals(0, asIs.path("partition_columns").size());
    assertTrue(asIs.path("reason").asText().contains("liquid clustering"), asIs.toString());
    assertEquals("partition", grown.path("recommendation").asText(), grown.toString());
    assertEquals("[\"event_date\"]", grown.path("partition_columns").toString());
  }

  @Test
  void switchesOnDeltaFeaturesByHowTheTableIsWritten() {
    JsonNode scd = REGISTRY.call(LARGE, "recommend_delta_features",
        ToolRegistryTest.json("{\"table_name\":\"dim_customer\",\"use_case\":\"type 2 SCD dimension\"}"));
    JsonNode fact = REGISTRY.call(LARGE, "recommend_delta_features", ToolRegistryTest.json("{\"table_name\":\"fact_sales\"}"));

    assertEquals("MERGED", scd.path("write_pattern").asText());
    assertTrue(enabled(scd, "deletion_vectors") && enabled(scd, "change_data_feed"), scd.toString());
    assertEquals("INSERT_ONLY", fact.path("write_pattern").asText());
    assertFalse(enabled(fact, "deletion_vectors"), fact.toString());
  }

  private static boolean enabled(JsonNode result, String feature) {
    for (JsonNode f : result.path("features")) {
      if (f.path("feature").asText().equals(feature)) {
        return f.path("enabled").asBoolean();
      }
    }
    throw new AssertionError("no feature " + feature + " in " + result);
  }

  private static JsonNode call(String input) {
    return REGISTRY.call(context, "estimate_performance", ToolRegistryTest.json(input));
  }
}
