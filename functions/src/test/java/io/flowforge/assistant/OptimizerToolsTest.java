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

/** estimate_performance through the shipped registry, on a transactions file the profiling engine reads. */
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

  private static JsonNode call(String input) {
    return REGISTRY.call(context, "estimate_performance", ToolRegistryTest.json(input));
  }
}
