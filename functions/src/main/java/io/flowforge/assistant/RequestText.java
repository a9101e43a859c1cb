package io.flowforge.assistant;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A user's message as the offline architect reads it: its words, and keyword tests that tolerate one typo
 * in longer words ("dimenson", "reccomend").
 */
final class RequestText {
  /** Grammar words: never part of a table or column name. */
  private static final Set<String> GRAMMAR =
      Set.of(
          "a", "an", "the", "and", "or", "with", "for", "from", "of", "on", "in", "to", "into", "based",
          "using", "use", "me", "my", "i", "we", "our", "you", "it", "its", "this", "that", "these", "those",
          "please", "can", "could", "would", "should", "will", "want", "need", "like", "is", "are", "be", "do",
          "does", "just", "only", "then", "now", "there", "their", "them", "about", "at", "by", "as", "get",
          "some", "also", "more", "new", "all", "every", "each", "per", "row", "rows", "one", "two", "three",
          "zero", "instead", "let", "lets", "s", "what", "which", "how", "why", "so", "both", "too", "same",
          "again", "any", "other", "out", "rid", "up", "but", "not", "no", "yes", "ok", "okay", "thanks");

  /** Request keywords: never part of a name either, and matched with typos. */
  private static final Set<String> KEYWORDS =
      Set.of(
          "create", "build", "make", "generate", "design", "give", "show", "recommend", "suggest",
          "model", "models", "table", "tables", "dimension", "dimensions", "dim", "fact", "facts", "star",
          "schema", "data", "vault", "datavault", "scd", "type", "slowly", "changing", "hub", "hubs", "link",
          "links", "satellite", "satellites", "pattern", "patterns", "attribute", "attributes", "column",
          "columns", "field", "fields", "add", "remove", "drop", "exclude", "include", "delete", "deployment",
          "deploy", "script", "scripts", "ddl", "sql", "etl", "dml", "explain", "optimized", "optimize",
          "optimise", "optimised", "databricks", "load", "loads", "loading", "grain", "analyze", "analyse",
          "describe", "profile", "key", "keys", "clustering", "partitioning", "partition", "delta", "feature",
          "features", "performance", "template", "templates", "yaml", "streaming", "real", "realtime",
          "time", "volume", "high", "history", "historical", "tracking", "changes", "change", "switch",
          "convert", "turn", "approach", "best", "help", "capabilities", "relationship", "relationships",
          "related", "without", "take", "reason", "rationale", "choose", "chose", "chosen", "choice", "merge",
          "pipeline", "pipelines", "tests", "kimball", "inmon", "dimensional", "modeling", "modelling",
          "optimization", "optimizations", "metadata", "liquid", "estimate", "estimated", "fast", "faster",
          "speed", "quick", "quickly", "slow", "query", "queries", "scan", "scanned", "skipping", "files",
          "bytes", "partitioned", "clustered", "cluster", "filter", "filtered", "filtering", "where");

  private static final Pattern SCD_TYPE =
      Pattern.compile("\\b(?:scd|type)\\s*-?\\s*(0|1|2|3|zero|one|two|three|i{1,3})\\b");
  private static final Pattern GRAIN =
      Pattern.compile("\\b(one row per [a-z0-9 _]+|grain (?:of|is|at) [a-z0-9 _]+|(?:at|by) (?:the )?([a-z0-9_]+ )?[a-z0-9_]+ grain)");

  private static final Pattern ROW_COUNT =
      Pattern.compile("\\b(\\d+(?:[.,]\\d+)*)\\s*(thousand|million|billion|trillion|k|m|bn|b)?\\s+rows\\b");

  private final String original;
  private final String lower;
  private final List<String> words;
  private final Set<String> wordSet;
  // Planning asks about the same words many times; typo checks are the costly part, so remember them.
  private final Map<String, Boolean> typoCache = new HashMap<>();

  RequestText(String message) {
    this.original = message == null ? "" : message.strip();
    this.lower = original.toLowerCase(Locale.ROOT);
    this.words = NameMatcher.words(original);
    this.wordSet = new HashSet<>(words);
  }

  String original() {
    return original;
  }

  List<String> words() {
    return words;
  }

  boolean isBlank() {
    return words.isEmpty();
  }

  /** True for a word that can never be part of a name. */
  boolean isNotAName(String word) {
    return GRAMMAR.contains(word)
        || KEYWORDS.contains(word)
        || word.matches("\\d+")
        || typoCache.computeIfAbsent(word, RequestText::isTypoOfKeyword);
  }

  /** True when any word is one of {@code keywords}, allowing a typo in words of five letters or more. */
  boolean has(String... keywords) {
    for (String keyword : keywords) {
      if (wordSet.contains(keyword)) {
        return true;
      }
    }
    for (String word : words) {
      for (String keyword : keywords) {
        if (typoCache.computeIfAbsent(word + ' ' + keyword, k -> sameWord(word, keyword))) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when the text contains one of the phrases, as written (lower case, single spaces). */
  boolean hasPhrase(String... phrases) {
    String spaced = " " + String.join(" ", words) + " ";
    for (String phrase : phrases) {
      if (spaced.contains(" " + phrase + " ")) {
        return true;
      }
    }
    return false;
  }

  /** The SCD type the text names ("type 1", "scd2", "type-two"), or null. */
  Integer scdType() {
    Matcher m = SCD_TYPE.matcher(String.join(" ", words).replaceAll("\\b(scd|type)(\\d)\\b", "$1 $2"));
    if (!m.find()) {
      return null;
    }
    return switch (m.group(1)) {
      case "0", "zero" -> 0;
      case "1", "one", "i" -> 1;
      case "2", "two", "ii" -> 2;
      default -> 3;
    };
  }

  /** The grain a fact request states ("one row per order line"), or null. */
  String grain() {
    Matcher m = GRAIN.matcher(lower);
    return m.find() ? m.group(1).strip() : null;
  }

  /** A row count the text states ("at 2 billion rows", "500,000 rows"), or null. */
  Long rowCount() {
    Matcher m = ROW_COUNT.matcher(lower);
    if (!m.find()) {
      return null;
    }
    String digits = m.group(1).replace(",", "");
    long scale = m.group(2) == null ? 1 : switch (m.group(2)) {
      case "thousand", "k" -> 1_000L;
      case "million", "m" -> 1_000_000L;
      case "billion", "bn", "b" -> 1_000_000_000L;
      default -> 1_000_000_000_000L;
    };
    try {
      double rows = Double.parseDouble(digits) * scale;
      return rows >= 1 && rows <= 1e13 ? (long) rows : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean isTypoOfKeyword(String word) {
    if (word.length() < 5) {
      return false;
    }
    for (String keyword : KEYWORDS) {
      if (keyword.length() >= 5 && sameWord(word, keyword)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sameWord(String word, String keyword) {
    if (word.equals(keyword)) {
      return true;
    }
    if (keyword.length() < 5 || Math.abs(word.length() - keyword.length()) > 2) {
      return false;
    }
    int allowed = keyword.length() >= 9 ? 2 : 1;
    return NameMatcher.distance(word, keyword) <= allowed;
  }
}
