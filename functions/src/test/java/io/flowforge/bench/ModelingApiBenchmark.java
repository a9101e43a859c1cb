package io.flowforge.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import io.flowforge.local.LocalStack;
import io.flowforge.wiring.Settings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The modelling API benchmark (docs/benchmarks-modeling.md): render, generate Kimball and Data Vault from the
 * demo product tables, save (unchanged and new version) and zip download over HTTP on the local stack, each
 * against {@code GET /api/health} measured in the same run, interleaved so both see the same machine load.
 * Argument: runs per operation after one warm-up (default 10).
 */
public final class ModelingApiBenchmark {
  private static final String TOKEN = "bench-token";

  private ModelingApiBenchmark() {}

  public static void main(String[] args) throws Exception {
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    try (LocalStack stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)))) {
      URI base = stack.baseUri();
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      String models = "/api/workspaces/" + stack.demoWorkspaceId() + "/models";
      List<String> datasets = productDatasets(http, base, stack.demoWorkspaceId());
      String modelId = send(http, post(base, models, save(datasets, "Bench star", 2))).at("/model/id").asText();
      String zip = models + "/" + modelId + "/versions/1/zip";

      Map<String, IntFunction<HttpRequest>> operations = new LinkedHashMap<>();
      operations.put("POST render kimball/scd2", i -> post(base, "/api/patterns/kimball/scd2/render", renderBody()));
      operations.put("POST models/generate kimball", i -> post(base, models + "/generate", generate(datasets, "kimball")));
      operations.put("POST models/generate data_vault", i -> post(base, models + "/generate", generate(datasets, "data_vault")));
      operations.put("POST models (unchanged)", i -> post(base, models, save(datasets, "Bench star", 2)));
      // Alternating the SCD type makes every save a new version: generate, hash, gzip, transaction.
      operations.put("POST models (new version)", i -> post(base, models, save(datasets, "Bench versions", i % 2 + 1)));
      operations.put("GET versions/{v}/zip", i -> get(base, zip));

      System.out.printf("%-34s %6s %10s %10s %10s %8s%n", "operation", "runs", "median ms", "p90 ms", "health ms", "ratio");
      for (Map.Entry<String, IntFunction<HttpRequest>> operation : operations.entrySet()) {
        time(http, operation.getValue().apply(-1));
        time(http, get(base, "/api/health"));
        List<Double> times = new ArrayList<>();
        List<Double> health = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
          times.add(time(http, operation.getValue().apply(i)));
          health.add(time(http, get(base, "/api/health")));
        }
        double median = percentile(times, 0.5);
        double healthMedian = percentile(health, 0.5);
        System.out.printf("%-34s %6d %10.1f %10.1f %10.2f %8.0f%n", operation.getKey(), runs, median,
            percentile(times, 0.9), healthMedian, median / healthMedian);
      }
    }
  }

  private static List<String> productDatasets(HttpClient http, URI base, String workspace) throws Exception {
    List<String> ids = new ArrayList<>();
    for (String name : List.of("product", "productcategory")) {
      for (JsonNode dataset : send(http, get(base, "/api/workspaces/" + workspace + "/datasets")).get("items")) {
        if (dataset.get("name").asText().equals(name)) {
          ids.add(dataset.get("id").asText());
        }
      }
    }
    return ids;
  }

  private static String generate(List<String> datasets, String style) {
    ObjectNode body = Json.mapper().createObjectNode().put("style", style);
    datasets.forEach(body.putArray("datasetIds")::add);
    return body.toString();
  }

  private static String save(List<String> datasets, String name, int scdType) {
    ObjectNode body = Json.mapper().createObjectNode().put("name", name).put("style", "kimball");
    datasets.forEach(body.putArray("datasetIds")::add);
    body.putObject("options").putObject("scdTypes").put("dim_product", scdType);
    return body.toString();
  }

  private static String renderBody() {
    ObjectNode body = Json.mapper().createObjectNode();
    ObjectNode parameters = body.putObject("parameters")
        .put("target", "mart.dim_product").put("source", "staging.product").put("surrogate_key", "product_key");
    parameters.putArray("natural_key").addObject().put("name", "product_id").put("type", "INT");
    parameters.putArray("attributes").addObject().put("name", "price").put("type", "DECIMAL(10,2)");
    return body.toString();
  }

  private static HttpRequest get(URI base, String path) {
    return HttpRequest.newBuilder(base.resolve(path)).header("authorization", "Bearer " + TOKEN).GET().build();
  }

  private static HttpRequest post(URI base, String path, String json) {
    return HttpRequest.newBuilder(base.resolve(path))
        .header("authorization", "Bearer " + TOKEN)
        .header("content-type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))
        .build();
  }

  private static JsonNode send(HttpClient http, HttpRequest request) throws Exception {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
    }
    return Json.mapper().readTree(response.body());
  }

  /** Milliseconds for one request, body read; a failed request stops the benchmark. */
  private static double time(HttpClient http, HttpRequest request) throws Exception {
    long start = System.nanoTime();
    HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    double ms = (System.nanoTime() - start) / 1e6;
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(request.uri() + " answered " + response.statusCode());
    }
    return ms;
  }

  private static double percentile(List<Double> values, double fraction) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(Math.min(sorted.size() - 1, (int) Math.floor(fraction * sorted.size())));
  }
}
