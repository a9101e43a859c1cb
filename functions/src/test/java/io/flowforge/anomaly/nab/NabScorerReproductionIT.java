package io.flowforge.anomaly.nab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import io.flowforge.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the scorer against the Numenta HTM detector's published NAB output: its per-row anomaly scores go
 * in, and the per-row weighted scores, the per-file raw scores and the normalised corpus scores NAB
 * published must come out.
 */
class NabScorerReproductionIT {
  private static final Path NAB = SharedData.resolve("nab");
  private static Map<String, NabFile> corpus;
  private static List<NabProfile> profiles;
  private static JsonNode thresholds;

  @BeforeAll
  static void load() throws IOException {
    corpus = new HashMap<>();
    NabCorpus.load(NAB).forEach(file -> corpus.put(file.name(), file));
    profiles = NabProfile.load(NAB.resolve("config/profiles.json"));
    thresholds = Json.mapper().readTree(NAB.resolve("config/thresholds.json").toFile());
  }

  @Test
  void loadsTheWholeCorpus_with116Windows() {
    assertEquals(58, corpus.size());
    assertEquals(116, corpus.values().stream().mapToInt(f -> f.windows().size()).sum());
    assertEquals(365_558, corpus.values().stream().mapToInt(NabFile::length).sum());
  }

  @Test
  void reproducesNumentaPerRowAndPerFileScores_toTheDecimal() throws IOException {
    Map<String, Map<String, Double>> published = publishedFileScores("numenta");
    int filesChecked = 0;
    try (Stream<Path> rowFiles = Files.walk(NAB.resolve("results/numenta"))) {
      for (Path rowFile : rowFiles.filter(p -> p.getFileName().toString().startsWith("numenta_") && p.getParent().getFileName().toString().matches("real.*|artificial.*")).toList()) {
        String name = rowFile.getParent().getFileName() + "/" + rowFile.getFileName().toString().substring("numenta_".length());
        NabFile file = corpus.get(name);
        List<String> lines = Files.readAllLines(rowFile);
        List<String> header = List.of(lines.get(0).split(","));
        double[] scores = column(lines, header.indexOf("anomaly_score"));
        NabScorer.Layout layout = NabScorer.layout(file);
        for (NabProfile profile : profiles) {
          double threshold = thresholds.path("numenta").path(profile.name()).path("threshold").asDouble();
          double[] expectedRows = column(lines, header.indexOf("S(t)_" + profile.name()));
          double[] actualRows = NabScorer.contributions(layout, scores, threshold, profile);
          for (int i = 0; i < expectedRows.length; i++) {
            assertEquals(expectedRows[i], actualRows[i], 1e-9, name + " row " + i + " " + profile.name());
          }
          double fileScore = NabScorer.score(layout, scores, threshold, profile);
          assertEquals(published.get(profile.name()).get(name), fileScore, 1e-9, name + " " + profile.name());
        }
        filesChecked++;
      }
    }
    assertEquals(13, filesChecked);
  }

  @Test
  void normalisesPublishedRawTotals_toFinalResults() throws IOException {
    JsonNode finalResults = Json.mapper().readTree(NAB.resolve("results/final_results.json").toFile());
    for (String detector : List.of("numenta", "ARTime", "twitterADVec", "null")) {
      Map<String, Map<String, Double>> published = publishedFileScores(detector);
      for (NabProfile profile : profiles) {
        double raw = published.get(profile.name()).values().stream().mapToDouble(Double::doubleValue).sum();
        double expected = finalResults.path(detector).path(profile.name()).asDouble();
        assertEquals(expected, NabScorer.normalize(raw, 116, profile), 1e-6, detector + " " + profile.name());
      }
    }
  }

  @Test
  void scoresTheNullDetector_atMinusOneFnWeightPerWindow() {
    List<NabFile> files = List.copyOf(corpus.values());
    for (NabProfile profile : profiles) {
      double raw = files.stream().mapToDouble(f -> NabScorer.score(NabScorer.layout(f), new double[f.length()], 1.0, profile)).sum();
      assertEquals(-116 * profile.fnWeight(), raw, 1e-9);
      assertTrue(NabScorer.normalize(raw, 116, profile) == 0.0);
    }
  }

  /** Profile -> file -> raw score, from {@code results/<detector>/<detector>_<profile>_scores.csv}. */
  static Map<String, Map<String, Double>> publishedFileScores(String detector) throws IOException {
    Map<String, Map<String, Double>> byProfile = new HashMap<>();
    for (NabProfile profile : profiles) {
      Path csv = NAB.resolve("results/" + detector + "/" + detector + "_" + profile.name() + "_scores.csv");
      Map<String, Double> files = new HashMap<>();
      for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
        String[] cells = line.split(",");
        if (!cells[0].equals("Totals")) {
          files.put(cells[2], Double.parseDouble(cells[4]));
        }
      }
      byProfile.put(profile.name(), files);
    }
    return byProfile;
  }

  private static double[] column(List<String> lines, int index) {
    return lines.subList(1, lines.size()).stream().mapToDouble(line -> Double.parseDouble(line.split(",")[index])).toArray();
  }
}
