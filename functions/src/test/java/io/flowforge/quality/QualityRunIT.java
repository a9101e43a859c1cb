package io.flowforge.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.profiling.DuckDbEngine;
import io.flowforge.profiling.Profiler;
import io.flowforge.profiling.TableProfile;
import io.flowforge.profiling.TableRef;
import io.flowforge.testing.BankTransactions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QualityRunIT {
  @TempDir Path dir;

  @Test
  void reportsPassRatesAndMaskedFailingRows_whenRulesRunOnChangedData() throws Exception {
    // given rules generated from a clean load, and a later load with a negative amount and a bad e-mail
    Path clean = dir.resolve("customers.csv");
    Files.writeString(clean, "customer_id,email,amount\n1,ann@example.com,10.5\n2,bob@example.com,20\n3,cy@example.com,30\n");
    Path changed = dir.resolve("customers_next.csv");
    Files.writeString(changed, "customer_id,email,amount\n1,ann@example.com,10.5\n2,not-an-email,-20\n3,cy@example.com,30\n");
    try (DuckDbEngine engine = new DuckDbEngine()) {
      TableRef cleanRef = engine.register(clean);
      TableProfile profile = new Profiler(engine).profile(cleanRef);
      List<QualityRule> rules = RuleGenerator.generate(profile, List.of("customer_id"), null, List.of());
      TableRef changedRef = engine.register(changed);

      // when the rules run on the later load
      List<RuleResult> results = new RuleRunner(engine).run(changedRef, profile, rules, Map.of());

      // then the range and pattern rules fail one row each, with the e-mail masked
      RuleResult range = results.stream().filter(r -> r.ruleId().equals("amount_range")).findFirst().orElseThrow();
      assertEquals(1, range.failed());
      assertEquals(2.0 / 3, range.passRate(), 1e-9);
      RuleResult pattern = results.stream().filter(r -> r.ruleId().equals("email_pattern")).findFirst().orElseThrow();
      assertEquals(1, pattern.failed());
      String masked = pattern.failingRows().get(0).get("email");
      assertFalse(masked.contains("not-an"), masked);
      assertTrue(results.stream().filter(r -> r.ruleId().equals("customer_id_unique")).allMatch(r -> r.failed() == 0));
    }
  }

  @Test
  void exportsExpectationsChecksAndYaml_thatQuoteHostileNames() {
    QualityRule range = new QualityRule("amount_range", "RANGE", List.of("amount\"; DROP TABLE x; --"),
        Map.of("min", new java.math.BigDecimal("0"), "max", new java.math.BigDecimal("10000")), "ERROR", 0.9, "observed");
    QualityRule allowed = new QualityRule("status_allowed_values", "ALLOWED_VALUES", List.of("status"),
        Map.of("values", List.of("O'Brien", "POSTED")), "WARN", 0.8, "observed");
    List<String> expectations = RuleExporter.expectations(List.of(range, allowed));
    assertEquals("CONSTRAINT amount_range EXPECT (`amount\"; DROP TABLE x; --` IS NULL OR (`amount\"; DROP TABLE x; --` >= 0 AND "
        + "`amount\"; DROP TABLE x; --` <= 10000)) ON VIOLATION DROP ROW", expectations.get(0));
    assertTrue(expectations.get(1).contains("IN ('O''Brien', 'POSTED')"), expectations.get(1));
    assertTrue(RuleExporter.checks("`main`.`t`", List.of(range)).get(0).startsWith("ALTER TABLE `main`.`t` ADD CONSTRAINT amount_range CHECK ("));
    String yaml = RuleExporter.yaml("t", List.of(range));
    Object parsed = new org.yaml.snakeyaml.Yaml(new org.yaml.snakeyaml.constructor.SafeConstructor(new org.yaml.snakeyaml.LoaderOptions())).load(yaml);
    assertEquals("RANGE", ((Map<?, ?>) ((List<?>) ((Map<?, ?>) parsed).get("rules")).get(0)).get("kind"));
  }

  @Test
  void reconcilesSourceAndTarget_countingMissingAndExtraKeysAndSums() throws Exception {
    Path source = BankTransactions.write(dir, 200, 0, 0);
    List<String> lines = Files.readAllLines(source);
    Path targetDir = Files.createDirectory(dir.resolve("target"));
    // The target lost transaction 5 and gained a row 999.
    List<String> target = new java.util.ArrayList<>(lines.stream().filter(l -> !l.startsWith("5,")).toList());
    target.add("999,1001,2024-02-01 00:00:00,1.00,DEBIT,POSTED,AU10-1000");
    Files.write(targetDir.resolve("bank_transactions.csv"), target);
    try (DuckDbEngine engine = new DuckDbEngine()) {
      Reconciliation result = new Reconciler(engine).reconcile(engine.register(source, "source"),
          engine.register(targetDir.resolve("bank_transactions.csv"), "target"), List.of("transaction_id"));
      assertEquals(200, result.sourceRows());
      assertEquals(200, result.targetRows());
      assertEquals(1, result.missingKeys());
      assertEquals(List.of("5"), result.missingSample());
      assertEquals(List.of("999"), result.extraSample());
      assertFalse(result.columns().stream().filter(c -> c.column().equals("amount")).findFirst().orElseThrow().matches());
      assertFalse(result.matches());
    }
  }
}
