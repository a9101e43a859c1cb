package io.flowforge.suggest;

import io.flowforge.profiling.CandidateKey;
import io.flowforge.profiling.ColumnProfile;
import io.flowforge.profiling.KeyFinder;
import io.flowforge.profiling.Relationship;
import io.flowforge.profiling.TableProfile;
import io.flowforge.quality.QualityRule;
import io.flowforge.quality.RuleGenerator;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Suggests Bronze, Silver and Gold configuration from a table profile alone, so suggestions are instant once a
 * dataset is profiled. Every suggestion cites the measurement it rests on and lists the alternatives weighed.
 */
public final class Suggester {
  /** Databricks recommends partitioning only tables above about 1 TB; below it, liquid clustering. */
  static final double PARTITION_MIN_BYTES = 1e12;
  /** Databricks guidance: each partition should hold at least about 1 GB. */
  static final double MIN_PARTITION_BYTES = 1e9;
  private static final Pattern TIME_NAME = Pattern.compile(".*(date|time|_at|_ts|timestamp|updated|modified|created|loaded).*");
  private static final Pattern UPDATE_NAME = Pattern.compile(".*(updated|modified|changed|version|seq).*");

  private Suggester() {}

  public static LayerSuggestions suggest(TableProfile table, Layer layer, List<Relationship> relationships) {
    return switch (layer) {
      case BRONZE -> new LayerSuggestions(table.name(), "bronze", table.rowCount(), table.sampleSize(), bronze(table), List.of());
      case SILVER -> silver(table, relationships);
      case GOLD -> new LayerSuggestions(table.name(), "gold", table.rowCount(), table.sampleSize(), gold(table), List.of());
    };
  }

  // ---- Bronze

  static List<Suggestion> bronze(TableProfile table) {
    List<Suggestion> suggestions = new ArrayList<>();
    suggestions.add(incremental(table));
    suggestions.add(layout(table));
    suggestions.add(schemaEvolution(table));
    return suggestions;
  }

  private record Watermark(ColumnProfile column, double score, String reasoning) {}

  /** Columns that can drive incremental loads, best first. */
  static List<Watermark> watermarks(TableProfile table) {
    List<Watermark> candidates = new ArrayList<>();
    for (ColumnProfile column : table.columns()) {
      boolean ordered = column.ordering().increasingShare() >= 0.95;
      if (!column.temporal() && !(column.inferredType().equals("INTEGER") && ordered)) {
        continue;
      }
      double score = column.temporal() ? 0.55 : 0.4;
      List<String> evidence = new ArrayList<>();
      evidence.add(column.temporal() ? column.inferredType().toLowerCase(Locale.ROOT) + " column" : "integer column");
      if (ordered) {
        score += 0.3;
        evidence.add(String.format(Locale.ROOT, "%s in file order (%.1f %% of %d steps do not go back)",
            column.ordering().pattern().toLowerCase(Locale.ROOT).replace('_', ' '), column.ordering().increasingShare() * 100, column.ordering().checkedRows()));
      }
      if (TIME_NAME.matcher(column.name().toLowerCase(Locale.ROOT)).matches()) {
        score += 0.1;
        evidence.add("named like a time");
      }
      if (column.nullCount() > 0) {
        score -= 0.3 * column.nullRatio() + 0.1;
        evidence.add(String.format(Locale.ROOT, "%.1f %% nulls", column.nullRatio() * 100));
      } else {
        evidence.add("never null");
      }
      double distinctRatio = table.rowCount() == 0 ? 0 : (double) column.distinct().value() / table.rowCount();
      if (distinctRatio < 0.01) {
        score -= 0.2;
        evidence.add("few distinct values");
      }
      if (column.format() != null && !column.temporal()) {
        score -= 0.05;
      }
      candidates.add(new Watermark(column, Math.min(0.97, score), String.join(", ", evidence)));
    }
    candidates.sort(Comparator.comparingDouble(Watermark::score).reversed());
    return candidates;
  }

  private static Suggestion incremental(TableProfile table) {
    List<Watermark> candidates = watermarks(table);
    if (candidates.isEmpty() || candidates.get(0).score < 0.5) {
      return new Suggestion("incremental_load", Map.of("enabled", false), 0.75,
          "No date, timestamp or steadily increasing column was found, so there is no safe watermark; reload in full.",
          candidates.stream().limit(2).map(w -> alternative(Map.of("enabled", true, "watermark_column", w.column.name()), w.score, w.reasoning)).toList());
    }
    Watermark best = candidates.get(0);
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("enabled", true);
    value.put("watermark_column", best.column.name());
    value.put("watermark_type", best.column.inferredType());
    if (best.column.format() != null) {
      value.put("watermark_format", best.column.format());
    }
    return new Suggestion("incremental_load", value, Confidence.round(best.score),
        "'" + best.column.name() + "' is a " + best.reasoning + "; loading rows above the last watermark avoids rereading the table.",
        candidates.stream().skip(1).limit(2)
            .map(w -> alternative(Map.of("enabled", true, "watermark_column", w.column.name()), Confidence.round(w.score), w.reasoning))
            .toList());
  }

