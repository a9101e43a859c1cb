package io.flowforge.profiling;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Profiles a table by pushing aggregate queries to a {@link SqlEngine}. Only aggregates, top-value lists and
 * one bounded random sample reach the JVM, so table size is limited by the engine, not by the heap.
 */
public final class Profiler {
  /** Up to this many rows, distinct counts are exact; beyond it, HyperLogLog. */
  public static final long EXACT_DISTINCT_ROW_BOUND = 1_000_000;
  /** Relative error stated for approximate distinct counts (HyperLogLog, both engines). */
  public static final double APPROX_DISTINCT_ERROR = 0.05;
  /** Most sample rows; fewer for wide tables so the sample stays under {@link #SAMPLE_CELLS} values. */
  public static final int SAMPLE_ROWS = 10_000;
  static final int SAMPLE_CELLS = 2_000_000;
  /** File-order behaviour (monotonic, sequential) is judged on this many leading rows. */
  public static final int ORDER_CHECK_ROWS = 100_000;
  private static final int COLUMNS_PER_QUERY = 100;
  /** File-order checks cover this many numeric or temporal columns; wider tables leave the rest NOT_CHECKED. */
  public static final int ORDER_CHECK_MAX_COLUMNS = 200;
  /** Wider tables count top values on the sample instead of one GROUP BY per column. */
  private static final int EXACT_TOP_VALUES_MAX_COLUMNS = 200;
  private static final int TOP_VALUES = 5;
  private static final List<Double> QUANTILES = List.of(0.01, 0.25, 0.5, 0.75, 0.99);
  private static final long SAMPLE_SEED = 42;

  private final SqlEngine engine;
  private final SqlDialect sql;

  public Profiler(SqlEngine engine) {
    this.engine = engine;
    this.sql = engine.dialect();
  }

  /** Profiles one registered table. */
  public TableProfile profile(TableRef table) {
    long rows = ((Number) engine.query("SELECT count(*) FROM " + table.relation()).get(0).get(0)).longValue();
    Sample sample = sample(table, rows);
    List<ColumnProfile> columns = new ArrayList<>();
    Map<String, ColumnProfile.Ordering> orderings = orderings(table);
    List<TableRef.Column> all = table.columns();
    for (int from = 0; from < all.size(); from += COLUMNS_PER_QUERY) {
      List<TableRef.Column> batch = all.subList(from, Math.min(all.size(), from + COLUMNS_PER_QUERY));
      columns.addAll(aggregate(table, batch, rows, sample, orderings));
    }
    long duplicates = exactDuplicates(table, rows);
    List<CandidateKey> keys = new KeyFinder(engine).candidateKeys(table, columns, rows, sample);
    return new TableProfile(
        table.name(), table.format(), sql.name(), rows, sample.rows().size(), duplicates, columns, keys, table.csvDialect());
  }

  /** A bounded random sample, values as text (null stays null). */
  public record Sample(List<String> columns, List<List<String>> rows, boolean wholeTable) {
    public List<String> values(int columnIndex) {
      List<String> values = new ArrayList<>();
      for (List<String> row : rows) {
        if (row.get(columnIndex) != null) {
          values.add(row.get(columnIndex));
        }
      }
      return values;
    }
  }

  private Sample sample(TableRef table, long rows) {
    int size = Math.max(100, Math.min(SAMPLE_ROWS, SAMPLE_CELLS / Math.max(1, table.columns().size())));
    // Values are rendered as text in the JVM: thousands of CAST expressions make the engine's binder crawl.
    String source = rows <= size ? "SELECT * FROM " + table.relation() : sql.sample(table.relation(), size, SAMPLE_SEED);
    List<List<String>> values = new ArrayList<>();
    for (List<Object> row : engine.query(source)) {
      List<String> text = new ArrayList<>(row.size());
      row.forEach(v -> text.add(v == null ? null : v.toString()));
      values.add(text);
    }
    return new Sample(table.columns().stream().map(TableRef.Column::name).toList(), values, rows <= size);
  }

  private static final int PER_COLUMN = 10;

