package io.flowforge.profiling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Finds minimal unique column sets (up to three columns) and ranks them as primary-key candidates. Column
 * combinations are screened on the sample in the JVM and only survivors are verified by the engine, so the
 * number of full-table queries stays small.
 */
public final class KeyFinder {
  /** Combinations verified on the whole table at most. */
  private static final int MAX_VERIFICATIONS = 20;
  private static final int MAX_PAIR_COLUMNS = 25;
  private static final int MAX_TRIPLE_COLUMNS = 15;
  private static final int MAX_KEYS = 8;
  /** A column this unique, without nulls and named like an identifier, may be a key once deduplicated. */
  static final double NEAR_UNIQUE_RATIO = 0.8;
  private static final String SEPARATOR = "\u0001";

  private final SqlEngine engine;
  private final SqlDialect sql;

  public KeyFinder(SqlEngine engine) {
    this.engine = engine;
    this.sql = engine.dialect();
  }

  List<CandidateKey> candidateKeys(TableRef table, List<ColumnProfile> columns, long rows, Profiler.Sample sample) {
    if (rows == 0) {
      return List.of();
    }
    List<CandidateKey> keys = new ArrayList<>();
    List<ColumnProfile> eligible = columns.stream().filter(KeyFinder::eligible).toList();
    Set<String> uniqueSingles = new HashSet<>();
    int verifications = 0;
    for (ColumnProfile column : eligible) {
      long nonNull = rows - column.nullCount();
      if (column.distinct().value() < nonNull || nonNull == 0) {
        continue;
      }
      boolean verified = column.distinct().exact();
      if (!verified) {
        if (verifications++ >= MAX_VERIFICATIONS || distinctRows(table, List.of(column.name())) < rows) {
          continue;
        }
        verified = true;
      }
      uniqueSingles.add(column.name());
      keys.add(scored(table, columns, List.of(column.name()), 1.0, column.nullCount(), verified, 0, 0));
    }
    keys.addAll(nearKeys(table, columns, eligible, rows));
    List<ColumnProfile> combinable = eligible.stream()
        .filter(c -> !uniqueSingles.contains(c.name()) && c.distinct().value() > 1)
        .sorted(Comparator.comparingLong((ColumnProfile c) -> c.distinct().value()).reversed())
        .toList();
    List<List<String>> uniquePairs = new ArrayList<>();
    List<ColumnProfile> pairColumns = combinable.subList(0, Math.min(MAX_PAIR_COLUMNS, combinable.size()));
    for (int i = 0; i < pairColumns.size(); i++) {
      for (int j = i + 1; j < pairColumns.size(); j++) {
        List<String> combo = inSourceOrder(columns, pairColumns.get(i).name(), pairColumns.get(j).name());
        if (productOfDistinct(columns, combo) >= rows && uniqueInSample(sample, combo)) {
          uniquePairs.add(combo);
        }
      }
    }
    List<List<String>> uniqueTriples = new ArrayList<>();
    List<ColumnProfile> tripleColumns = combinable.subList(0, Math.min(MAX_TRIPLE_COLUMNS, combinable.size()));
    for (int i = 0; i < tripleColumns.size(); i++) {
      for (int j = i + 1; j < tripleColumns.size(); j++) {
        for (int k = j + 1; k < tripleColumns.size(); k++) {
          List<String> combo = inSourceOrder(columns, tripleColumns.get(i).name(), tripleColumns.get(j).name(), tripleColumns.get(k).name());
          boolean minimal = uniquePairs.stream().noneMatch(combo::containsAll);
          if (minimal && productOfDistinct(columns, combo) >= rows && uniqueInSample(sample, combo)) {
            uniqueTriples.add(combo);
          }
        }
      }
    }
    List<List<String>> composites = new ArrayList<>(uniquePairs);
    composites.addAll(uniqueTriples);
    for (List<String> combo : composites) {
      long nullRows = sample.wholeTable() ? nullRowsInSample(sample, combo) : nullRows(table, combo);
      boolean verified = sample.wholeTable();
      if (!verified) {
        if (verifications++ >= MAX_VERIFICATIONS || distinctRows(table, combo) < rows) {
          continue;
        }
        verified = true;
      }
      keys.add(scored(table, columns, combo, 1.0, nullRows, verified, 0, 0));
    }
    return keys.stream()
        .sorted(Comparator.comparingDouble(CandidateKey::score).reversed()
            .thenComparingInt(k -> k.columns().size())
            .thenComparingInt(k -> position(columns, k.columns().get(0))))
        .limit(MAX_KEYS)
        .toList();
  }

