package io.flowforge.quality;

import io.flowforge.profiling.SqlDialect;
import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

/** Row-level predicates for rules ("the row is valid when …"), built through a dialect with quoted names and escaped literals. */
public final class RuleSql {
  private RuleSql() {}

  /** The predicate a valid row satisfies, or null for table-level rules (UNIQUE, REFERENTIAL, FRESHNESS). */
  public static String rowPredicate(QualityRule rule, SqlDialect sql, boolean spark) {
    String c = sql.quote(rule.columns().get(0));
    return switch (rule.kind()) {
      case "NOT_NULL" -> c + " IS NOT NULL";
      case "RANGE" -> c + " IS NULL OR (" + c + " >= " + number(rule.params().get("min")) + " AND " + c + " <= "
          + number(rule.params().get("max")) + ")";
      case "ALLOWED_VALUES" -> c + " IS NULL OR " + sql.toText(c) + " IN (" + ((List<?>) rule.params().get("values")).stream()
          .map(v -> literal(String.valueOf(v), spark)).collect(Collectors.joining(", ")) + ")";
      case "PATTERN" -> c + " IS NULL OR " + (spark ? sql.toText(c) + " RLIKE " + literal(rule.params().get("regex").toString(), spark)
          : "regexp_full_match(" + sql.toText(c) + ", " + literal(rule.params().get("regex").toString(), spark) + ")");
      default -> null;
    };
  }

  /** A SQL string literal: quotes doubled, and on Spark backslashes too, since Spark reads them as escapes. */
  public static String literal(String value, boolean spark) {
    String escaped = spark ? value.replace("\\", "\\\\") : value;
    return "'" + escaped.replace("'", "''") + "'";
  }

  private static String number(Object value) {
    return new BigDecimal(value.toString()).toPlainString();
  }
}
