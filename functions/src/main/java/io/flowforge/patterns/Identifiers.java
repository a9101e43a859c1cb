package io.flowforge.patterns;

import io.flowforge.core.FlowForgeException;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Validation and quoting of SQL identifiers. Every table and column name that reaches generated SQL passes
 * through here: names are refused when they hold characters a Delta table cannot store or that could end a
 * quoted identifier, and accepted names are always emitted between backticks, so reserved words and unicode
 * letters are safe.
 */
public final class Identifiers {
  /** Longest name Unity Catalog accepts for a table or column. */
  public static final int MAX_LENGTH = 255;

  // Delta refuses " ,;{}()\n\t=" in column names without column mapping; backticks and quotes would end or
  // confuse a quoted identifier; comment openers and dots are refused so a name is always exactly one part.
  private static final Pattern FORBIDDEN = Pattern.compile("[`\"'\\\\;,{}()=.\\s\\p{Cntrl}]|--|/\\*|\\*/");
  private static final Pattern SAFE_PART = Pattern.compile("[^\\p{L}\\p{N}_]+");

  private Identifiers() {}

  /** Returns {@code name} when it is usable as one identifier; otherwise says which character breaks it. */
  public static String requireValid(String what, String name) {
    if (name == null || name.isBlank()) {
      throw FlowForgeException.invalid(null, what + " is empty; give it a name such as customer_id.");
    }
    if (name.length() > MAX_LENGTH) {
      throw FlowForgeException.invalid(
          null, what + " '" + abbreviate(name) + "' is longer than " + MAX_LENGTH + " characters; shorten it.");
    }
    var matcher = FORBIDDEN.matcher(name);
    if (matcher.find()) {
      throw FlowForgeException.invalid(
          null,
          what
              + " '"
              + abbreviate(name)
              + "' contains "
              + describe(matcher.group())
              + ", which is not allowed in a table or column name; rename it using letters, digits and"
              + " underscores.");
    }
    return name;
  }

  /** {@code `name`}, after validation. */
  public static String quote(String name) {
    return "`" + requireValid("Identifier", name) + "`";
  }

  /** A one- or two-part table name ({@code schema.table}) quoted part by part. */
  public static String quoteTable(String qualified) {
    String[] parts = splitTable(qualified);
    StringBuilder out = new StringBuilder();
    for (String part : parts) {
      if (out.length() > 0) {
        out.append('.');
      }
      out.append(quote(part));
    }
    return out.toString();
  }

  /** Checks a one- or two-part table name and returns its parts. */
  public static String[] splitTable(String qualified) {
    if (qualified == null || qualified.isBlank()) {
      throw FlowForgeException.invalid(null, "Table name is empty; give it as schema.table or table.");
    }
    String[] parts = qualified.split("\\.", -1);
    if (parts.length > 2) {
      throw FlowForgeException.invalid(
          null,
          "Table name '"
              + abbreviate(qualified)
              + "' has more than two parts; give it as schema.table (the catalog is chosen by the workspace).");
    }
    for (String part : parts) {
      requireValid("Table name part", part);
    }
    return parts;
  }

  /**
   * A lower-case snake_case name derived from a source name ({@code ProductCategoryID} becomes {@code
   * product_category_id}); letters of any script are kept, everything else becomes an underscore.
   */
  public static String snake(String name) {
    String normalized = Normalizer.normalize(name, Normalizer.Form.NFC);
    String split =
        normalized
            .replaceAll("([\\p{Ll}\\p{N}])(\\p{Lu})", "$1_$2")
            .replaceAll("(\\p{Lu})(\\p{Lu}\\p{Ll})", "$1_$2");
    String cleaned = SAFE_PART.matcher(split).replaceAll("_").replaceAll("_+", "_");
    cleaned = cleaned.replaceAll("^_|_$", "").toLowerCase(Locale.ROOT);
    if (cleaned.isEmpty()) {
      cleaned = "col";
    }
    if (Character.isDigit(cleaned.charAt(0))) {
      cleaned = "c_" + cleaned;
    }
    return cleaned.length() > 120 ? cleaned.substring(0, 120) : cleaned;
  }

  /** A SQL string literal with quotes and backslashes escaped, for comments and documentation values. */
  public static String literal(String text) {
    if (text == null) {
      return "NULL";
    }
    if (text.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
      throw FlowForgeException.invalid(null, "Text contains control characters; remove them.");
    }
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n") + "'";
  }

  private static String describe(String found) {
    if (found.isBlank()) {
      return "whitespace";
    }
    return "'" + found + "'";
  }

  private static String abbreviate(String name) {
    String visible = name.replaceAll("\\p{Cntrl}", "?");
    return visible.length() > 60 ? visible.substring(0, 60) + "…" : visible;
  }
}
