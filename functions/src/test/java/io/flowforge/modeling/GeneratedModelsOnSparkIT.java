package io.flowforge.modeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.patterns.Identifiers;
import io.flowforge.testing.SharedData;
import io.flowforge.testing.SparkDelta;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Whole generated models run on Spark + Delta over real sample data: every DDL and ETL file in load order, the
 * ETL a second time (it must change nothing), then every data test must return no rows. Unity-Catalog-only
 * files (uc/) are skipped and listed.
 */
class GeneratedModelsOnSparkIT {
  private static final List<String> SKIPPED = new ArrayList<>();
  private static final Path PRODUCT_SAMPLE = Path.of("src/test/resources/modeling/product-sample");

  record Dataset(String name, Path csvFolder, Path keys) {
    List<Path> csvFiles() {
      try (Stream<Path> files = Files.list(csvFolder)) {
        return files.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public String toString() {
      return name;
    }
  }

  static Dataset productSample() {
    return new Dataset("product-sample", PRODUCT_SAMPLE, PRODUCT_SAMPLE.resolve("keys.json"));
  }

  static Stream<Arguments> models() {
    List<Dataset> datasets = List.of(
        productSample(),
        new Dataset("adventureworks", SharedData.resolve("adventureworks/csv"), SharedData.resolve("adventureworks/keys.json")),
        new Dataset("chinook", SharedData.resolve("chinook/csv"), SharedData.resolve("chinook/keys.json")));
    List<Arguments> out = new ArrayList<>();
    for (Dataset dataset : datasets) {
      for (ModelRequest.ModelStyle style : ModelRequest.ModelStyle.values()) {
        out.add(Arguments.of(dataset, style));
      }
    }
    return out.stream();
  }

  static GeneratedModel load(Dataset dataset, ModelRequest.ModelStyle style, ModelRequest.Options options) {
    resetSchemas();
    SourceSchema source = KeysJsonSource.read(dataset.name(), dataset.csvFiles(), dataset.keys());
    GeneratedModel model = new ModelGenerator().generate(new ModelRequest(style, source, options));
    for (Path csv : dataset.csvFiles()) {
      String table = csv.getFileName().toString().replaceAll("\\.csv$", "");
      SparkDelta.session().read()
          .option("header", "true").option("multiLine", "true").option("escape", "\"")
          .csv(csv.toAbsolutePath().toString())
          .write().format("delta").saveAsTable(stagingName(table));
    }
    runFiles(model, "ddl/");
    runFiles(model, "etl/");
    return model;
  }

  static String stagingName(String table) {
    return "staging." + Identifiers.snake(table.replace('.', '_'));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("models")
  void generatedModelRunsIdempotentlyAndPassesItsDataTests(Dataset dataset, ModelRequest.ModelStyle style) {
    GeneratedModel model = load(dataset, style, null);
    Map<String, Long> first = rowCounts(model);

    runFiles(model, "etl/");

    assertEquals(first, rowCounts(model), dataset + " " + style + ": a second ETL run changed row counts");
    assertTrue(first.values().stream().anyMatch(n -> n > 0), "nothing was loaded");
    for (Map.Entry<String, String> file : model.files().entrySet()) {
      if (file.getKey().startsWith("test/")) {
        for (String test : SparkDelta.statements(file.getValue())) {
          List<Row> violations = SparkDelta.query(test);
          assertTrue(violations.isEmpty(), dataset + " " + file.getKey() + " failed:\n" + test + "\n" + violations);
        }
      } else if (file.getKey().startsWith("uc/")) {
        SparkDelta.statements(file.getValue()).forEach(s -> SKIPPED.add(dataset + " " + style + " " + file.getKey()));
      }
    }
  }

  @Test
  void scd2ClosesTheOldVersionAndOpensANewOne_whenASourceRowChanges() {
    GeneratedModel model = load(productSample(), ModelRequest.ModelStyle.KIMBALL, null);
    assertEquals("kimball/scd2", model.spec().entities().stream().filter(e -> e.name().equals("dim_product")).findFirst().orElseThrow().pattern());

    SparkDelta.query("UPDATE staging.product SET price = '1299.00' WHERE product_id = '1'");
    runFiles(model, "etl/");

    List<Row> versions = SparkDelta.query(
        "SELECT price, is_current, end_date IS NOT NULL FROM mart.dim_product WHERE product_id = 1 ORDER BY effective_date");
    assertEquals(2, versions.size(), versions.toString());
    assertEquals("1200.00", versions.get(0).getDecimal(0).toPlainString());
    assertFalse(versions.get(0).getBoolean(1));
    assertTrue(versions.get(0).getBoolean(2));
    assertEquals("1299.00", versions.get(1).getDecimal(0).toPlainString());
    assertTrue(versions.get(1).getBoolean(1));
    assertFalse(versions.get(1).getBoolean(2));
    assertEquals(1L, SparkDelta.query("SELECT count(*) FROM mart.dim_product WHERE product_id = 2").get(0).getLong(0));
  }

  @Test
  void hubAndLinkLoadsAddNothing_whenRunTwice() {
    load(productSample(), ModelRequest.ModelStyle.DATA_VAULT, null);
    long hubs = SparkDelta.query("SELECT count(*) FROM vault.hub_product").get(0).getLong(0);
    long links = SparkDelta.query("SELECT count(*) FROM vault.link_product_category").get(0).getLong(0);
    String firstLoad = SparkDelta.query("SELECT max(load_date) FROM vault.hub_product").get(0).get(0).toString();

    GeneratedModel again = new ModelGenerator().generate(new ModelRequest(ModelRequest.ModelStyle.DATA_VAULT,
        KeysJsonSource.read("product-sample", productSample().csvFiles(), productSample().keys()), null));
    runFiles(again, "etl/");

    assertEquals(4, hubs);
    assertEquals(4, links);
    assertEquals(hubs, SparkDelta.query("SELECT count(*) FROM vault.hub_product").get(0).getLong(0));
    assertEquals(links, SparkDelta.query("SELECT count(*) FROM vault.link_product_category").get(0).getLong(0));
    assertEquals(firstLoad, SparkDelta.query("SELECT max(load_date) FROM vault.hub_product").get(0).get(0).toString());
  }

  @Test
  void everyFactForeignKeyResolves_onChinook() {
    load(new Dataset("chinook", SharedData.resolve("chinook/csv"), SharedData.resolve("chinook/keys.json")),
        ModelRequest.ModelStyle.KIMBALL, null);

    long lines = SparkDelta.query("SELECT count(*) FROM mart.fact_invoice_line").get(0).getLong(0);
    long resolved = SparkDelta.query(
        "SELECT count(*) FROM mart.fact_invoice_line f JOIN mart.dim_track t ON t.track_key = f.track_key"
            + " WHERE f.track_key <> -1").get(0).getLong(0);

    assertEquals(2240, lines);
    assertEquals(lines, resolved, "every invoice line finds its current track");
  }

  @AfterAll
  static void reportSkipped() {
    System.out.println("Unity-Catalog-only files skipped on Spark (" + SKIPPED.size() + " statements): "
        + SKIPPED.stream().distinct().count() + " files");
    SKIPPED.stream().distinct().forEach(s -> System.out.println("  " + s));
  }

  private static void resetSchemas() {
    for (String schema : List.of("staging", "vault", "mart")) {
      SparkDelta.session().sql("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
      SparkDelta.session().sql("CREATE SCHEMA " + schema);
    }
  }

  private static void runFiles(GeneratedModel model, String folder) {
    for (Map.Entry<String, String> file : model.files().entrySet()) {
      if (file.getKey().startsWith(folder)) {
        for (String statement : SparkDelta.statements(file.getValue())) {
          try {
            SparkDelta.session().sql(statement).collectAsList();
          } catch (RuntimeException e) {
            throw new AssertionError(file.getKey() + " failed:\n" + statement + "\n" + e.getMessage(), e);
          }
        }
      }
    }
  }

  private static Map<String, Long> rowCounts(GeneratedModel model) {
    Map<String, Long> counts = new LinkedHashMap<>();
    for (ModelSpec.Entity entity : model.spec().entities()) {
      if (!entity.kind().equals("view")) {
        String table = (String) entity.parameters().get("target");
        counts.put(table, SparkDelta.query("SELECT count(*) FROM " + Identifiers.quoteTable(table)).get(0).getLong(0));
      }
    }
    return counts;
  }
}