  /** Identifier-named columns that are almost unique: keys once exact duplicates and older versions are removed. */
  private List<CandidateKey> nearKeys(TableRef table, List<ColumnProfile> columns, List<ColumnProfile> eligible, long rows) {
    List<CandidateKey> keys = new ArrayList<>();
    List<String> all = columns.stream().map(c -> sql.quote(c.name())).toList();
    List<ColumnProfile> near = eligible.stream()
        .filter(c -> c.nullCount() == 0 && c.distinct().value() < rows
            && c.distinct().value() >= NEAR_UNIQUE_RATIO * rows && nameBonus(table.name(), c.name()) > 0)
        .limit(3)
        .toList();
    for (ColumnProfile column : near) {
      String k = sql.quote(column.name());
      List<Object> row = engine.query("SELECT count(*), coalesce(sum(n - versions), 0), "
          + sql.countWhere("versions > 1") + " FROM (SELECT " + k + ", count(*) AS n, count(DISTINCT "
          + sql.rowHash(all) + ") AS versions FROM " + table.relation() + " GROUP BY " + k
          + " HAVING count(*) > 1) dup").get(0);
      long exactDuplicates = Profiler.asLong(row.get(1));
      long versioned = Profiler.asLong(row.get(2));
      double ratio = (double) column.distinct().value() / rows;
      keys.add(scored(table, columns, List.of(column.name()), ratio, 0, true, exactDuplicates, versioned));
    }
    return keys;
  }

  private static boolean eligible(ColumnProfile column) {
    String type = column.engineType().toUpperCase(Locale.ROOT);
    boolean floating = type.equals("DOUBLE") || type.equals("FLOAT") || type.equals("REAL");
    boolean complex = type.contains("[") || type.startsWith("STRUCT") || type.startsWith("MAP") || type.equals("BLOB");
    boolean longText = column.length().avg() != null && column.length().avg() > 100;
    return !floating && !complex && !longText && !column.inferredType().equals("BOOLEAN");
  }

  private CandidateKey scored(
      TableRef table, List<ColumnProfile> columns, List<String> combo, double ratio, long nullRows, boolean verified,
      long exactDuplicates, long versioned) {
    List<String> reasons = new ArrayList<>();
    double score = 0.5;
    if (ratio >= 1.0) {
      reasons.add(nullRows == 0 ? "unique and never null over all rows" : "unique but null in " + nullRows + " rows");
    } else {
      reasons.add(String.format(Locale.ROOT,
          "%.1f %% distinct; unique after removing %d exact duplicate rows and keeping the latest of %d updated keys",
          ratio * 100, exactDuplicates, versioned));
      score -= 0.1;
    }
    double nameTotal = 0;
    for (String name : combo) {
      ColumnProfile column = columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
      double bonus = nameBonus(table.name(), name);
      nameTotal += bonus;
      if (bonus >= 0.35) {
        reasons.add("'" + name + "' is named after the table");
      } else if (bonus > 0) {
        reasons.add("'" + name + "' is named like an identifier");
      }
      nameTotal += typeBonus(column, reasons);
    }
    score += nameTotal / combo.size();
    if (combo.size() > 1) {
      score -= 0.1 * (combo.size() - 1);
      boolean allIdentifiers = combo.stream().allMatch(n -> nameBonus(table.name(), n) > 0);
      if (allIdentifiers) {
        score += 0.15;
        reasons.add("every column is an identifier (typical of a bridge or line table)");
      }
    }
    if (nullRows > 0) {
      score -= 0.4;
    }
    if (position(columns, combo.get(0)) == 0) {
      score += 0.05;
      reasons.add("first column");
    }
    if (combo.size() == 1) {
      ColumnProfile column = columns.stream().filter(c -> c.name().equals(combo.get(0))).findFirst().orElseThrow();
      if (column.ordering().sequential()) {
        score += 0.05;
        reasons.add("sequential (+1 per row)");
      }
    }
    double bounded = Math.max(0.01, Math.min(0.99, score));
    return new CandidateKey(combo, ratio, nullRows, verified, exactDuplicates, versioned, Math.round(bounded * 1000) / 1000.0, reasons);
  }

