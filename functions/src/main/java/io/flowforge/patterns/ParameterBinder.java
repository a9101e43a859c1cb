package io.flowforge.patterns;

import io.flowforge.core.FlowForgeException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks render parameters against a pattern's declared parameters and turns them into the template context.
 * Nothing reaches a template unchecked: identifiers are validated, column types come from a closed list,
 * enums from their declared values, dates are ISO dates; unknown and missing parameters are refused.
 */
final class ParameterBinder {
  private static final Pattern COLUMN_TYPE =
      Pattern.compile(
          "STRING|BOOLEAN|TINYINT|SMALLINT|INT|BIGINT|FLOAT|DOUBLE|DATE|TIMESTAMP|TIMESTAMP_NTZ|BINARY"
              + "|DECIMAL\\((\\d{1,2}),\\s*(\\d{1,2})\\)");
  private static final int MAX_LIST = 2_000;
  private static final int MAX_TEXT = 4_000;

  private ParameterBinder() {}

  static Map<String, Object> bind(PatternDefinition pattern, Map<String, ?> raw) {
    return bindObject(pattern.parameters(), raw == null ? Map.of() : raw, "", pattern.id());
  }

  private static Map<String, Object> bindObject(
      List<PatternDefinition.ParameterSpec> specs, Map<?, ?> raw, String prefix, String patternId) {
    Map<String, Object> bound = new LinkedHashMap<>();
    for (Object key : raw.keySet()) {
      if (specs.stream().noneMatch(spec -> spec.name().equals(key))) {
        throw FlowForgeException.invalid(
            "/" + prefix + key,
            "Pattern "
                + patternId
                + " has no parameter '"
                + prefix
                + key
                + "'"
                + suggestion(String.valueOf(key), specs)
                + "; its parameters are "
                + specs.stream().map(PatternDefinition.ParameterSpec::name).toList()
                + ".");
      }
    }
    for (PatternDefinition.ParameterSpec spec : specs) {
      Object value = raw.containsKey(spec.name()) ? raw.get(spec.name()) : spec.defaultValue();
      String path = prefix + spec.name();
      if (value == null) {
        if (spec.required()) {
          throw FlowForgeException.invalid(
              "/" + path,
              "Pattern " + patternId + " needs parameter '" + path + "': " + spec.description());
        }
        bound.put(spec.name(), emptyOf(spec.type()));
        continue;
      }
      bound.put(spec.name(), bindValue(spec, value, path, patternId));
    }
    return bound;
  }

  private static Object emptyOf(String type) {
    return switch (type) {
      case "identifier_list", "column_list", "object_list" -> List.of();
      case "boolean" -> false;
      default -> null;
    };
  }

  private static Object bindValue(PatternDefinition.ParameterSpec spec, Object value, String path, String id) {
    String what = "Parameter '" + path + "' of " + id;
    return switch (spec.type()) {
      case "identifier" -> Identifiers.requireValid(what, text(value, what));
      case "table" -> {
        String table = text(value, what);
        Identifiers.splitTable(table);
        yield table;
      }
      case "identifier_list" -> {
        List<String> names = new ArrayList<>();
        for (Object item : list(value, what)) {
          names.add(Identifiers.requireValid(what, text(item, what)));
        }
        yield List.copyOf(names);
      }
      case "column_list" -> {
        List<Map<String, Object>> columns = new ArrayList<>();
        for (Object item : list(value, what)) {
          columns.add(column(item, what));
        }
        yield List.copyOf(columns);
      }
      case "text" -> {
        String text = text(value, what);
        if (text.length() > MAX_TEXT || text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
          throw FlowForgeException.invalid(
              "/" + path, what + " must be at most " + MAX_TEXT + " characters without control characters.");
        }
        yield text;
      }
      case "integer" -> {
        if (!(value instanceof Number number) || number.doubleValue() != Math.rint(number.doubleValue())) {
          throw FlowForgeException.invalid("/" + path, what + " must be a whole number, not '" + value + "'.");
        }
        yield number.longValue();
      }
      case "boolean" -> {
        if (!(value instanceof Boolean flag)) {
          throw FlowForgeException.invalid("/" + path, what + " must be true or false, not '" + value + "'.");
        }
        yield flag;
      }
      case "enum" -> {
        String choice = text(value, what);
        if (!spec.values().contains(choice)) {
          throw FlowForgeException.invalid(
              "/" + path, what + " must be one of " + spec.values() + ", not '" + choice + "'.");
        }
        yield choice;
      }
      case "date" -> {
        // YAML reads an unquoted 2024-01-31 as a timestamp at midnight UTC.
        String date =
            value instanceof java.util.Date instant
                ? instant.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString()
                : text(value, what);
        try {
          yield LocalDate.parse(date).toString();
        } catch (DateTimeParseException e) {
          throw FlowForgeException.invalid("/" + path, what + " must be an ISO date such as 2024-01-31.");
        }
      }
      case "object_list" -> {
        List<Map<String, Object>> objects = new ArrayList<>();
        List<?> items = list(value, what);
        for (int i = 0; i < items.size(); i++) {
          if (!(items.get(i) instanceof Map<?, ?> map)) {
            throw FlowForgeException.invalid("/" + path + "/" + i, what + " must list objects.");
          }
          objects.add(bindObject(spec.fields(), map, path + "[" + i + "].", id));
        }
        yield List.copyOf(objects);
      }
      default -> throw new IllegalStateException("unknown parameter type " + spec.type());
    };
  }

