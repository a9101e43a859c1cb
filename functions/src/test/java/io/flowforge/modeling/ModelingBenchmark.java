package io.flowforge.modeling;

import io.flowforge.patterns.PatternLibrary;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times generating and rendering Kimball and Data Vault models for 20 and 200 source tables. Baseline, measured
 * in the same run: rendering one hub pattern as many times as the model has entities (pure template cost).
 * Run: {@code mvn -B -q -pl functions test-compile exec:java -Dexec.classpathScope=test
 * -Dexec.mainClass=io.flowforge.modeling.ModelingBenchmark}
 */
public final class ModelingBenchmark {
  private static final int RUNS = 5;

  private ModelingBenchmark() {}

  public static void main(String[] args) {
    ModelGenerator generator = new ModelGenerator();
    // Warm up class loading, Jinjava and the JIT so the first measured size is not penalised.
    for (int i = 0; i < 3; i++) {
      generator.generate(new ModelRequest(ModelRequest.ModelStyle.DATA_VAULT, SampleSchemas.synthetic(20), null));
      generator.generate(new ModelRequest(ModelRequest.ModelStyle.KIMBALL, SampleSchemas.synthetic(20), null));
    }
    System.out.println("| style | source tables | entities | files | median generate+render ms | baseline ms | ratio |");
    System.out.println("|---|---|---|---|---|---|---|");
    for (ModelRequest.ModelStyle style : ModelRequest.ModelStyle.values()) {
      for (int tables : List.of(20, 200)) {
        SourceSchema schema = SampleSchemas.synthetic(tables);
        long[] times = new long[RUNS];
        GeneratedModel model = null;
        for (int run = 0; run < RUNS; run++) {
          long start = System.nanoTime();
          model = generator.generate(new ModelRequest(style, schema, null));
          times[run] = System.nanoTime() - start;
        }
        java.util.Arrays.sort(times);
        double median = times[RUNS / 2] / 1e6;
        double baseline = baseline(model.spec().entities().size());
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f | %.1f | %.2f |%n", style, tables,
            model.spec().entities().size(), model.files().size(), median, baseline, median / baseline);
      }
    }
  }

  private static double baseline(int renders) {
    Map<String, Object> hub = Map.of("target", "vault.hub_x", "source", "staging.x", "hub_key", "x_hub_key",
        "business_key", List.of(Map.of("name", "x_business_key", "source", "x_id")), "record_source", "bench.x");
    long[] times = new long[RUNS];
    for (int run = 0; run < RUNS; run++) {
      long start = System.nanoTime();
      for (int i = 0; i < renders; i++) {
        PatternLibrary.builtIn().render("data_vault/hub", hub);
      }
      times[run] = System.nanoTime() - start;
    }
    java.util.Arrays.sort(times);
    return times[RUNS / 2] / 1e6;
  }
}