  /** Estimated bytes: rows times the average text length of each column (a stand-in for the stored size). */
  static double estimatedBytes(TableProfile table) {
    double rowBytes = table.columns().stream().mapToDouble(c -> c.length().avg() == null ? 0 : c.length().avg()).sum();
    return rowBytes * table.rowCount();
  }

  private static Suggestion layout(TableProfile table) {
    double bytes = estimatedBytes(table);
    List<Watermark> watermarks = watermarks(table);
    List<String> clusterBy = new ArrayList<>();
    if (!watermarks.isEmpty() && watermarks.get(0).score >= 0.5) {
      clusterBy.add(watermarks.get(0).column.name());
    }
    table.primaryKey().filter(k -> k.columns().size() == 1).ifPresent(k -> {
      if (!clusterBy.contains(k.columns().get(0)) && clusterBy.size() < 2) {
        clusterBy.add(k.columns().get(0));
      }
    });
    String size = humanBytes(bytes);
    if (bytes < PARTITION_MIN_BYTES) {
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("strategy", "LIQUID_CLUSTERING");
      value.put("partition_by", List.of());
      value.put("cluster_by", clusterBy);
      List<Suggestion.Alternative> alternatives = new ArrayList<>();
      if (!clusterBy.isEmpty() && table.column(clusterBy.get(0)).temporal()) {
        alternatives.add(alternative(Map.of("strategy", "DATE", "partition_by", List.of(clusterBy.get(0))), 0.2,
            "date partitions would each hold far less than the ~1 GB Databricks recommends at about " + size));
      }
      alternatives.add(alternative(Map.of("strategy", "NONE"), 0.5, "a table this small reads fast without any layout"));
      return new Suggestion("layout", value, 0.9,
          "Estimated size " + size + " is far below the ~1 TB where Databricks recommends partitioning; liquid clustering"
              + (clusterBy.isEmpty() ? "" : " on " + clusterBy) + " gives data skipping without small files and can change later.",
          alternatives);
    }
    ColumnProfile date = watermarks.isEmpty() ? null : watermarks.get(0).column;
    if (date != null && date.temporal() && bytes / Math.max(1, days(date)) >= MIN_PARTITION_BYTES) {
      return new Suggestion("layout", Map.of("strategy", "DATE", "partition_by", List.of(date.name()), "cluster_by", List.of()), 0.7,
          "Estimated size " + size + " is above 1 TB and each day holds over 1 GB, so date partitions stay large enough.",
          List.of(alternative(Map.of("strategy", "LIQUID_CLUSTERING", "cluster_by", clusterBy), 0.65, "Databricks' default recommendation for new tables")));
    }
    return new Suggestion("layout", Map.of("strategy", "LIQUID_CLUSTERING", "partition_by", List.of(), "cluster_by", clusterBy), 0.8,
        "Estimated size " + size + " is large, but no low-cardinality date gives partitions of at least 1 GB; liquid clustering avoids skewed, tiny partitions.",
        List.of());
  }

  private static long days(ColumnProfile date) {
    try {
      LocalDate min = LocalDate.parse(date.min().substring(0, 10));
      LocalDate max = LocalDate.parse(date.max().substring(0, 10));
      return Math.max(1, ChronoUnit.DAYS.between(min, max) + 1);
    } catch (RuntimeException e) {
      return 1;
    }
  }

  private static Suggestion schemaEvolution(TableProfile table) {
    boolean json = table.format() == io.flowforge.profiling.SourceFormat.JSON_LINES;
    String mode = json ? "rescue" : "addNewColumns";
    return new Suggestion("schema_evolution", Map.of("enabled", true, "mode", mode), json ? 0.85 : 0.8,
        json ? "JSON sources drift field by field; rescue mode keeps unexpected fields in _rescued_data instead of failing the load."
            : table.format().name().toLowerCase(Locale.ROOT) + " sources gain columns over time; adding new columns keeps Bronze a faithful copy.",
        List.of(alternative(Map.of("enabled", false, "mode", "failOnNewColumns"), 0.2, "strict: fail the load when the source changes")));
  }

  // ---- Silver

