package io.flowforge.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.FlowForgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * suggest_layer_configuration and generate_quality_rules through the shipped registry, on an orders file with
 * re-delivered rows and late updates, e-mail addresses and a three-valued status.
 */
class ConfigurationAndQualityToolsTest {
  private static final ToolRegistry REGISTRY = StandardTools.registry();
  private static final int ORDERS = 600;
  private static final int REDELIVERED = 20;
  private static final int UPDATED = 10;
  private static final List<String> STATUSES = List.of("NEW", "SHIPPED", "CANCELLED");
  @TempDir static Path folder;
  private static ToolContext statisticsOnly;
  private static ToolContext withSamples;

  /**
   * One row an order, dates rising in file order; then the first orders delivered again unchanged and the next
   * ones again with a later update time.
   */
  @BeforeAll
  static void writeOrders() throws IOException {
    StringBuilder csv = new StringBuilder("order_id,customer_email,status,amount,order_date,updated_at\n");
    LocalDate start = LocalDate.of(2025, 1, 1);
    for (int i = 0; i < ORDERS; i++) {
      csv.append(row(i, start, 0));
    }
    for (int i = 0; i < REDELIVERED; i++) {
      csv.append(row(i, start, 0));
    }
    for (int i = REDELIVERED; i < REDELIVERED + UPDATED; i++) {
      csv.append(row(i, start, 3));
    }
    Path file = Files.writeString(folder.resolve("orders.csv"), csv.toString());
    WorkspaceCatalog.Table table = new WorkspaceCatalog.Table("orders", ORDERS + REDELIVERED + UPDATED, List.of(
        WorkspaceCatalog.Column.of("order_id", "BIGINT"), WorkspaceCatalog.Column.of("customer_email", "VARCHAR"),
        WorkspaceCatalog.Column.of("status", "VARCHAR"), WorkspaceCatalog.Column.of("amount", "DECIMAL"),
        WorkspaceCatalog.Column.of("order_date", "DATE"), WorkspaceCatalog.Column.of("updated_at", "TIMESTAMP")));
    statisticsOnly = ToolContext.of(new WorkspaceCatalog("ws-1", List.of(table), false, Map.of("orders", file)));
    withSamples = ToolContext.of(new WorkspaceCatalog("ws-1", List.of(table), true, Map.of("orders", file)));
  }

  private static String row(int i, LocalDate start, int laterDays) {
    LocalDate day = start.plusDays(i / 6);
    return (i + 1) + ",person" + (i % 150) + "@example.com," + STATUSES.get(i % 3) + "," + (10 + i % 90) + ".50,"
        + day + "," + day.plusDays(laterDays) + "T08:00:00\n";
  }

  @Test
  void suggestsTheSilverKeyAndDeduplication_fromTheMeasuredDuplicates() {
    JsonNode result = REGISTRY.call(statisticsOnly, "suggest_layer_configuration",
        ToolRegistryTest.json("{\"table_name\":\"ORDERS\",\"layer\":\"silver\"}"));

    assertEquals("orders", result.path("table_name").asText());
    assertEquals(1, result.path("layers").size());
    assertEquals("silver", result.at("/layers/0/layer").asText());
    JsonNode key = suggestion(result, "primary_key");
    assertEquals("[\"order_id\"]", key.at("/value/columns").toString(), result.toString());
    assertTrue(key.path("confidence").asDouble() > 0.5, key.toString());
    JsonNode dedup = suggestion(result, "deduplication");
    assertEquals(REDELIVERED, dedup.at("/value/exact_duplicate_rows").asLong(), dedup.toString());
    assertEquals(UPDATED, dedup.at("/value/late_update_keys").asLong(), dedup.toString());
    assertEquals("[\"updated_at DESC\"]", dedup.at("/value/sort_by").toString(), dedup.toString());
    assertTrue(dedup.path("reason").asText().contains(REDELIVERED + " exact duplicate rows"), dedup.toString());
  }

  @Test
  void suggestsEveryLayer_whenNoneIsNamed_withoutDataValues() {
    JsonNode result = REGISTRY.call(statisticsOnly, "suggest_layer_configuration",
        ToolRegistryTest.json("{\"table_name\":\"orders\"}"));

    assertEquals(List.of("bronze", "silver", "gold"),
        result.path("layers").findValuesAsText("layer"), result.toString());
    JsonNode load = suggestion(result, "incremental_load");
    assertTrue(load.at("/value/enabled").asBoolean(), load.toString());
    assertTrue(Set.of("order_date", "updated_at").contains(load.at("/value/watermark_column").asText()), load.toString());
    JsonNode aggregation = suggestion(result, "aggregation");
    assertEquals("DAILY", aggregation.at("/value/level").asText(), aggregation.toString());
    assertTrue(aggregation.at("/value/metrics").toString().contains("SUM(amount)"), aggregation.toString());
    for (JsonNode layer : result.path("layers")) {
      for (JsonNode s : layer.path("suggestions")) {
        assertFalse(s.path("reason").asText().isBlank(), s.toString());
        assertTrue(s.has("kind") && s.has("value") && s.has("confidence"), s.toString());
      }
    }
    String text = result.toString();
    assertFalse(text.contains("@example.com"), text);
    assertFalse(STATUSES.stream().anyMatch(text::contains), text);
  }