  private static double typeBonus(ColumnProfile column, List<String> reasons) {
    if (column.temporal()) {
      reasons.add("'" + column.name() + "' is a date or time, rarely an identity");
      return -0.3;
    }
    if (column.inferredType().equals("DECIMAL")) {
      return -0.3;
    }
    if (column.inferredType().equals("INTEGER")) {
      return 0.05;
    }
    if (column.length().avg() != null && column.length().avg() > 40) {
      return -0.2;
    }
    return 0;
  }

  /** How much a column's name says "I identify rows of this table". */
  public static double nameBonus(String tableName, String columnName) {
    String column = normalize(columnName);
    for (String stem : tableStems(tableName)) {
      for (String suffix : List.of("id", "key", "code", "no", "nr", "number", "sk")) {
        if (column.equals(stem + suffix)) {
          return 0.4;
        }
      }
    }
    if (column.equals("id") || column.equals("key")) {
      return 0.35;
    }
    for (String suffix : List.of("id", "key", "code", "number", "guid", "uuid")) {
      if (column.endsWith(suffix)) {
        return 0.15;
      }
    }
    return 0;
  }

  /** Names a table's rows may be called: the name without schema, and its last word, singular. */
  public static Set<String> tableStems(String tableName) {
    String bare = tableName.contains(".") ? tableName.substring(tableName.lastIndexOf('.') + 1) : tableName;
    Set<String> stems = new java.util.LinkedHashSet<>();
    stems.add(singular(normalize(bare)));
    String[] words = bare.split("_|(?<=[a-z])(?=[A-Z])|\\s+|-");
    if (words.length > 1) {
      stems.add(singular(normalize(words[words.length - 1])));
    }
    return stems;
  }

  static String singular(String word) {
    if (word.endsWith("ies") && word.length() > 4) {
      return word.substring(0, word.length() - 3) + "y";
    }
    if (word.endsWith("s") && !word.endsWith("ss") && word.length() > 3) {
      return word.substring(0, word.length() - 1);
    }
    return word;
  }

  public static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
  }

  private long distinctRows(TableRef table, List<String> combo) {
    String cols = combo.stream().map(sql::quote).collect(Collectors.joining(", "));
    return Profiler.asLong(engine.query("SELECT count(*) FROM (SELECT DISTINCT " + cols + " FROM " + table.relation()
        + " WHERE " + combo.stream().map(c -> sql.quote(c) + " IS NOT NULL").collect(Collectors.joining(" AND "))
        + ") d").get(0).get(0));
  }

  private long nullRows(TableRef table, List<String> combo) {
    String anyNull = combo.stream().map(c -> sql.quote(c) + " IS NULL").collect(Collectors.joining(" OR "));
    return Profiler.asLong(engine.query("SELECT " + sql.countWhere(anyNull) + " FROM " + table.relation()).get(0).get(0));
  }

  private static long nullRowsInSample(Profiler.Sample sample, List<String> combo) {
    List<Integer> indexes = combo.stream().map(sample.columns()::indexOf).toList();
    return sample.rows().stream().filter(row -> indexes.stream().anyMatch(i -> row.get(i) == null)).count();
  }

  private static boolean uniqueInSample(Profiler.Sample sample, List<String> combo) {
    List<Integer> indexes = combo.stream().map(sample.columns()::indexOf).toList();
    Set<String> seen = new HashSet<>();
    for (List<String> row : sample.rows()) {
      StringBuilder key = new StringBuilder();
      for (int i : indexes) {
        key.append(row.get(i)).append(SEPARATOR);
      }
      if (!seen.add(key.toString())) {
        return false;
      }
    }
    return true;
  }

  private static double productOfDistinct(List<ColumnProfile> columns, List<String> combo) {
    double product = 1;
    for (String name : combo) {
      product *= columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().distinct().value()
          + (columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().nullCount() > 0 ? 1 : 0);
    }
    return product;
  }

  private static List<String> inSourceOrder(List<ColumnProfile> columns, String... names) {
    return java.util.Arrays.stream(names).sorted(Comparator.comparingInt(n -> position(columns, n))).toList();
  }

  private static int position(List<ColumnProfile> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return Integer.MAX_VALUE;
  }
}