  private static LayerSuggestions silver(TableProfile table, List<Relationship> relationships) {
    List<Suggestion> suggestions = new ArrayList<>();
    List<String> key = List.of();
    if (table.primaryKey().isPresent()) {
      CandidateKey best = table.primaryKey().get();
      key = best.columns();
      Map<String, Object> value = new LinkedHashMap<>();
      value.put("columns", key);
      value.put("uniqueness", best.distinctRatio());
      suggestions.add(new Suggestion("primary_key", value, Confidence.primaryKey(table.candidateKeys()),
          key + ": " + String.join("; ", best.reasons()) + ".",
          table.candidateKeys().stream().skip(1).limit(2)
              .map(k -> alternative(Map.of("columns", k.columns()), k.score(), String.join("; ", k.reasons()))).toList()));
    } else {
      suggestions.add(new Suggestion("primary_key", Map.of("columns", List.of()), 0.6,
          "No column set of up to three columns is unique; add a surrogate key in Silver.", List.of()));
    }
    suggestions.add(dedup(table, key));
    String watermark = watermarks(table).stream().filter(w -> w.score >= 0.5).findFirst().map(w -> w.column.name()).orElse(null);
    List<QualityRule> rules = RuleGenerator.generate(table, key, watermark, relationships);
    long errors = rules.stream().filter(r -> r.severity().equals("ERROR")).count();
    suggestions.add(new Suggestion("quality_rules", Map.of("count", rules.size(), "high_priority", errors,
        "preview", rules.stream().limit(5).map(QualityRule::id).toList()), 0.85,
        rules.size() + " rules from the profile, " + errors + " of them errors (keys and identifiers).", List.of()));
    return new LayerSuggestions(table.name(), "silver", table.rowCount(), table.sampleSize(), suggestions, rules);
  }

  private static Suggestion dedup(TableProfile table, List<String> key) {
    String sequence = sequenceColumn(table, key);
    CandidateKey best = table.primaryKey().orElse(null);
    long exact = table.exactDuplicateRows();
    long versioned = best == null ? 0 : best.versionedKeys();
    Map<String, Object> value = new LinkedHashMap<>();
    value.put("enabled", true);
    value.put("keys", key);
    value.put("keep", "latest");
    value.put("sort_by", sequence == null ? List.of() : List.of(sequence + " DESC"));
    value.put("exact_duplicate_rows", exact);
    value.put("late_update_keys", versioned);
    if (exact > 0 || versioned > 0) {
      return new Suggestion("deduplication", value, sequence == null ? 0.8 : 0.94,
          String.format(Locale.ROOT, "%d exact duplicate rows and %d keys with several versions (late updates) were measured; keep the latest%s.",
              exact, versioned, sequence == null ? " row per key" : " by " + sequence),
          List.of(alternative(Map.of("enabled", true, "keep", "first"), 0.3, "keeps the original version, losing corrections")));
    }
    return new Suggestion("deduplication", value, sequence == null ? 0.6 : 0.7,
        "No duplicates in this load" + (key.isEmpty() ? "" : " of " + key) + ", but re-delivered files are common; deduplicating by key"
            + (sequence == null ? "" : " keeping the latest " + sequence) + " makes reloads idempotent.",
        List.of(alternative(Map.of("enabled", false), 0.4, "no duplicates measured in this load")));
  }

  /** The column that orders versions of a row: an update-named or the best time column outside the key. */
  static String sequenceColumn(TableProfile table, List<String> key) {
    for (ColumnProfile column : table.columns()) {
      if (!key.contains(column.name()) && column.temporal() && UPDATE_NAME.matcher(column.name().toLowerCase(Locale.ROOT)).matches()) {
        return column.name();
      }
    }
    return watermarks(table).stream().map(w -> w.column.name()).filter(n -> !key.contains(n)).findFirst().orElse(null);
  }

  // ---- Gold

