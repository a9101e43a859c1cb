package io.flowforge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One local Spark + Delta session shared by every integration test in the JVM (starting one costs seconds),
 * tuned for two cores as STACK.md measured, bound to 127.0.0.1, with a warehouse under {@code target/}.
 */
public final class SparkDelta {
  private static final Pattern STATEMENT_END = Pattern.compile(";[ \\t]*(\\n|$)");
  private static SparkSession session;

  private SparkDelta() {}

  public static synchronized SparkSession session() {
    if (session == null) {
      Path warehouse;
      try {
        warehouse = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "spark-warehouse-");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      session =
          SparkSession.builder()
              .master("local[2]")
              .appName("flowforge-it")
              .config("spark.ui.enabled", "false")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.default.parallelism", "2")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.sql.adaptive.enabled", "false")
              .config("spark.databricks.delta.snapshotPartitions", "2")
              .config("spark.sql.warehouse.dir", warehouse.toString())
              .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
              .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
              .getOrCreate();
      session.sparkContext().setLogLevel("WARN");
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  /** Splits a generated SQL file into statements (they end with a semicolon at the end of a line). */
  public static List<String> statements(String sql) {
    List<String> out = new ArrayList<>();
    for (String part : STATEMENT_END.split(sql)) {
      String statement = part.strip();
      if (!statement.lines().allMatch(line -> line.isBlank() || line.strip().startsWith("--"))) {
        out.add(statement);
      }
    }
    return out;
  }

  /** Runs every statement of {@code sql}; returns the rows of the last one. */
  public static List<Row> run(String sql) {
    List<Row> last = List.of();
    for (String statement : statements(sql)) {
      last = session().sql(statement).collectAsList();
    }
    return last;
  }

  public static List<Row> query(String sql) {
    return session().sql(sql).collectAsList();
  }
}
