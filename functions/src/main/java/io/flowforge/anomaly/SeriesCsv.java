package io.flowforge.anomaly;

import io.flowforge.core.FlowForgeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a metric series from a {@code timestamp,value} CSV file with a header row. Timestamps may be ISO
 * instants ({@code 2025-01-01T00:00:00Z}), offset date-times, local date-times with {@code T} or a space
 * (read as UTC) or dates. Rows must be strictly increasing in time.
 */
public final class SeriesCsv {
  private SeriesCsv() {}

  public static List<Observation> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw FlowForgeException.badRequest("File " + file + " does not exist; pass the path of a timestamp,value CSV file.");
    } catch (IOException e) {
      throw FlowForgeException.badRequest("Cannot read " + file + " (" + e.getClass().getSimpleName() + "); check it is a readable UTF-8 text file.");
    }
    return parse(file.toString(), lines);
  }

  static List<Observation> parse(String source, List<String> lines) {
    List<String> rows = lines.stream().filter(line -> !line.isBlank()).toList();
    if (rows.isEmpty()) {
      throw FlowForgeException.badRequest(source + " is empty; it needs a header 'timestamp,value' and one row per point.");
    }
    String[] header = rows.get(0).split(",", -1);
    if (header.length != 2 || !header[0].trim().equalsIgnoreCase("timestamp") || !header[1].trim().equalsIgnoreCase("value")) {
      throw FlowForgeException.badRequest(
          source + " line 1 is '" + rows.get(0) + "'; the first line must be the header 'timestamp,value'.");
    }
    if (rows.size() == 1) {
      throw FlowForgeException.badRequest(source + " has a header but no rows; add one 'timestamp,value' row per point.");
    }
    List<Observation> points = new ArrayList<>(rows.size() - 1);
    int lineNumber = 1;
    for (String line : lines.subList(1, lines.size())) {
      lineNumber++;
      if (line.isBlank()) {
        continue;
      }
      String[] cells = line.split(",", -1);
      if (cells.length != 2) {
        throw FlowForgeException.badRequest(
            source + " line " + lineNumber + " has " + cells.length + " fields; each row must be 'timestamp,value'.");
      }
      Instant at = parseTime(source, lineNumber, cells[0].trim());
      double value = parseValue(source, lineNumber, cells[1].trim());
      if (!points.isEmpty()) {
        Instant previous = points.get(points.size() - 1).at();
        if (at.equals(previous)) {
          throw FlowForgeException.badRequest(
              source + " line " + lineNumber + " repeats timestamp " + cells[0].trim() + "; keep one row per timestamp.");
        }
        if (at.isBefore(previous)) {
          throw FlowForgeException.badRequest(
              source + " line " + lineNumber + " (" + cells[0].trim() + ") is earlier than the row before it; sort the file by timestamp.");
        }
      }
      points.add(Observation.of(at, value));
    }
    return points;
  }

  private static double parseValue(String source, int line, String text) {
    try {
      double value = Double.parseDouble(text);
      if (Double.isFinite(value)) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the same message as a non-finite value
    }
    throw FlowForgeException.badRequest(
        source + " line " + line + " has value '" + text + "', which is not a finite number; use a plain number such as 42 or 3.5.");
  }

  static Instant parseTime(String source, int line, String text) {
    try {
      if (text.length() == 10) {
        return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      String iso = text.replace(' ', 'T');
      if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d:\\d\\d$")) {
        return OffsetDateTime.parse(iso).toInstant();
      }
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw FlowForgeException.badRequest(
          source + " line " + line + " has timestamp '" + text
              + "'; use ISO 8601 such as 2025-01-31T08:00:00Z, 2025-01-31 08:00:00 or 2025-01-31.");
    }
  }
}
