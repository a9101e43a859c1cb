package io.flowforge.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.testing.SparkDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every golden case runs on Spark + Delta: its setup creates sample sources, the DDL and ETL run, the ETL runs a
 * second time, and every data test in test.sql returns no rows. Statements only Unity Catalog or Databricks
 * runs are skipped and listed.
 */
class PatternsOnSparkIT {
  static final List<String> SKIPPED = new ArrayList<>();

  static Stream<GoldenCases> cases() {
    return GoldenCases.all().stream().filter(c -> !c.setupSql().isEmpty());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatedSqlRunsAndPassesItsDataTests_forGoldenCase(GoldenCases golden) {
    SparkOnPatterns.resetSchemas();
    RenderedPattern rendered = PatternLibrary.builtIn().render(golden.pattern(), golden.parameters());
    SparkDelta.run(golden.setupSql());

    SparkOnPatterns.runSkippingPlatformOnly(golden.name(), rendered.files().get("ddl.sql"), SKIPPED);
    SparkOnPatterns.runSkippingPlatformOnly(golden.name(), rendered.files().get("etl.sql"), SKIPPED);
    List<Long> countsAfterFirst = SparkOnPatterns.rowCounts(rendered.target());
    SparkOnPatterns.runSkippingPlatformOnly(golden.name(), rendered.files().get("etl.sql"), SKIPPED);

    assertTrue(countsAfterFirst.get(0) > 0, golden + " loaded no rows into " + rendered.target());
    assertEquals(countsAfterFirst, SparkOnPatterns.rowCounts(rendered.target()), golden + " ETL is not idempotent");
    for (String test : SparkDelta.statements(rendered.files().get("test.sql"))) {
      List<Row> violations = SparkDelta.query(test);
      assertTrue(violations.isEmpty(), golden + " data test failed:\n" + test + "\n" + violations);
    }
    if (rendered.files().containsKey("uc.sql")) {
      SparkDelta.statements(rendered.files().get("uc.sql"))
          .forEach(statement -> SKIPPED.add(golden.name() + " [unity-catalog] " + firstLine(statement)));
    }
  }

  @Test
  void pitPointsAtTheSatelliteVersionValidOnEachDate() {
    GoldenCases golden = cases().filter(c -> c.pattern().equals("data_vault/pit")).findFirst().orElseThrow();
    SparkOnPatterns.resetSchemas();
    RenderedPattern rendered = PatternLibrary.builtIn().render(golden.pattern(), golden.parameters());
    SparkDelta.run(golden.setupSql());
    SparkDelta.run(rendered.files().get("ddl.sql"));
    SparkDelta.run(rendered.files().get("etl.sql"));

    // Product 1 got version v2 on 2024-01-03 09:00; before that v1 (2024-01-01) is the valid one.
    List<Row> rows = SparkDelta.query(
        "SELECT CAST(p.snapshot_date AS STRING), s.product_name, p.price_load_date IS NULL FROM vault.pit_product p"
            + " JOIN vault.hub_product h ON h.product_hub_key = p.product_hub_key"
            + " LEFT JOIN vault.sat_product_details s ON s.product_hub_key = p.product_hub_key"
            + " AND s.load_date = p.details_load_date"
            + " WHERE h.product_business_key = '1' ORDER BY p.snapshot_date");

    assertEquals(5, rows.size());
    assertEquals(List.of("v1", "v1", "v2", "v2", "v2"), rows.stream().map(r -> r.getString(1)).toList());
    assertEquals(List.of(true, false, false, false, false), rows.stream().map(r -> r.getBoolean(2)).toList());
  }

  @AfterAll
  static void reportSkipped() {
    System.out.println("Statements skipped on Spark (" + SKIPPED.size() + "):");
    SKIPPED.forEach(line -> System.out.println("  " + line));
  }

  private static String firstLine(String statement) {
    return statement.lines().filter(line -> !line.startsWith("--")).findFirst().orElse(statement);
  }
}
