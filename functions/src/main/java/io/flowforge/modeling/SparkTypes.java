package io.flowforge.modeling;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Maps source column types (SQL Server, SQLite, Postgres, profile types) to Spark SQL types. */
final class SparkTypes {
  private static final Pattern DECIMAL = Pattern.compile("(?:decimal|numeric|number)\\s*\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+))?\\s*\\)");

  private SparkTypes() {}

  static String of(String sourceType) {
    String type = sourceType == null ? "" : sourceType.trim().toLowerCase(Locale.ROOT);
    Matcher decimal = DECIMAL.matcher(type);
    if (decimal.matches()) {
      int precision = Math.min(38, Integer.parseInt(decimal.group(1)));
      int scale = decimal.group(2) == null ? 0 : Math.min(precision, Integer.parseInt(decimal.group(2)));
      return "DECIMAL(" + precision + "," + scale + ")";
    }
    String base = type.replaceAll("\\(.*", "").trim();
    return switch (base) {
      case "int", "integer", "int4", "mediumint", "smallint", "int2", "tinyint", "year" -> "INT";
      case "bigint", "int8", "long" -> "BIGINT";
      case "bit", "bool", "boolean", "flag", "namestyle" -> "BOOLEAN";
      case "money" -> "DECIMAL(19,4)";
      case "smallmoney" -> "DECIMAL(10,4)";
      case "decimal", "numeric", "number" -> "DECIMAL(38,6)";
      case "float", "real", "double", "double precision", "float8", "float4" -> "DOUBLE";
      case "date" -> "DATE";
      case "datetime", "datetime2", "smalldatetime", "timestamp", "timestamptz", "datetimeoffset",
          "timestamp_ntz" -> "TIMESTAMP";
      default -> "STRING";
    };
  }

  static boolean isNumeric(String sparkType) {
    return sparkType.equals("INT") || sparkType.equals("BIGINT") || sparkType.equals("DOUBLE")
        || sparkType.startsWith("DECIMAL");
  }

  static boolean isTemporal(String sparkType) {
    return sparkType.equals("DATE") || sparkType.equals("TIMESTAMP");
  }
}
