package io.flowforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AnomaliesCommandIT {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new FlowForgeCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Path seriesWithSpikeAt(int spike) throws Exception {
    return seriesWithSpikes(Map.of(spike, 500.0));
  }

  private Path seriesWithSpikes(Map<Integer, Double> spikes) throws Exception {
    List<String> lines = new ArrayList<>(List.of("timestamp,value"));
    Random random = new Random(1);
    Instant start = Instant.parse("2025-01-01T00:00:00Z");
    for (int i = 0; i < 600; i++) {
      double noise = 100 + random.nextGaussian() * 5;
      lines.add(start.plusSeconds(300L * i) + "," + spikes.getOrDefault(i, noise));
    }
    return Files.write(dir.resolve("series.csv"), lines);
  }

  @Test
  void printsScoresAndFlagsTheSpike_asJson() throws Exception {
    Run result = run("anomalies", seriesWithSpikeAt(400).toString(), "--json");

    assertEquals(0, result.exit(), result.err());
    JsonNode json = Json.mapper().readTree(result.out());
    assertEquals(600, json.get("points").size());
    assertEquals(100, json.get("learningPoints").asInt());
    assertEquals(100, json.get("quietPoints").asInt());
    List<String> flagged = new ArrayList<>();
    json.get("flagged").forEach(point -> flagged.add(point.get("timestamp").asText()));
    assertTrue(flagged.contains("2025-01-02T09:20:00Z"), flagged.toString());
    assertTrue(flagged.size() <= 2, "a calm series flags almost nothing else: " + flagged);
    assertEquals(1.0, json.get("points").get(400).get("score").asDouble());
  }

  @Test
  void flagsAnIncidentOnce_andTheNextAfterTheQuietPeriod() throws Exception {
    // Each spike is larger than the one before, so each scores above the threshold.
    Path series = seriesWithSpikes(Map.of(400, 500.0, 420, 5_000.0, 560, 50_000.0));
    Run result = run("anomalies", series.toString(), "--json");

    assertEquals(0, result.exit(), result.err());
    JsonNode json = Json.mapper().readTree(result.out());
    assertTrue(json.get("points").get(420).get("score").asDouble() >= json.get("threshold").asDouble());
    List<Integer> flagged = new ArrayList<>();
    for (int i = 0; i < json.get("points").size(); i++) {
      if (json.get("points").get(i).get("flagged").asBoolean()) {
        flagged.add(i);
      }
    }
    assertEquals(List.of(400, 560), flagged);
  }

  @Test
  void printsPerRowScoresAndASummary_asText() throws Exception {
    Run result = run("anomalies", seriesWithSpikeAt(300).toString());
    assertEquals(0, result.exit());
    assertTrue(result.out().startsWith("timestamp,value,score,flagged"));
    assertTrue(result.out().matches("(?s).*\\n[12] of 600 points flagged.*"), result.out());
    assertTrue(result.out().contains("2025-01-02T01:00:00Z value 500.0 score 1.000"));
  }

  @Test
  void explainsBadInput_withUsageExitCode() throws Exception {
    Path unsorted = Files.write(dir.resolve("bad.csv"), List.of("timestamp,value", "2025-01-02,1", "2025-01-01,2"));
    Run bad = run("anomalies", unsorted.toString());
    Run missing = run("anomalies", dir.resolve("nope.csv").toString());
    Run empty = run("anomalies", Files.write(dir.resolve("empty.csv"), List.of()).toString());

    assertEquals(CommandLine.ExitCode.USAGE, bad.exit());
    assertTrue(bad.err().contains("line 3") && bad.err().contains("sort the file"), bad.err());
    assertTrue(missing.err().contains("does not exist"));
    assertTrue(empty.err().contains("is empty"));
  }
}