  @Test
  void generatesKeyNotNullAndRangeRules_andWithholdsTheStatusValues() {
    JsonNode result = REGISTRY.call(statisticsOnly, "generate_quality_rules",
        ToolRegistryTest.json("{\"table_name\":\"orders\"}"));

    JsonNode notNull = rule(result, "order_id_not_null");
    assertEquals("NOT_NULL", notNull.path("kind").asText());
    assertEquals("ERROR", notNull.path("severity").asText());
    assertEquals("UNIQUE", rule(result, "order_id_unique").path("kind").asText());
    JsonNode range = rule(result, "amount_range");
    assertEquals("[\"amount\"]", range.path("columns").toString());
    assertEquals(0, range.at("/params/min").decimalValue().signum(), range.toString());
    assertEquals(100, range.at("/params/max").decimalValue().intValueExact(), "99.50 widened to 100: " + range);
    assertEquals("PATTERN", rule(result, "customer_email_pattern").path("kind").asText());
    assertEquals("status_allowed_values", result.at("/withheld_rules/0/name").asText(), result.toString());
    assertTrue(result.at("/withheld_rules/0/reason").asText().contains("allow samples"), result.toString());
    assertFalse(result.has("export"));
    String text = result.toString();
    assertFalse(text.contains("@example.com"), text);
    assertFalse(STATUSES.stream().anyMatch(text::contains), text);
  }

  @Test
  void showsTheAllowedValues_whenTheWorkspaceAllowsSamples() {
    JsonNode result = REGISTRY.call(withSamples, "generate_quality_rules",
        ToolRegistryTest.json("{\"table_name\":\"orders\",\"format\":\"yaml\"}"));

    assertEquals("[\"CANCELLED\",\"NEW\",\"SHIPPED\"]", rule(result, "status_allowed_values").at("/params/values").toString());
    assertEquals(0, result.path("withheld_rules").size());
    assertEquals("yaml", result.path("format").asText());
    assertTrue(result.path("export").asText().contains("id: status_allowed_values"), result.path("export").asText());
  }

  @Test
  void exportsCheckConstraintsAndExpectations_ofTheShownRulesOnly() {
    String check = REGISTRY.call(statisticsOnly, "generate_quality_rules",
        ToolRegistryTest.json("{\"table_name\":\"orders\",\"format\":\"check\"}")).path("export").asText();
    String expect = REGISTRY.call(statisticsOnly, "generate_quality_rules",
        ToolRegistryTest.json("{\"table_name\":\"orders\",\"format\":\"expect\"}")).path("export").asText();

    assertTrue(check.contains("ALTER TABLE `orders` ADD CONSTRAINT order_id_not_null CHECK ("), check);
    assertTrue(check.contains("ADD CONSTRAINT amount_range CHECK ("), check);
    assertTrue(expect.contains("CONSTRAINT order_id_not_null EXPECT (") && expect.contains("ON VIOLATION DROP ROW"), expect);
    assertFalse(check.contains("SHIPPED") || expect.contains("SHIPPED"), "the withheld rule is not exported");
  }

  @Test
  void namesTheFieldOfAWrongInput() {
    FlowForgeException layer = assertThrows(FlowForgeException.class, () -> REGISTRY.call(statisticsOnly,
        "suggest_layer_configuration", ToolRegistryTest.json("{\"table_name\":\"orders\",\"layer\":\"platinum\"}")));
    FlowForgeException format = assertThrows(FlowForgeException.class, () -> REGISTRY.call(statisticsOnly,
        "generate_quality_rules", ToolRegistryTest.json("{\"table_name\":\"orders\",\"format\":\"xml\"}")));
    FlowForgeException table = assertThrows(FlowForgeException.class, () -> REGISTRY.call(statisticsOnly,
        "generate_quality_rules", ToolRegistryTest.json("{\"table_name\":\"order\"}")));

    assertEquals("/layer", layer.pointer());
    assertEquals("/format", format.pointer());
    assertEquals("/table_name", table.pointer());
    assertTrue(table.getMessage().contains("Did you mean orders?"), table.getMessage());
  }

  private static JsonNode suggestion(JsonNode result, String kind) {
    for (JsonNode layer : result.path("layers")) {
      for (JsonNode s : layer.path("suggestions")) {
        if (s.path("kind").asText().equals(kind)) {
          return s;
        }
      }
    }
    throw new AssertionError("no " + kind + " suggestion in " + result);
  }

  private static JsonNode rule(JsonNode result, String name) {
    for (JsonNode r : result.path("rules")) {
      if (r.path("name").asText().equals(name)) {
        return r;
      }
    }
    throw new AssertionError("no rule " + name + " in " + result);
  }
}