  private static Map<String, Object> column(Object item, String what) {
    if (item instanceof String name) {
      item = Map.of("name", name);
    }
    if (!(item instanceof Map<?, ?> map)) {
      throw FlowForgeException.invalid(null, what + " must list columns as {name, type, source}.");
    }
    for (Object key : map.keySet()) {
      if (!List.of("name", "type", "source", "description").contains(key)) {
        throw FlowForgeException.invalid(
            null, what + ": a column has unknown field '" + key + "'; use name, type, source, description.");
      }
    }
    String name = Identifiers.requireValid(what + " column", text(map.get("name"), what + " column name"));
    Object rawType = map.get("type");
    String type = rawType == null ? "STRING" : text(rawType, what).trim().toUpperCase(Locale.ROOT);
    var matcher = COLUMN_TYPE.matcher(type);
    if (!matcher.matches()) {
      throw FlowForgeException.invalid(
          null,
          what
              + ": column '"
              + name
              + "' has type '"
              + type
              + "'; use a Spark SQL type such as STRING, BIGINT, DECIMAL(18,2), DATE or TIMESTAMP.");
    }
    if (matcher.group(1) != null) {
      int precision = Integer.parseInt(matcher.group(1));
      int scale = Integer.parseInt(matcher.group(2));
      if (precision < 1 || precision > 38 || scale > precision) {
        throw FlowForgeException.invalid(null, what + ": column '" + name + "' has an impossible " + type + ".");
      }
      type = "DECIMAL(" + precision + "," + scale + ")";
    }
    Object rawSource = map.get("source");
    String source =
        rawSource == null ? name : Identifiers.requireValid(what + " source column", text(rawSource, what));
    Object rawDescription = map.get("description");
    String description = rawDescription == null ? "" : text(rawDescription, what);
    Map<String, Object> column = new LinkedHashMap<>();
    column.put("name", name);
    column.put("type", type);
    column.put("source", source);
    column.put("description", description);
    return column;
  }

  private static String text(Object value, String what) {
    if (value instanceof String || value instanceof Number || value instanceof Boolean) {
      return String.valueOf(value);
    }
    throw FlowForgeException.invalid(null, what + " must be a single value, not " + describe(value) + ".");
  }

  private static List<?> list(Object value, String what) {
    if (!(value instanceof List<?> items)) {
      throw FlowForgeException.invalid(null, what + " must be a list, not " + describe(value) + ".");
    }
    if (items.size() > MAX_LIST) {
      throw FlowForgeException.invalid(null, what + " lists more than " + MAX_LIST + " items; split the model.");
    }
    return items;
  }

  private static String describe(Object value) {
    return value instanceof Map ? "a mapping" : value instanceof List ? "a list" : "'" + value + "'";
  }

  private static String suggestion(String key, List<PatternDefinition.ParameterSpec> specs) {
    String best = null;
    int bestDistance = 3;
    for (PatternDefinition.ParameterSpec spec : specs) {
      int distance = distance(key, spec.name());
      if (distance < bestDistance) {
        best = spec.name();
        bestDistance = distance;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
