package io.flowforge.quality;

import io.flowforge.profiling.CandidateKey;
import io.flowforge.profiling.ColumnProfile;
import io.flowforge.profiling.KeyFinder;
import io.flowforge.profiling.PiiClass;
import io.flowforge.profiling.Relationship;
import io.flowforge.profiling.TableProfile;
import io.flowforge.profiling.ValueClassifier;
import io.flowforge.profiling.ValueCount;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Derives quality rules from a table profile: each rule cites the measurement it rests on. */
public final class RuleGenerator {
  /** A column with at most this many distinct values (and enough rows per value) gets an allowed-values rule. */
  static final int MAX_ALLOWED_VALUES = 10;
  /** A pattern rule needs its shape to cover this share of the sample. */
  static final double PATTERN_SHARE = 0.99;

  private RuleGenerator() {}

  /**
   * Generates rules for one table.
   *
   * @param table the profile
   * @param key the primary key chosen for the table (may be empty)
   * @param watermark the column driving freshness, or null
   * @param relationships foreign keys leaving this table
   */
  public static List<QualityRule> generate(TableProfile table, List<String> key, String watermark, List<Relationship> relationships) {
    List<QualityRule> rules = new ArrayList<>();
    long rows = table.rowCount();
    if (rows == 0) {
      return rules;
    }
    if (!key.isEmpty()) {
      CandidateKey candidate = table.candidateKeys().stream().filter(k -> k.columns().equals(key)).findFirst().orElse(null);
      String evidence = candidate == null ? "chosen primary key"
          : String.format(Locale.ROOT, "%.1f %% distinct over %d rows%s", candidate.distinctRatio() * 100, rows,
              candidate.strict() ? "" : " (unique after deduplication)");
      rules.add(new QualityRule(id(key, "unique"), "UNIQUE", key, Map.of(), "ERROR", 0.99, evidence));
    }
    for (ColumnProfile column : table.columns()) {
      boolean identifier = KeyFinder.nameBonus(table.name(), column.name()) > 0;
      if (column.nullCount() == 0 && column.emptyCount() == 0) {
        boolean important = key.contains(column.name()) || identifier || column.name().equals(watermark);
        rules.add(new QualityRule(id(List.of(column.name()), "not_null"), "NOT_NULL", List.of(column.name()), Map.of(),
            important ? "ERROR" : "WARN", important ? 0.98 : 0.85,
            "never null in " + rows + " rows" + (identifier ? "; named like an identifier" : "")));
      }
      if (column.numeric() && !identifier && !key.contains(column.name()) && column.min() != null && column.format() == null) {
        rules.add(range(column, rows));
      }
      if (column.inferredType().equals("STRING") && column.distinct().value() <= MAX_ALLOWED_VALUES
          && column.distinct().value() > 0 && rows >= 20L * column.distinct().value() && column.topValues().size() >= column.distinct().value()) {
        List<String> values = column.topValues().stream().map(ValueCount::value).sorted().toList();
        rules.add(new QualityRule(id(List.of(column.name()), "allowed_values"), "ALLOWED_VALUES", List.of(column.name()),
            Map.of("values", values), "WARN", 0.85,
            column.distinct().value() + " distinct values over " + rows + " rows: " + values));
      }
      QualityRule pattern = pattern(column, table.sampleSize());
      if (pattern != null) {
        rules.add(pattern);
      }
    }
    for (Relationship r : relationships) {
      if (r.fromTable().equals(table.name())) {
        rules.add(new QualityRule(id(List.of(r.fromColumn()), "references_" + KeyFinder.normalize(r.toTable())), "REFERENTIAL",
            List.of(r.fromColumn()), Map.of("table", r.toTable(), "column", r.toColumn()), "WARN", r.confidence(),
            String.join("; ", r.reasons())));
      }
    }
    // Freshness compares the newest value with the clock, which only a typed date or timestamp column can do;
    // an increasing integer watermark (a sequence) has no age.
    if (watermark != null && isTypedTime(table.column(watermark))) {
      rules.add(new QualityRule(id(List.of(watermark), "freshness"), "FRESHNESS", List.of(watermark), Map.of("maxAgeDays", 2),
          "WARN", 0.7, "'" + watermark + "' is the load watermark; newest value seen " + table.column(watermark).max()
              + ". Two days covers a daily feed with one late run."));
    }
    return rules;
  }

