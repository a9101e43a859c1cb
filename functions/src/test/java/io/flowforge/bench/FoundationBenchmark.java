package io.flowforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import io.flowforge.local.LocalStack;
import io.flowforge.wiring.Settings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * The foundation benchmark (docs/benchmarks-foundation.md): the local API under concurrent load, with
 * {@code GET /api/health} as the baseline measured in the same run, and a cold-start proxy for the shaded
 * jar. Arguments: clients, seconds per route, cold-start runs, JVM flags for the cold starts, class path
 * of the cold-start JVM (default: this one's).
 */
public final class FoundationBenchmark {
  private static final String TOKEN = "bench-token";

  private FoundationBenchmark() {}

  /** One route's result under load. */
  record Load(String route, long requests, long errors, double seconds, double p50Ms, double p99Ms) {
    double throughput() {
      return requests / seconds;
    }
  }

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 32;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 9;
    String coldFlags = args.length > 3 ? args[3] : "-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto";
    String coldClasspath = args.length > 4 ? args[4] : System.getProperty("java.class.path");
    List<Load> results = new ArrayList<>();
    try (LocalStack stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)))) {
      URI base = stack.baseUri();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String workspace = stack.demoWorkspaceId();
      String dataset = firstDataset(http, base, workspace);
      Supplier<HttpRequest> health = () -> get(base, "/api/health");
      Supplier<HttpRequest> getDataset =
          () -> get(base, "/api/workspaces/" + workspace + "/datasets/" + dataset);
      Supplier<HttpRequest> postWorkspace =
          () ->
              HttpRequest.newBuilder(base.resolve("/api/workspaces"))
                  .header("authorization", "Bearer " + TOKEN)
                  .header("content-type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\"}"))
                  .build();
      run(http, clients, 5, health, "warm-up");
      run(http, clients, 5, getDataset, "warm-up");
      results.add(run(http, clients, seconds, health, "GET /api/health (baseline)"));
      results.add(run(http, clients, seconds, getDataset, "GET /api/workspaces/{id}/datasets/{id}"));
      results.add(run(http, clients, seconds, postWorkspace, "POST /api/workspaces"));
    }
    double baseline = results.get(0).p50Ms();
    System.out.printf("%n| route | requests | errors | throughput (req/s) | p50 ms | p99 ms | p50 vs health |%n");
    System.out.println("|---|---:|---:|---:|---:|---:|---:|");
    for (Load load : results) {
      System.out.printf(
          "| `%s` | %d | %d | %.0f | %.2f | %.2f | %.2fx |%n",
          load.route(), load.requests(), load.errors(), load.throughput(), load.p50Ms(), load.p99Ms(),
          load.p50Ms() / baseline);
    }
    coldStarts(runs, coldFlags, coldClasspath);
  }

  private static Load run(HttpClient http, int clients, int seconds, Supplier<HttpRequest> request, String route)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    AtomicLong errors = new AtomicLong();
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    List<Future<long[]>> futures = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < clients; i++) {
      futures.add(pool.submit(() -> {
        long[] latencies = new long[1 << 16];
        int count = 0;
        while (System.nanoTime() < deadline) {
          long before = System.nanoTime();
          HttpResponse<String> response = http.send(request.get(), HttpResponse.BodyHandlers.ofString());
          long took = System.nanoTime() - before;
          if (response.statusCode() >= 300) {
            errors.incrementAndGet();
          }
          if (count == latencies.length) {
            latencies = Arrays.copyOf(latencies, count * 2);
          }
          latencies[count++] = took;
        }
        return Arrays.copyOf(latencies, count);
      }));
    }
    List<Long> all = new ArrayList<>();
    for (Future<long[]> future : futures) {
      for (long latency : future.get()) {
        all.add(latency);
      }
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    pool.shutdown();
    long[] sorted = all.stream().mapToLong(Long::longValue).sorted().toArray();
    Load load = new Load(route, sorted.length, errors.get(), elapsed, percentile(sorted, 50), percentile(sorted, 99));
    System.out.printf("%s: %d requests, %d errors%n", route, load.requests(), load.errors());
    return load;
  }

  private static void coldStarts(int runs, String flags, String classpath) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command = new ArrayList<>();
    command.add(java);
    command.addAll(Arrays.asList(flags.trim().split("\\s+")));
    command.addAll(List.of("-cp", classpath, ColdStartProbe.class.getName()));
    long[] millis = new long[runs];
    for (int i = 0; i < runs; i++) {
      long before = System.nanoTime();
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      try (BufferedReader out =
          new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        String line = out.readLine();
        millis[i] = (System.nanoTime() - before) / 1_000_000;
        if (line == null || !line.equals("status 200")) {
          throw new IllegalStateException("cold start probe answered " + line);
        }
      }
      process.waitFor();
    }
    long[] sorted = millis.clone();
    Arrays.sort(sorted);
    System.out.printf(
        "%nCold start (JVM spawn to first handler response, %s, %s), %d runs: median %d ms, min %d ms, max %d ms;"
            + " all: %s%n",
        classpath, flags, runs, sorted[runs / 2], sorted[0], sorted[runs - 1], Arrays.toString(millis));
  }

  private static String firstDataset(HttpClient http, URI base, String workspace) throws Exception {
    HttpResponse<String> response =
        http.send(get(base, "/api/workspaces/" + workspace + "/datasets"), HttpResponse.BodyHandlers.ofString());
    JsonNode items = Json.mapper().readTree(response.body()).get("items");
    return items.get(0).get("id").asText();
  }

  private static HttpRequest get(URI base, String path) {
    return HttpRequest.newBuilder(base.resolve(path)).header("authorization", "Bearer " + TOKEN).GET().build();
  }

  private static double percentile(long[] sorted, int percentile) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)] / 1e6;
  }
}
