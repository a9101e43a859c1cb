package io.flowforge.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.local.demo.DemoData;
import io.flowforge.quality.QualityRule;
import io.flowforge.quality.RuleExporter;
import io.flowforge.quality.RuleGenerator;
import io.flowforge.quality.RuleResult;
import io.flowforge.quality.RuleRunner;
import io.flowforge.suggest.Layer;
import io.flowforge.suggest.Suggester;
import io.flowforge.testing.SparkDelta;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The profile queries and the quality-rule SQL in the Spark SQL dialect, run on Spark + Delta local against
 * the demo {@code bank_transactions} as a Delta table, and compared with the same profile on DuckDB.
 */
class SparkProfilingIT {
  @TempDir static Path dir;
  static TableProfile onSpark;
  static TableProfile onDuckDb;
  static TableRef sparkTable;

  @BeforeAll
  static void profileOnBothEngines() throws Exception {
    Path csv = Files.writeString(dir.resolve("bank_transactions.csv"), DemoData.tables().get(0).csv());
    SparkSession spark = SparkDelta.session();
    spark.sql("DROP TABLE IF EXISTS bank_transactions");
    spark.read().option("header", "true").option("inferSchema", "true").csv(csv.toString())
        .write().format("delta").saveAsTable("bank_transactions");
    sparkTable = new TableRef(
        "bank_transactions", "`bank_transactions`",
        Arrays.stream(spark.table("bank_transactions").schema().fields())
            .map(f -> new TableRef.Column(f.name(), f.dataType().simpleString())).toList(),
        SourceFormat.CSV, Map.of());
    onSpark = new Profiler(new SparkEngine()).profile(sparkTable);
    try (DuckDbEngine duckDb = new DuckDbEngine()) {
      onDuckDb = new Profiler(duckDb).profile(duckDb.register(csv));
    }
  }

  @Test
  void profilesTheSameTableAlike_onSparkAndDuckDb() {
    assertEquals("spark", onSpark.engine());
    assertEquals(onDuckDb.rowCount(), onSpark.rowCount());
    assertEquals(onDuckDb.exactDuplicateRows(), onSpark.exactDuplicateRows());
    assertEquals(List.of("transaction_id"), onSpark.primaryKey().orElseThrow().columns());
    for (ColumnProfile duck : onDuckDb.columns()) {
      ColumnProfile spark = onSpark.column(duck.name());
      assertEquals(duck.nullCount(), spark.nullCount(), duck.name());
      assertEquals(duck.distinct().value(), spark.distinct().value(), duck.name());
      assertEquals(duck.inferredType(), spark.inferredType(), duck.name());
    }
    assertEquals("INCREASING", onSpark.column("transaction_date").ordering().pattern().replace("STRICTLY_", ""));
  }

  @Test
  void suggestsTheSeedConfiguration_fromTheSparkProfile() {
    assertEquals(
        "transaction_date",
        Suggester.suggest(onSpark, Layer.BRONZE, List.of()).suggestions().get(0).value().get("watermark_column"));
    assertEquals(
        List.of("transaction_id"),
        Suggester.suggest(onSpark, Layer.SILVER, List.of()).suggestions().get(0).value().get("columns"));
  }

  @Test
  void runsTheRulesOnSpark_withTheSameResultsAsDuckDb() throws Exception {
    List<QualityRule> rules = RuleGenerator.generate(onSpark, List.of("transaction_id"), null, List.of());

    List<RuleResult> spark = new RuleRunner(new SparkEngine()).run(sparkTable, onSpark, rules, Map.of());
    List<RuleResult> duck;
    try (DuckDbEngine duckDb = new DuckDbEngine()) {
      TableRef table = duckDb.register(dir.resolve("bank_transactions.csv"));
      duck = new RuleRunner(duckDb).run(table, onDuckDb, rules, Map.of());
    }

    assertEquals(rules.size(), spark.size());
    for (int i = 0; i < spark.size(); i++) {
      assertEquals(duck.get(i).ruleId(), spark.get(i).ruleId());
      assertEquals(duck.get(i).failed(), spark.get(i).failed(), spark.get(i).ruleId());
    }
    assertTrue(spark.stream().anyMatch(r -> r.ruleId().equals("transaction_id_unique") && r.failed() > 0),
        "the demo's late updates repeat transaction ids: " + spark);
  }

  @Test
  void deltaAcceptsTheExportedCheckConstraints_andRefusesARowBreakingThem() {
    SparkSession spark = SparkDelta.session();
    spark.sql("DROP TABLE IF EXISTS bank_transactions_checked");
    spark.sql("CREATE TABLE bank_transactions_checked USING delta AS SELECT * FROM bank_transactions");
    List<QualityRule> rules = RuleGenerator.generate(onSpark, List.of("transaction_id"), null, List.of());
    List<String> checks = RuleExporter.checks("`bank_transactions_checked`", rules);
    assertFalse(checks.isEmpty());

    for (String check : checks) {
      spark.sql(check.substring(0, check.length() - 1));
    }
    List<Row> constraints =
        spark.sql("SHOW TBLPROPERTIES bank_transactions_checked").collectAsList().stream()
            .filter(row -> row.getString(0).startsWith("delta.constraints.")).toList();

    assertEquals(checks.size(), constraints.size());
    Exception refused = assertThrows(
        Exception.class,
        () ->
            spark.sql(
                "INSERT INTO bank_transactions_checked SELECT transaction_id, customer_id, account_id,"
                    + " -999999999.0 AS amount, currency, transaction_type, channel, merchant, status,"
                    + " transaction_date FROM bank_transactions LIMIT 1"));
    assertTrue(causes(refused).contains("amount_range"), causes(refused));
  }

  private static String causes(Throwable failure) {
    StringBuilder messages = new StringBuilder();
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      messages.append(cause.getMessage()).append('\n');
    }
    return messages.toString();
  }

  /** The profiler's engine port on the shared local Spark session. */
  private static final class SparkEngine implements SqlEngine {
    @Override
    public SqlDialect dialect() {
      return SparkSqlDialect.INSTANCE;
    }

    @Override
    public List<List<Object>> query(String sql) {
      List<List<Object>> rows = new ArrayList<>();
      for (Row row : SparkDelta.session().sql(sql).collectAsList()) {
        List<Object> values = new ArrayList<>(row.length());
        for (int i = 0; i < row.length(); i++) {
          Object value = row.get(i);
          values.add(value instanceof scala.collection.Seq<?> seq ? scala.jdk.javaapi.CollectionConverters.asJava(seq) : value);
        }
        rows.add(values);
      }
      return rows;
    }

    @Override
    public void close() {
      // The session is shared by every Spark test in the JVM and stops with it.
    }
  }
}
