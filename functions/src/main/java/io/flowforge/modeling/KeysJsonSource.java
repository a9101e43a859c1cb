package io.flowforge.modeling;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds generator input from CSV files (the header gives the columns) and, optionally, a {@code keys.json} of
 * declared keys in the shape of the shared datasets: {@code {"tables": {"Name": {"primary_key": [..],
 * "foreign_keys": [{"columns": [..], "references": {"table": .., "columns": [..]}}], "unique_keys": [{"columns":
 * [..]}], "columns": [{"name", "type", "nullable"|"not_null"}], "rows": n}}}}.
 */
public final class KeysJsonSource {
  private KeysJsonSource() {}

  /**
   * @param csvFiles CSV files with a header row; the table name is the file name without {@code .csv}
   * @param keysJson declared keys, or null when none are known (tables then have no keys)
   */
  public static SourceSchema read(String system, List<Path> csvFiles, Path keysJson) {
    JsonNode declared = keysJson == null ? null : readJson(keysJson).path("tables");
    List<SourceSchema.SourceTable> tables = new ArrayList<>();
    for (Path csv : csvFiles) {
      String fileName = csv.getFileName().toString();
      String name = fileName.endsWith(".csv") ? fileName.substring(0, fileName.length() - 4) : fileName;
      JsonNode table = declared == null ? null : declared.get(name);
      tables.add(table(name, csv, table));
    }
    return new SourceSchema(system, "staging", tables);
  }

  private static SourceSchema.SourceTable table(String name, Path csv, JsonNode declared) {
    List<String> header = header(csv);
    Map<String, JsonNode> declaredColumns = new LinkedHashMap<>();
    if (declared != null) {
      declared.path("columns").forEach(column -> declaredColumns.put(column.path("name").asText(), column));
    }
    List<SourceSchema.SourceColumn> columns = new ArrayList<>();
    for (String column : header) {
      JsonNode type = declaredColumns.get(column);
      boolean nullable = type == null || (type.has("nullable") ? type.path("nullable").asBoolean(true) : !type.path("not_null").asBoolean(false));
      columns.add(new SourceSchema.SourceColumn(column, type == null ? "string" : type.path("type").asText("string"), nullable, null));
    }
    if (declared == null) {
      return new SourceSchema.SourceTable(name, columns, List.of(), List.of(), List.of(), null);
    }
    List<List<String>> unique = new ArrayList<>();
    declared.path("unique_keys").forEach(key -> unique.add(strings(key.path("columns"))));
    List<SourceSchema.ForeignKey> foreignKeys = new ArrayList<>();
    for (JsonNode key : declared.path("foreign_keys")) {
      foreignKeys.add(new SourceSchema.ForeignKey(
          strings(key.path("columns")), key.path("references").path("table").asText(),
          strings(key.path("references").path("columns"))));
    }
    Long rows = declared.has("rows") ? declared.path("rows").asLong() : null;
    return new SourceSchema.SourceTable(name, columns, strings(declared.path("primary_key")), unique, foreignKeys, rows);
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(item -> out.add(item.asText()));
    return out;
  }

  private static JsonNode readJson(Path file) {
    try {
      return Json.mapper().readTree(file.toFile());
    } catch (IOException e) {
      throw FlowForgeException.invalid("/keys", "Cannot read keys file " + file + ": " + e.getMessage());
    }
  }

  /** The header row, split on commas outside double quotes. */
  static List<String> header(Path csv) {
    try (BufferedReader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
      String line = reader.readLine();
      if (line == null || line.isBlank()) {
        throw FlowForgeException.invalid("/files", csv + " is empty; a header row naming the columns is needed.");
      }
      if (line.startsWith("\uFEFF")) {
        line = line.substring(1);
      }
      List<String> out = new ArrayList<>();
      StringBuilder current = new StringBuilder();
      boolean quoted = false;
      for (char c : line.toCharArray()) {
        if (c == '"') {
          quoted = !quoted;
        } else if (c == ',' && !quoted) {
          out.add(current.toString().trim());
          current.setLength(0);
        } else {
          current.append(c);
        }
      }
      out.add(current.toString().trim());
      return out;
    } catch (IOException e) {
      throw FlowForgeException.invalid("/files", "Cannot read " + csv + ": " + e.getMessage());
    }
  }
}