  private List<ColumnProfile> aggregate(
      TableRef table, List<TableRef.Column> batch, long rows, Sample sample, Map<String, ColumnProfile.Ordering> orderings) {
    boolean exact = rows <= EXACT_DISTINCT_ROW_BOUND;
    List<String> exprs = new ArrayList<>();
    for (TableRef.Column column : batch) {
      String c = sql.quote(column.name());
      String family = ValueClassifier.engineFamily(column.engineType());
      boolean complex = isComplex(column.engineType());
      String comparable = complex ? sql.toText(c) : c;
      String text = sql.toText(c);
      exprs.add("count(" + c + ")");
      exprs.add(family.equals("STRING") && !complex ? sql.countWhere("trim(" + c + ") = ''") : "0");
      exprs.add(exact ? "count(DISTINCT " + comparable + ")" : sql.approxDistinct(comparable));
      exprs.add(sql.toText("min(" + comparable + ")"));
      exprs.add(sql.toText("max(" + comparable + ")"));
      exprs.add("min(length(" + text + "))");
      exprs.add("max(length(" + text + "))");
      exprs.add("avg(length(" + text + "))");
      boolean numeric = family.equals("INTEGER") || family.equals("DECIMAL");
      exprs.add(numeric ? "avg(" + c + ")" : "NULL");
      exprs.add(numeric || family.equals("DATE") || family.equals("TIMESTAMP")
          ? sql.toText(sql.approxQuantiles(c, QUANTILES)) : "NULL");
    }
    List<Object> result = engine.query("SELECT " + String.join(", ", exprs) + " FROM " + table.relation()).get(0);
    List<ColumnProfile> profiles = new ArrayList<>();
    boolean sampleTopValues = table.columns().size() > EXACT_TOP_VALUES_MAX_COLUMNS;
    for (int i = 0; i < batch.size(); i++) {
      TableRef.Column column = batch.get(i);
      int base = i * PER_COLUMN;
      long nonNull = asLong(result.get(base));
      long empty = asLong(result.get(base + 1));
      long distinct = Math.min(asLong(result.get(base + 2)), nonNull);
      int index = sample.columns().indexOf(column.name());
      List<String> values = sample.values(index);
      ValueAnalysis analysis = ValueClassifier.analyze(column.name(), column.engineType(), values);
      profiles.add(new ColumnProfile(
          column.name(),
          column.engineType(),
          analysis.inferredType(),
          formatOf(table, column, analysis),
          rows - nonNull,
          ratio(rows - nonNull, rows),
          empty,
          ratio(empty, rows),
          new ColumnProfile.DistinctCount(distinct, exact, exact ? 0 : APPROX_DISTINCT_ERROR),
          asText(result.get(base + 3)),
          asText(result.get(base + 4)),
          asDouble(result.get(base + 8)),
          quantiles(result.get(base + 9)),
          sampleTopValues ? topFromSample(values) : topValues(table, column),
          sampleTopValues,
          new ColumnProfile.LengthStats(asInt(result.get(base + 5)), asInt(result.get(base + 6)), asDouble(result.get(base + 7))),
          analysis.shapes(),
          orderings.getOrDefault(column.name(), ColumnProfile.Ordering.NOT_CHECKED),
          analysis.pii(),
          analysis.piiShare()));
    }
    return profiles;
  }

  private static String formatOf(TableRef table, TableRef.Column column, ValueAnalysis analysis) {
    if (analysis.format() != null) {
      return analysis.format();
    }
    // The CSV sniffer already parsed these from text; report the format it found in the file.
    String family = ValueClassifier.engineFamily(column.engineType());
    if (family.equals("DATE")) {
      return table.csvDialect().get("dateFormat");
    }
    if (family.equals("TIMESTAMP")) {
      return table.csvDialect().get("timestampFormat");
    }
    return null;
  }

  private static boolean isComplex(String engineType) {
    return engineType.contains("[") || engineType.startsWith("STRUCT") || engineType.startsWith("MAP")
        || engineType.startsWith("UNION") || engineType.equals("JSON") || engineType.equals("BLOB");
  }

  private List<ValueCount> topValues(TableRef table, TableRef.Column column) {
    String c = sql.quote(column.name());
    String value = sql.toText(c);
    List<ValueCount> top = new ArrayList<>();
    for (List<Object> row : engine.query("SELECT " + value + " AS v, count(*) AS n FROM " + table.relation()
        + " WHERE " + c + " IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT " + TOP_VALUES)) {
      top.add(new ValueCount(String.valueOf(row.get(0)), asLong(row.get(1))));
    }
    return top;
  }

  private static List<ValueCount> topFromSample(List<String> values) {
    Map<String, Long> counts = new HashMap<>();
    values.forEach(v -> counts.merge(v, 1L, Long::sum));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(TOP_VALUES)
        .map(e -> new ValueCount(e.getKey(), e.getValue()))
        .toList();
  }

