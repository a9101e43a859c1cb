package io.flowforge.anomaly.nab;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads the NAB corpus of a NAB checkout: every {@code data/<category>/<file>.csv} with its windows. */
public final class NabCorpus {
  private static final DateTimeFormatter ROW_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private NabCorpus() {}

  /** All files under {@code root/data}, sorted by name, with windows from {@code labels/combined_windows.json}. */
  public static List<NabFile> load(Path root) {
    Map<String, List<String[]>> windows = readWindows(root.resolve("labels/combined_windows.json"));
    Path data = root.resolve("data");
    try (Stream<Path> files = Files.walk(data)) {
      List<Path> csvs = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
      List<NabFile> corpus = new ArrayList<>();
      for (Path csv : csvs) {
        String name = data.relativize(csv).toString().replace('\\', '/');
        corpus.add(readFile(name, csv, windows.getOrDefault(name, List.of())));
      }
      return corpus;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read NAB data under " + data, e);
    }
  }

  static NabFile readFile(String name, Path csv, List<String[]> windowTimes) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    int rows = lines.size() - 1;
    LocalDateTime[] timestamps = new LocalDateTime[rows];
    double[] values = new double[rows];
    Map<LocalDateTime, Integer> index = new HashMap<>();
    for (int i = 0; i < rows; i++) {
      String[] cells = lines.get(i + 1).split(",");
      timestamps[i] = parseTime(cells[0]);
      values[i] = Double.parseDouble(cells[1]);
      index.put(timestamps[i], i);
    }
    List<NabFile.Window> windows = new ArrayList<>();
    for (String[] window : windowTimes) {
      Integer start = index.get(parseTime(window[0]));
      Integer end = index.get(parseTime(window[1]));
      if (start == null || end == null) {
        throw new IllegalStateException("Window " + Arrays.toString(window) + " does not match rows of " + name);
      }
      windows.add(new NabFile.Window(start, end));
    }
    return new NabFile(name, timestamps, values, windows);
  }

  // Windows carry microseconds ("2014-10-30 15:30:00.000000"), rows do not.
  static LocalDateTime parseTime(String text) {
    String trimmed = text.trim();
    int dot = trimmed.indexOf('.');
    return LocalDateTime.parse(dot < 0 ? trimmed : trimmed.substring(0, dot), ROW_TIME);
  }

  private static Map<String, List<String[]>> readWindows(Path json) {
    try {
      JsonNode root = Json.mapper().readTree(json.toFile());
      Map<String, List<String[]>> windows = new HashMap<>();
      root.fields()
          .forEachRemaining(
              entry -> {
                List<String[]> list = new ArrayList<>();
                entry.getValue().forEach(pair -> list.add(new String[] {pair.get(0).asText(), pair.get(1).asText()}));
                windows.put(entry.getKey(), list);
              });
      return windows;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read NAB windows " + json, e);
    }
  }
}