  static List<Suggestion> gold(TableProfile table) {
    List<Suggestion> suggestions = new ArrayList<>();
    ColumnProfile date = table.columns().stream().filter(ColumnProfile::temporal)
        .max(Comparator.comparingDouble(c -> watermarks(table).stream().filter(w -> w.column == c).mapToDouble(Watermark::score).findFirst().orElse(0))).orElse(null);
    List<String> key = table.primaryKey().map(CandidateKey::columns).orElse(List.of());
    String entity = entityName(table.name());
    String level = "NONE";
    String why;
    if (date == null) {
      why = "No date or timestamp column, so there is no time grain; keep the Silver grain.";
    } else {
      long days = days(date);
      double rowsPerDay = (double) table.rowCount() / days;
      level = days > 2 * 365 && rowsPerDay < 5 ? "MONTHLY" : "DAILY";
      why = String.format(Locale.ROOT, "'%s' spans %d days with %.1f rows per day; %s totals give a stable time series.",
          date.name(), days, rowsPerDay, level.toLowerCase(Locale.ROOT));
    }
    String prefix = level.equals("MONTHLY") ? "monthly_" : level.equals("DAILY") ? "daily_" : "";
    List<Map<String, Object>> metrics = new ArrayList<>();
    metrics.add(metric(prefix + entity + "_count", "COUNT(*)"));
    for (ColumnProfile column : table.columns()) {
      if (measure(table, column, key)) {
        metrics.add(metric(prefix + snake(column.name()) + "_sum", "SUM(" + column.name() + ")"));
        metrics.add(metric(prefix + snake(column.name()) + "_avg", "AVG(" + column.name() + ")"));
      } else if (!key.contains(column.name()) && KeyFinder.nameBonus(table.name(), column.name()) > 0
          && column.distinct().value() > 1 && !column.temporal()) {
        metrics.add(metric(prefix + "distinct_" + snake(column.name()), "COUNT(DISTINCT " + column.name() + ")"));
      }
    }
    Map<String, Object> aggregation = new LinkedHashMap<>();
    aggregation.put("level", level);
    aggregation.put("grain", date == null ? key : List.of(date.name()));
    aggregation.put("time_column", date == null ? null : date.name());
    aggregation.put("metrics", metrics);
    suggestions.add(new Suggestion("aggregation", aggregation, date == null ? 0.6 : 0.87, why,
        date == null ? List.of() : List.of(alternative(Map.of("level", level.equals("DAILY") ? "MONTHLY" : "DAILY"), 0.5,
            "coarser or finer grain if dashboards need it"))));
    List<String> cluster = new ArrayList<>();
    if (date != null) {
      cluster.add(date.name());
    }
    table.columns().stream()
        .filter(c -> !key.contains(c.name()) && KeyFinder.nameBonus(table.name(), c.name()) > 0 && c.distinct().value() > 1 && !c.temporal())
        .max(Comparator.comparingLong(c -> c.distinct().value()))
        .ifPresent(c -> cluster.add(c.name()));
    suggestions.add(new Suggestion("clustering", Map.of("cluster_by", cluster), cluster.isEmpty() ? 0.5 : 0.82,
        cluster.isEmpty() ? "No time or entity column to filter on." : "Gold queries filter by time and by entity: " + cluster + " (liquid clustering keys).",
        List.of()));
    boolean appendOnly = date != null && date.ordering().increasingShare() >= 0.95;
    suggestions.add(new Suggestion("materialization", Map.of("refresh", appendOnly ? "INCREMENTAL" : "FULL_REFRESH"), appendOnly ? 0.9 : 0.75,
        appendOnly ? String.format(Locale.ROOT, "'%s' grows in file order (%.1f %% of steps), so only new periods need recomputing.", date.name(), date.ordering().increasingShare() * 100)
            : "Rows do not arrive in time order, so aggregates are rebuilt in full.",
        List.of(alternative(Map.of("refresh", appendOnly ? "FULL_REFRESH" : "INCREMENTAL"), 0.3, "the other refresh mode"))));
    return suggestions;
  }

  private static boolean measure(TableProfile table, ColumnProfile column, List<String> key) {
    return column.numeric() && !key.contains(column.name()) && KeyFinder.nameBonus(table.name(), column.name()) == 0
        && !column.ordering().sequential() && column.distinct().value() > 2;
  }

  static String entityName(String tableName) {
    String stem = new ArrayList<>(KeyFinder.tableStems(tableName)).get(KeyFinder.tableStems(tableName).size() - 1);
    return stem.isEmpty() ? "row" : stem;
  }

  private static String snake(String name) {
    return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
  }

  private static Map<String, Object> metric(String name, String expression) {
    Map<String, Object> metric = new LinkedHashMap<>();
    metric.put("name", name);
    metric.put("expression", expression);
    return metric;
  }

  private static Suggestion.Alternative alternative(Map<String, Object> value, double confidence, String reasoning) {
    return new Suggestion.Alternative(value, Confidence.round(confidence), reasoning);
  }

  private static String humanBytes(double bytes) {
    String[] units = {"B", "KB", "MB", "GB", "TB"};
    int unit = 0;
    while (bytes >= 1000 && unit < units.length - 1) {
      bytes /= 1000;
      unit++;
    }
    return String.format(Locale.ROOT, "%.1f %s", bytes, units[unit]);
  }
}
