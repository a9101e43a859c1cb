package io.flowforge.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.profiling.SchemaAnalysis;
import io.flowforge.profiling.SchemaAnalyzer;
import io.flowforge.profiling.TableProfile;
import io.flowforge.quality.QualityRule;
import io.flowforge.testing.BankTransactions;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's bank_transactions examples, on a generated table with duplicates and late updates. */
class BankTransactionsSuggestionIT {
  @TempDir static Path dir;
  static TableProfile table;

  @BeforeAll
  static void profile() {
    SchemaAnalysis analysis = SchemaAnalyzer.analyze(List.of(BankTransactions.write(dir, 3000, 25, 40)));
    table = analysis.tables().get(0);
  }

  private static Suggestion find(LayerSuggestions suggestions, String kind) {
    return suggestions.suggestions().stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void suggestsWatermarkTransactionDate_whenTimestampGrowsInFileOrder() {
    Suggestion incremental = find(Suggester.suggest(table, Layer.BRONZE, List.of()), "incremental_load");
    assertEquals(true, incremental.value().get("enabled"));
    assertEquals("transaction_date", incremental.value().get("watermark_column"));
    assertTrue(incremental.confidence() >= 0.8, incremental.toString());
  }

  @Test
  void suggestsLiquidClusteringNotPartitions_whenTableIsFarBelowOneTerabyte() {
    Suggestion layout = find(Suggester.suggest(table, Layer.BRONZE, List.of()), "layout");
    assertEquals("LIQUID_CLUSTERING", layout.value().get("strategy"));
    assertEquals(List.of(), layout.value().get("partition_by"));
  }

  @Test
  void suggestsTransactionIdAsKey_andKeepLatestByTransactionDate_whenDuplicatesAndLateUpdatesExist() {
    LayerSuggestions silver = Suggester.suggest(table, Layer.SILVER, List.of());
    Suggestion key = find(silver, "primary_key");
    assertEquals(List.of("transaction_id"), key.value().get("columns"));
    Suggestion dedup = find(silver, "deduplication");
    assertEquals(List.of("transaction_date DESC"), dedup.value().get("sort_by"));
    assertEquals("latest", dedup.value().get("keep"));
    assertEquals(25L, ((Number) dedup.value().get("exact_duplicate_rows")).longValue());
    assertEquals(40L, ((Number) dedup.value().get("late_update_keys")).longValue());
  }

  @Test
  void suggestsRangeOnAmount_andNotNullOnCustomerId() {
    List<QualityRule> rules = Suggester.suggest(table, Layer.SILVER, List.of()).qualityRules();
    QualityRule range = rules.stream().filter(r -> r.kind().equals("RANGE") && r.columns().equals(List.of("amount"))).findFirst().orElseThrow();
    assertEquals(0, ((java.math.BigDecimal) range.params().get("min")).signum());
    assertTrue(((java.math.BigDecimal) range.params().get("max")).doubleValue() >= 5000);
    QualityRule notNull = rules.stream().filter(r -> r.kind().equals("NOT_NULL") && r.columns().equals(List.of("customer_id"))).findFirst().orElseThrow();
    assertEquals("ERROR", notNull.severity());
  }

  @Test
  void suggestsDailyCountSumAndAverageOfAmount_forGold() {
    Suggestion aggregation = find(Suggester.suggest(table, Layer.GOLD, List.of()), "aggregation");
    assertEquals("DAILY", aggregation.value().get("level"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> metrics = (List<Map<String, Object>>) aggregation.value().get("metrics");
    List<Object> expressions = metrics.stream().map(m -> m.get("expression")).toList();
    assertTrue(expressions.containsAll(List.of("COUNT(*)", "SUM(amount)", "AVG(amount)")), expressions.toString());
    assertEquals("daily_transaction_count", metrics.get(0).get("name"));
  }
}
