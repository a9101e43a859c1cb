package io.flowforge.suggest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.local.demo.DemoData;
import io.flowforge.profiling.Relationship;
import io.flowforge.profiling.SchemaAnalysis;
import io.flowforge.profiling.SchemaAnalyzer;
import io.flowforge.profiling.TableProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The seed's examples on the product's own demo workspace data. */
class DemoDataSuggestionIT {
  @TempDir static Path dir;
  static SchemaAnalysis analysis;

  @BeforeAll
  static void analyse() throws Exception {
    List<Path> files = new ArrayList<>();
    for (DemoData.Table table : DemoData.tables()) {
      files.add(Files.writeString(dir.resolve(table.name() + ".csv"), table.csv()));
    }
    analysis = SchemaAnalyzer.analyze(files);
  }

  private static TableProfile table(String name) {
    return analysis.tables().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  private static Suggestion find(LayerSuggestions suggestions, String kind) {
    return suggestions.suggestions().stream().filter(s -> s.kind().equals(kind)).findFirst().orElseThrow();
  }

  @Test
  void suggestsSeedConfiguration_forDemoBankTransactions() {
    TableProfile bank = table("bank_transactions");
    assertEquals("transaction_date", find(Suggester.suggest(bank, Layer.BRONZE, List.of()), "incremental_load").value().get("watermark_column"));
    LayerSuggestions silver = Suggester.suggest(bank, Layer.SILVER, analysis.relationships());
    assertEquals(List.of("transaction_id"), find(silver, "primary_key").value().get("columns"));
    Suggestion dedup = find(silver, "deduplication");
    assertEquals("latest", dedup.value().get("keep"));
    assertEquals(List.of("transaction_date DESC"), dedup.value().get("sort_by"));
    assertTrue(((Number) dedup.value().get("late_update_keys")).longValue() > 0, dedup.toString());
    assertTrue(silver.qualityRules().stream().anyMatch(r -> r.kind().equals("RANGE") && r.columns().equals(List.of("amount"))));
    assertTrue(silver.qualityRules().stream().anyMatch(r -> r.kind().equals("NOT_NULL") && r.columns().equals(List.of("customer_id"))));
    Suggestion gold = find(Suggester.suggest(bank, Layer.GOLD, List.of()), "aggregation");
    assertEquals("DAILY", gold.value().get("level"));
    assertTrue(gold.value().get("metrics").toString().contains("SUM(amount)"), gold.toString());
  }

  @Test
  void findsManyToOneFromProductToProductCategory() {
    Relationship r = analysis.relationships().stream()
        .filter(x -> x.fromTable().equals("product") && x.toTable().equals("productcategory")).findFirst().orElseThrow();
    assertEquals("MANY_TO_ONE", r.cardinality());
    assertTrue(r.confidence() >= 0.9, r.toString());
  }
}
