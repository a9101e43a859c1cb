package io.flowforge.profiling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import io.flowforge.suggest.Confidence;
import io.flowforge.testing.SharedData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Measures key discovery against the keys declared in the shared datasets' {@code keys.json}: top-1 primary
 * key accuracy and foreign-key precision and recall. Prints the measurements, then holds them to the targets.
 */
class KeyDiscoveryEvaluationIT {

  @ParameterizedTest
  @ValueSource(strings = {"adventureworks", "chinook"})
  void findsDeclaredKeys_onRealDatasets(String dataset) throws Exception {
    // given the CSV files of a dataset and its declared keys
    Path root = SharedData.resolve(dataset);
    JsonNode declared = Json.mapper().readTree(root.resolve("keys.json").toFile()).get("tables");
    List<Path> files;
    try (Stream<Path> list = Files.list(root.resolve("csv"))) {
      files = list.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }

    // when the schema is analysed
    SchemaAnalysis analysis = SchemaAnalyzer.analyze(files);

    // then every declared primary key is the top suggestion, and foreign keys are found with high precision
    Evaluation result = evaluate(declared, analysis);
    System.out.println(result.report(dataset));
    assertEquals(result.tables(), result.pkTop1(), "tables whose top key is the declared one; missed: " + result.pkMisses());
    assertTrue(result.precision() >= 0.95, "FK precision " + result.precision() + "; false: " + result.falsePositives());
    assertTrue(result.recall() >= 0.9, "FK recall " + result.recall() + "; missed: " + result.missed());
    // Calibration: confidences must not promise more than the measured accuracy delivers.
    assertTrue(result.meanPkConfidence() <= (double) result.pkTop1() / result.tables() + 0.05, result.report(dataset));
    assertTrue(result.meanFkConfidence() <= result.precision() + 0.05, result.report(dataset));
  }

  record Evaluation(
      int tables, int pkTop1, List<String> pkMisses, double meanPkConfidence, Set<String> truePositives,
      Set<String> falsePositives, Set<String> missed, double meanFkConfidence) {
    double precision() {
      int found = truePositives.size() + falsePositives.size();
      return found == 0 ? 0 : (double) truePositives.size() / found;
    }

    double recall() {
      int declared = truePositives.size() + missed.size();
      return declared == 0 ? 1 : (double) truePositives.size() / declared;
    }

    String report(String dataset) {
      return String.format(java.util.Locale.ROOT,
          "EVALUATION %s: PK top-1 %d/%d (mean confidence %.2f); FK precision %.3f recall %.3f (%d found, %d declared, mean confidence %.2f); false %s; missed %s; PK misses %s",
          dataset, pkTop1, tables, meanPkConfidence, precision(), recall(), truePositives.size() + falsePositives.size(),
          truePositives.size() + missed.size(), meanFkConfidence, falsePositives, missed, pkMisses);
    }
  }

  static Evaluation evaluate(JsonNode declared, SchemaAnalysis analysis) {
    int top1 = 0;
    List<String> pkMisses = new ArrayList<>();
    double pkConfidence = 0;
    for (TableProfile table : analysis.tables()) {
      List<String> expected = new ArrayList<>();
      declared.get(table.name()).get("primary_key").forEach(n -> expected.add(n.asText()));
      List<String> suggested = table.primaryKey().map(CandidateKey::columns).orElse(List.of());
      pkConfidence += Confidence.primaryKey(table.candidateKeys());
      if (new HashSet<>(suggested).equals(new HashSet<>(expected))) {
        top1++;
      } else {
        pkMisses.add(table.name() + " suggested " + suggested + " declared " + expected);
      }
    }
    Set<String> expectedFks = new HashSet<>();
    declared.fields().forEachRemaining(table -> table.getValue().get("foreign_keys").forEach(fk -> {
      for (int i = 0; i < fk.get("columns").size(); i++) {
        expectedFks.add(table.getKey() + "." + fk.get("columns").get(i).asText() + " -> "
            + fk.get("references").get("table").asText() + "." + fk.get("references").get("columns").get(i).asText());
      }
    }));
    Set<String> found = new HashSet<>();
    double fkConfidence = 0;
    for (Relationship r : analysis.relationships()) {
      found.add(r.fromTable() + "." + r.fromColumn() + " -> " + r.toTable() + "." + r.toColumn());
      fkConfidence += r.confidence();
    }
    Set<String> truePositives = new HashSet<>(found);
    truePositives.retainAll(expectedFks);
    Set<String> falsePositives = new HashSet<>(found);
    falsePositives.removeAll(expectedFks);
    Set<String> missed = new HashSet<>(expectedFks);
    missed.removeAll(found);
    int tables = analysis.tables().size();
    return new Evaluation(tables, top1, pkMisses, pkConfidence / tables, truePositives, falsePositives, missed,
        found.isEmpty() ? 0 : fkConfidence / found.size());
  }
}
