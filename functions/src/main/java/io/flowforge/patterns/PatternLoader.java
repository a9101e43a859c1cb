package io.flowforge.patterns;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.flowforge.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@code pattern.yaml} into a {@link PatternDefinition}: safe YAML first, then the JSON Schema in
 * {@code patterns/_schema/pattern.schema.json}, then the rules a schema cannot say (the id matches the folder,
 * a default fits its type). Every failure names the file, the line and the rule.
 */
final class PatternLoader {
  private static final String SCHEMA_RESOURCE = "patterns/_schema/pattern.schema.json";
  private static final Schema SCHEMA = loadSchema();
  private static final List<PatternDefinition.ParameterSpec> TABLE_OPTIONS = loadTableOptions();

  private PatternLoader() {}

  static PatternDefinition load(String file, String folder, String text) {
    PatternYaml.Document document = PatternYaml.parse(file, text);
    if (!(document.data() instanceof Map<?, ?> map)) {
      throw new InvalidPatternException(file, 1, "document-is-mapping", "the file must be a YAML mapping.");
    }
    validateAgainstSchema(file, document);
    String id = (String) map.get("id");
    String expectedId = folder.replace('\\', '/');
    if (!id.equals(expectedId)) {
      throw new InvalidPatternException(
          file,
          document.lineOf(List.of("id")),
          "id-matches-folder",
          "id '" + id + "' does not match its folder '" + expectedId + "'; rename one of them.");
    }
    return new PatternDefinition(
        id,
        ((Number) map.get("version")).intValue(),
        (String) map.get("name"),
        (String) map.get("category"),
        ((String) map.get("description")).strip(),
        ((String) map.get("when_to_use")).strip(),
        strings(map.get("tags")),
        columns(map.get("required_columns")),
        columns(map.get("optional_columns")),
        withTableOptions(file, document, parameters(map.get("parameters")), strings(map.get("artifacts"))),
        optimizations(map.get("databricks_optimizations")),
        strings(map.get("artifacts")),
        expectedId);
  }

  private static void validateAgainstSchema(String file, PatternYaml.Document document) {
    String json;
    try {
      json = Json.mapper().writeValueAsString(document.data());
    } catch (JsonProcessingException e) {
      throw new InvalidPatternException(file, 0, "json-compatible", "values must be plain strings, numbers, lists.");
    }
    List<Error> errors = new ArrayList<>(SCHEMA.validate(json, InputFormat.JSON));
    if (errors.isEmpty()) {
      return;
    }
    List<Object> firstPath = null;
    int firstLine = Integer.MAX_VALUE;
    Error first = null;
    errors.sort(Comparator.comparing(e -> e.getInstanceLocation().toString()));
    for (Error error : errors) {
      List<Object> path = path(error);
      int line = document.lineOf(path);
      // The most specific error (deepest path) names the real mistake; a misspelt key also trips "required".
      boolean better = first == null || path.size() > firstPath.size() || (path.size() == firstPath.size() && line < firstLine);
      if (better) {
        firstLine = line;
        first = error;
        firstPath = path;
      }
    }
    String where = firstPath.isEmpty() ? "the document" : "'" + pointer(firstPath) + "'";
    throw new InvalidPatternException(
        file,
        firstLine,
        "schema:" + first.getKeyword(),
        where + " " + humanMessage(first) + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
  }

  private static String humanMessage(Error error) {
    String message = error.getMessage();
    // The validator prefixes messages with the instance location, which the caller already names.
    int colon = message.indexOf(": ");
    return colon >= 0 && message.startsWith("/") ? message.substring(colon + 2) : message;
  }

  private static List<Object> path(Error error) {
    List<Object> path = new ArrayList<>();
    var location = error.getInstanceLocation();
    for (int i = 0; i < location.getNameCount(); i++) {
      path.add(location.getElement(i));
    }
    if ("additionalProperties".equals(error.getKeyword()) && error.getProperty() != null) {
      path.add(error.getProperty());
    }
    return path;
  }

  private static String pointer(List<Object> path) {
    StringBuilder out = new StringBuilder();
    for (Object step : path) {
      out.append(step instanceof Integer ? "[" + step + "]" : (out.length() > 0 ? "." : "") + step);
    }
    return out.toString();
  }

  private static List<PatternDefinition.ParameterSpec> withTableOptions(
      String file, PatternYaml.Document document, List<PatternDefinition.ParameterSpec> own, List<String> artifacts) {
    if (!artifacts.contains("ddl")) {
      return own;
    }
    List<PatternDefinition.ParameterSpec> all = new ArrayList<>(own);
    for (PatternDefinition.ParameterSpec option : TABLE_OPTIONS) {
      for (int i = 0; i < own.size(); i++) {
        if (own.get(i).name().equals(option.name())) {
          throw new InvalidPatternException(
              file,
              document.lineOf(List.of("parameters", i)),
              "shared-parameter",
              "parameter '" + option.name() + "' is shared by every table pattern; remove it here.");
        }
      }
      all.add(option);
    }
    return List.copyOf(all);
  }

  private static List<String> strings(Object value) {
    List<String> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      list.forEach(item -> out.add(String.valueOf(item)));
    }
    return List.copyOf(out);
  }

  private static List<PatternDefinition.ColumnDoc> columns(Object value) {
    List<PatternDefinition.ColumnDoc> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        Map<?, ?> column = (Map<?, ?>) item;
        out.add(
            new PatternDefinition.ColumnDoc(
                (String) column.get("name"), (String) column.get("type"), (String) column.get("description")));
      }
    }
    return List.copyOf(out);
  }

  private static List<PatternDefinition.Optimization> optimizations(Object value) {
    List<PatternDefinition.Optimization> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        Map<?, ?> optimization = (Map<?, ?>) item;
        out.add(
            new PatternDefinition.Optimization(
                (String) optimization.get("feature"),
                (String) optimization.get("columns"),
                ((String) optimization.get("reason")).strip()));
      }
    }
    return List.copyOf(out);
  }

  private static List<PatternDefinition.ParameterSpec> parameters(Object value) {
    List<PatternDefinition.ParameterSpec> out = new ArrayList<>();
    if (value instanceof List<?> list) {
      for (Object item : list) {
        Map<?, ?> parameter = (Map<?, ?>) item;
        out.add(
            new PatternDefinition.ParameterSpec(
                (String) parameter.get("name"),
                (String) parameter.get("type"),
                Boolean.TRUE.equals(parameter.get("required")),
                ((String) parameter.get("description")).strip(),
                parameter.get("default"),
                strings(parameter.get("values")),
                parameters(parameter.get("fields"))));
      }
    }
    return List.copyOf(out);
  }

  private static List<PatternDefinition.ParameterSpec> loadTableOptions() {
    String resource = "patterns/_shared/table-options.yaml";
    try (InputStream in = PatternLoader.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing from the classpath");
      }
      String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      return parameters(PatternYaml.parse(resource, text).data());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Schema loadSchema() {
    try (InputStream in = PatternLoader.class.getClassLoader().getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
      }
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(in, InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
