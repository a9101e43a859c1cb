package io.flowforge.local;

import io.flowforge.local.LocalApi.Answer;
import io.flowforge.wiring.Settings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.StreamSupport;

/**
 * The profiling API benchmark (docs/benchmarks-profiling.md): on the local stack's demo workspace, through
 * HTTP, one client at a time, against {@code GET /api/health} measured in the same run. Arguments: rounds
 * for the heavy operations (profile + three layers, rules run), rounds for the light ones (health,
 * suggestions of an already-profiled dataset).
 */
public final class ProfilingApiBenchmark {
  private static final String TOKEN = "bench-token";
  private static final List<String> DATASETS = List.of("bank_transactions", "customers", "product", "productcategory");

  private ProfilingApiBenchmark() {}

  /** Latencies of one operation, in milliseconds. */
  record Timing(String operation, double[] millis) {
    double percentile(int p) {
      double[] sorted = millis.clone();
      Arrays.sort(sorted);
      return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
  }

  public static void main(String[] args) throws Exception {
    int heavyRounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int lightRounds = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    List<Timing> timings = new ArrayList<>();
    try (LocalStack stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)))) {
      LocalApi api = new LocalApi(stack.baseUri(), TOKEN);
      String workspace = stack.demoWorkspaceId();
      // Warm-up: class loading, DuckDB start-up and the JIT are not what is measured.
      time("warm-up", 3, () -> api.get("/api/health"));
      for (String name : DATASETS) {
        String path = LocalApi.datasetPath(workspace, dataset(api, workspace, name));
        profileAndSuggest(api, path);
      }
      timings.add(time("GET /api/health (baseline)", lightRounds, () -> api.get("/api/health")));
      for (String name : DATASETS) {
        String path = LocalApi.datasetPath(workspace, dataset(api, workspace, name));
        timings.add(time("profile + bronze/silver/gold: " + name, heavyRounds, () -> profileAndSuggest(api, path)));
      }
      String bank = LocalApi.datasetPath(workspace, dataset(api, workspace, "bank_transactions"));
      for (String layer : List.of("bronze", "silver", "gold")) {
        timings.add(
            time("GET suggestions/" + layer + " (profiled): bank_transactions", lightRounds,
                () -> api.get(bank + "/suggestions/" + layer)));
      }
      timings.add(time("POST quality/run: bank_transactions", heavyRounds, () -> api.post(bank + "/quality/run", null)));
    }
    double baseline = timings.get(0).percentile(50);
    System.out.printf("%n| operation | rounds | p50 ms | p90 ms | p50 vs health |%n|---|---:|---:|---:|---:|%n");
    for (Timing timing : timings) {
      System.out.printf(
          Locale.ROOT, "| %s | %d | %.2f | %.2f | %.1fx |%n", timing.operation(), timing.millis().length,
          timing.percentile(50), timing.percentile(90), timing.percentile(50) / baseline);
    }
  }

  /** Profiles the dataset and reads the three layers' suggestions, as the wizard does. */
  private static Answer profileAndSuggest(LocalApi api, String path) {
    expectOk(api.post(path + "/profile", null));
    expectOk(api.get(path + "/suggestions/bronze"));
    expectOk(api.get(path + "/suggestions/silver"));
    return api.get(path + "/suggestions/gold");
  }

  private static Timing time(String operation, int rounds, Supplier<Answer> call) {
    double[] millis = new double[rounds];
    for (int i = 0; i < rounds; i++) {
      long before = System.nanoTime();
      Answer answer = call.get();
      millis[i] = (System.nanoTime() - before) / 1e6;
      expectOk(answer);
    }
    System.out.printf("%s: %d rounds%n", operation, rounds);
    return new Timing(operation, millis);
  }

  private static void expectOk(Answer answer) {
    if (answer.status() >= 300) {
      throw new IllegalStateException("answered " + answer.status() + ": " + answer.text());
    }
  }

  private static String dataset(LocalApi api, String workspace, String name) {
    Answer listed = api.get("/api/workspaces/" + workspace + "/datasets");
    return StreamSupport.stream(listed.json().get("items").spliterator(), false)
        .filter(item -> item.get("name").asText().equals(name))
        .map(item -> item.get("id").asText())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no demo dataset " + name));
  }
}
