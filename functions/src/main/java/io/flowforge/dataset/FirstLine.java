package io.flowforge.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A cheap upper bound on a text file's width, read from its first line only: for CSV the field count for
 * the most frequent candidate delimiter outside quotes, for JSON lines the first object's field count.
 */
final class FirstLine {
  /** A header this long already has far more columns than any limit allows. */
  static final int MAX_BYTES = 4 * 1024 * 1024;
  private static final String DELIMITERS = ",;\t|";

  private FirstLine() {}

  static Optional<Integer> columnCount(Path file, DatasetFormat format) {
    if (format == DatasetFormat.PARQUET) {
      return Optional.empty();
    }
    String line = read(file);
    return format == DatasetFormat.CSV ? Optional.of(csvFields(line)) : jsonFields(line);
  }

  static int csvFields(String line) {
    int[] counts = new int[DELIMITERS.length()];
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && DELIMITERS.indexOf(c) >= 0) {
        counts[DELIMITERS.indexOf(c)]++;
      }
    }
    int most = 0;
    for (int count : counts) {
      most = Math.max(most, count);
    }
    return most + 1;
  }

  /** Empty when the line is not a JSON object: DuckDB then reports the parse error. */
  private static Optional<Integer> jsonFields(String line) {
    try {
      JsonNode node = Json.mapper().readTree(line);
      return node != null && node.isObject() ? Optional.of(node.size()) : Optional.empty();
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static String read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(MAX_BYTES);
      int end = 0;
      while (end < head.length && head[end] != '\n') {
        end++;
      }
      return new String(head, 0, end, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