  /** Monotonic and sequential behaviour of numeric and temporal columns over the leading rows in file order. */
  private Map<String, ColumnProfile.Ordering> orderings(TableRef table) {
    List<TableRef.Column> ordered = table.columns().stream()
        .filter(c -> !ValueClassifier.engineFamily(c.engineType()).equals("STRING")
            && !ValueClassifier.engineFamily(c.engineType()).equals("BOOLEAN"))
        .limit(ORDER_CHECK_MAX_COLUMNS)
        .toList();
    Map<String, ColumnProfile.Ordering> result = new HashMap<>();
    for (int from = 0; from < ordered.size(); from += COLUMNS_PER_QUERY) {
      List<TableRef.Column> batch = ordered.subList(from, Math.min(ordered.size(), from + COLUMNS_PER_QUERY));
      List<String> inner = new ArrayList<>();
      List<String> outer = new ArrayList<>();
      for (int i = 0; i < batch.size(); i++) {
        String c = sql.quote(batch.get(i).name());
        inner.add(c + " AS v" + i);
        inner.add(sql.previousInFileOrder(c) + " AS p" + i);
        boolean integer = ValueClassifier.engineFamily(batch.get(i).engineType()).equals("INTEGER");
        outer.add(sql.countWhere("v" + i + " > p" + i));
        outer.add(sql.countWhere("v" + i + " = p" + i));
        outer.add(sql.countWhere("v" + i + " < p" + i));
        outer.add(integer ? sql.countWhere("v" + i + " = p" + i + " + 1") : "0");
      }
      String query = "SELECT count(*), " + String.join(", ", outer) + " FROM (SELECT " + String.join(", ", inner)
          + " FROM (SELECT " + batch.stream().map(c -> sql.quote(c.name())).collect(Collectors.joining(", ")) + " FROM "
          + table.relation() + " LIMIT " + ORDER_CHECK_ROWS + ") head) steps";
      List<Object> row = engine.query(query).get(0);
      long checked = asLong(row.get(0));
      for (int i = 0; i < batch.size(); i++) {
        long up = asLong(row.get(1 + i * 4));
        long same = asLong(row.get(2 + i * 4));
        long down = asLong(row.get(3 + i * 4));
        long plusOne = asLong(row.get(4 + i * 4));
        result.put(batch.get(i).name(), ordering(up, same, down, plusOne, checked));
      }
    }
    return result;
  }

  static ColumnProfile.Ordering ordering(long up, long same, long down, long plusOne, long checked) {
    long steps = up + same + down;
    if (steps == 0) {
      return new ColumnProfile.Ordering("NONE", false, 0, checked);
    }
    double increasing = (double) (up + same) / steps;
    String pattern;
    if (down == 0 && same == 0) {
      pattern = "STRICTLY_INCREASING";
    } else if (down == 0) {
      pattern = "INCREASING";
    } else if (up == 0) {
      pattern = "DECREASING";
    } else if (increasing >= 0.95) {
      pattern = "MOSTLY_INCREASING";
    } else {
      pattern = "NONE";
    }
    return new ColumnProfile.Ordering(pattern, plusOne == steps, increasing, checked);
  }

  private long exactDuplicates(TableRef table, long rows) {
    List<String> all = table.columns().stream().map(c -> sql.quote(c.name())).toList();
    String distinct = "count(DISTINCT " + sql.rowHash(all) + ")";
    return rows - asLong(engine.query("SELECT " + distinct + " FROM " + table.relation()).get(0).get(0));
  }

  private static Map<String, String> quantiles(Object value) {
    if (value == null) {
      return Map.of();
    }
    String text = value.toString().strip();
    if (text.startsWith("[")) {
      text = text.substring(1, text.length() - 1);
    }
    String[] parts = text.split(",\\s*");
    Map<String, String> result = new LinkedHashMap<>();
    for (int i = 0; i < parts.length && i < QUANTILES.size(); i++) {
      result.put(String.format("p%02d", Math.round(QUANTILES.get(i) * 100)), parts[i].strip());
    }
    return result;
  }

  static double ratio(long part, long whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  static long asLong(Object value) {
    return value == null ? 0 : ((Number) value).longValue();
  }

  private static Integer asInt(Object value) {
    return value == null ? null : ((Number) value).intValue();
  }

  private static Double asDouble(Object value) {
    return value == null ? null : ((Number) value).doubleValue();
  }

  private static String asText(Object value) {
    return value == null ? null : value.toString();
  }
}
