package io.flowforge.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.testing.SparkDelta;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
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

  @AfterAll
  static void reportSkipped() {
    System.out.println("Statements skipped on Spark (" + SKIPPED.size() + "):");
    SKIPPED.forEach(line -> System.out.println("  " + line));
  }

  private static String firstLine(String statement) {
    return statement.lines().filter(line -> !line.startsWith("--")).findFirst().orElse(statement);
  }
}