  private static boolean isTypedTime(ColumnProfile column) {
    String family = ValueClassifier.engineFamily(column.engineType());
    return family.equals("DATE") || family.equals("TIMESTAMP");
  }

  private static QualityRule range(ColumnProfile column, long rows) {
    BigDecimal min = new BigDecimal(column.min());
    BigDecimal max = new BigDecimal(column.max());
    // Bounds widened to a round magnitude so normal growth does not trip the rule; a negative minimum is kept.
    BigDecimal lower = min.signum() >= 0 ? BigDecimal.ZERO : roundMagnitude(min.negate()).negate();
    BigDecimal upper = max.signum() <= 0 ? BigDecimal.ZERO : roundMagnitude(max);
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("min", lower);
    params.put("max", upper);
    return new QualityRule(id(List.of(column.name()), "range"), "RANGE", List.of(column.name()), params, "WARN", 0.9,
        String.format(Locale.ROOT, "observed min %s, max %s, p99 %s over %d rows", column.min(), column.max(),
            column.quantiles().getOrDefault("p99", "?"), rows));
  }

  /** The next power of ten at or above the value (9,876 → 10,000). */
  static BigDecimal roundMagnitude(BigDecimal value) {
    if (value.signum() == 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal magnitude = BigDecimal.ONE;
    while (magnitude.compareTo(value) < 0) {
      magnitude = magnitude.multiply(BigDecimal.TEN);
    }
    return magnitude;
  }

  private static QualityRule pattern(ColumnProfile column, int sampleSize) {
    if (!column.inferredType().equals("STRING") || column.shapes().isEmpty() || sampleSize == 0) {
      return null;
    }
    if (column.pii() == PiiClass.EMAIL) {
      return new QualityRule(id(List.of(column.name()), "pattern"), "PATTERN", List.of(column.name()),
          Map.of("regex", "^[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}$"), "WARN", 0.9,
          String.format(Locale.ROOT, "%.0f %% of sampled values are e-mail addresses", column.piiShare() * 100));
    }
    ValueCount top = column.shapes().get(0);
    long sampled = column.shapes().stream().mapToLong(ValueCount::count).sum();
    boolean varied = top.value().chars().anyMatch(ch -> ch != 'A') && top.value().length() >= 3 && !top.value().endsWith("…");
    if (!varied || (double) top.count() / sampled < PATTERN_SHARE || column.distinct().value() <= MAX_ALLOWED_VALUES) {
      return null;
    }
    return new QualityRule(id(List.of(column.name()), "pattern"), "PATTERN", List.of(column.name()),
        Map.of("regex", regex(top.value())), "WARN", 0.8,
        String.format(Locale.ROOT, "shape %s covers %d of %d sampled values", top.value(), top.count(), sampled));
  }

  /** Turns a shape ({@code AAA-9999}) into an anchored regular expression. */
  static String regex(String shape) {
    StringBuilder regex = new StringBuilder("^");
    for (char c : shape.toCharArray()) {
      if (c == 'A') {
        regex.append("[A-Za-z]");
      } else if (c == '9') {
        regex.append("[0-9]");
      } else if (Character.isLetterOrDigit(c) || c == ' ') {
        regex.append(c);
      } else {
        regex.append('\\').append(c);
      }
    }
    return regex.append('$').toString();
  }

  private static String id(List<String> columns, String suffix) {
    return String.join("_", columns.stream().map(c -> c.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_")).toList()) + "_" + suffix;
  }
}
