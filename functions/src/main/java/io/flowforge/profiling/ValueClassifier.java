package io.flowforge.profiling;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Infers the semantic type, text format, value shapes and PII class of a column from sample values. Pure
 * Java over a bounded sample; the SQL engine supplies the sample.
 */
public final class ValueClassifier {
  /** Share of non-empty values that must match for a type, format or PII class to be claimed. */
  static final double MATCH_SHARE = 0.9;

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern ISO_TIMESTAMP =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern SLASH_YMD = Pattern.compile("\\d{4}/\\d{2}/\\d{2}");
  private static final Pattern DAY_MONTH = Pattern.compile("(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})( \\d{1,2}:\\d{2}(:\\d{2})?)?");
  private static final Pattern INTEGER = Pattern.compile("[-+]?\\d+");
  private static final Pattern DECIMAL = Pattern.compile("[-+]?(\\d+\\.\\d*|\\.\\d+)([eE][-+]?\\d+)?");
  private static final Pattern GROUPED = Pattern.compile("[-+]?\\d{1,3}(,\\d{3})+(\\.\\d+)?");
  private static final Pattern GROUPED_EU = Pattern.compile("[-+]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");
  private static final Pattern CURRENCY =
      Pattern.compile("[-+]?([$€£¥]\\s?[-+]?[\\d,]*\\d(\\.\\d+)?|[\\d,]*\\d(\\.\\d+)?\\s?([$€£¥]|USD|EUR|GBP|AUD))");
  private static final Pattern BOOLEAN = Pattern.compile("(?i)true|false|yes|no|y|n|t|f");
  private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
  private static final Pattern PHONE = Pattern.compile("\\+?[\\d\\s().-]{7,22}");
  private static final Pattern SSN = Pattern.compile("\\d{3}-\\d{2}-\\d{4}");
  private static final Pattern UK_NINO = Pattern.compile("[A-CEGHJ-PR-TW-Z]{2}\\d{6}[A-D]");
  private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
  private static final Pattern CAPITALISED_WORDS = Pattern.compile("\\p{Lu}[\\p{L}'-]+( \\p{Lu}[\\p{L}'.-]*){0,3}");
  private static final Pattern PERSON_NAME_HINT =
      Pattern.compile("(first|last|given|family|sur|full|middle|person|customer|contact|employee)_?name|surname|forename");
  private static final Pattern TIME_NAME_HINT = Pattern.compile("(?i).*(time|date|_at|_ts|timestamp|epoch|created|updated).*");

  private ValueClassifier() {}

  /**
   * Classifies sample values of one column.
   *
   * @param columnName the column's name, used only as supporting evidence (PII names, epoch times)
   * @param engineType the engine's type for the column ({@code VARCHAR}, {@code BIGINT}, …)
   * @param values non-null sample values as text
   */
  public static ValueAnalysis analyze(String columnName, String engineType, List<String> values) {
    List<String> present = values.stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    List<ValueCount> shapes = shapes(present);
    String type = engineFamily(engineType);
    if (present.isEmpty()) {
      return new ValueAnalysis(type, null, 0, shapes, null, 0);
    }
    String lowerName = columnName.toLowerCase(Locale.ROOT);
    if (type.equals("INTEGER") && TIME_NAME_HINT.matcher(lowerName).matches()) {
      String epoch = epochFormat(present);
      if (epoch != null) {
        return new ValueAnalysis("TIMESTAMP", epoch, 1.0, shapes, null, 0);
      }
    }
    if (!type.equals("STRING")) {
      return new ValueAnalysis(type, null, 1.0, shapes, null, 0);
    }
    Typed typed = textType(present);
    PiiMatch pii = pii(lowerName, present);
    return new ValueAnalysis(typed.type, typed.format, typed.share, shapes, pii == null ? null : pii.pii, pii == null ? 0 : pii.share);
  }

  /** Maps an engine type name to a semantic family. */
  public static String engineFamily(String engineType) {
    String t = engineType.toUpperCase(Locale.ROOT);
    if (t.matches("(TINYINT|SMALLINT|INTEGER|INT|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|LONG|SHORT|BYTE)")) {
      return "INTEGER";
    }
    if (t.startsWith("DECIMAL") || t.matches("(DOUBLE|FLOAT|REAL)")) {
      return "DECIMAL";
    }
    if (t.equals("BOOLEAN")) {
      return "BOOLEAN";
    }
    if (t.equals("DATE")) {
      return "DATE";
    }
    if (t.startsWith("TIMESTAMP") || t.equals("TIME")) {
      return "TIMESTAMP";
    }
    return "STRING";
  }

  private record Typed(String type, String format, double share) {}

  private record PiiMatch(PiiClass pii, double share) {}

  private static Typed textType(List<String> values) {
    Map<String, Predicate<String>> candidates = new java.util.LinkedHashMap<>();
    candidates.put("INTEGER", v -> INTEGER.matcher(v).matches());
    candidates.put("DECIMAL", v -> DECIMAL.matcher(v).matches() || INTEGER.matcher(v).matches());
    candidates.put("BOOLEAN", v -> BOOLEAN.matcher(v).matches());
    for (var candidate : candidates.entrySet()) {
      double share = share(values, candidate.getValue());
      if (share >= MATCH_SHARE) {
        return new Typed(candidate.getKey(), null, share);
      }
    }
    double iso = share(values, v -> ISO_DATE.matcher(v).matches());
    if (iso >= MATCH_SHARE) {
      return new Typed("DATE", "YYYY-MM-DD", iso);
    }
    double isoTs = share(values, v -> ISO_TIMESTAMP.matcher(v).matches());
    if (isoTs >= MATCH_SHARE) {
      return new Typed("TIMESTAMP", "ISO-8601", isoTs);
    }
    double ymd = share(values, v -> SLASH_YMD.matcher(v).matches());
    if (ymd >= MATCH_SHARE) {
      return new Typed("DATE", "YYYY/MM/DD", ymd);
    }
    Typed dayMonth = dayMonthOrder(values);
    if (dayMonth != null) {
      return dayMonth;
    }
    double grouped = share(values, v -> GROUPED.matcher(v).matches() || DECIMAL.matcher(v).matches() || INTEGER.matcher(v).matches());
    if (grouped >= MATCH_SHARE && values.stream().anyMatch(v -> GROUPED.matcher(v).matches())) {
      return new Typed("DECIMAL", "NUMBER_WITH_GROUPING", grouped);
    }
    double groupedEu = share(values, v -> GROUPED_EU.matcher(v).matches() || INTEGER.matcher(v).matches());
    if (groupedEu >= MATCH_SHARE && values.stream().anyMatch(v -> v.contains(","))) {
      return new Typed("DECIMAL", "NUMBER_WITH_GROUPING_EU", groupedEu);
    }
    double currency = share(values, v -> CURRENCY.matcher(v).matches() || GROUPED.matcher(v).matches() || DECIMAL.matcher(v).matches());
    if (currency >= MATCH_SHARE && values.stream().anyMatch(v -> CURRENCY.matcher(v).matches())) {
      return new Typed("DECIMAL", "CURRENCY", currency);
    }
    return new Typed("STRING", null, 1.0);
  }

  /** Tells DD/MM/YYYY from MM/DD/YYYY: a first part above 12 means days first, a second part above 12 months first. */
  private static Typed dayMonthOrder(List<String> values) {
    int matched = 0;
    boolean firstAbove12 = false;
    boolean secondAbove12 = false;
    String separator = "/";
    boolean withTime = false;
    for (String v : values) {
      var m = DAY_MONTH.matcher(v);
      if (m.matches()) {
        matched++;
        separator = m.group(2);
        withTime |= m.group(5) != null;
        firstAbove12 |= Integer.parseInt(m.group(1)) > 12;
        secondAbove12 |= Integer.parseInt(m.group(3)) > 12;
      }
    }
    double share = (double) matched / values.size();
    if (share < MATCH_SHARE || (firstAbove12 && secondAbove12)) {
      return null;
    }
    String order;
    if (firstAbove12) {
      order = "DD" + separator + "MM" + separator + "YYYY";
    } else if (secondAbove12) {
      order = "MM" + separator + "DD" + separator + "YYYY";
    } else {
      order = "DD" + separator + "MM" + separator + "YYYY or MM" + separator + "DD" + separator + "YYYY (ambiguous: no day above 12 in the sample)";
    }
    return new Typed(withTime ? "TIMESTAMP" : "DATE", order, share);
  }

  private static String epochFormat(List<String> values) {
    // 2000-01-01 to 2100-01-01, in seconds or milliseconds.
    if (values.stream().allMatch(v -> inRange(v, 946_684_800L, 4_102_444_800L))) {
      return "EPOCH_SECONDS";
    }
    if (values.stream().allMatch(v -> inRange(v, 946_684_800_000L, 4_102_444_800_000L))) {
      return "EPOCH_MILLIS";
    }
    return null;
  }

  private static boolean inRange(String value, long low, long high) {
    try {
      long n = Long.parseLong(value);
      return n >= low && n <= high;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static PiiMatch pii(String lowerName, List<String> values) {
    Map<PiiClass, Predicate<String>> detectors = new java.util.LinkedHashMap<>();
    detectors.put(PiiClass.EMAIL, v -> EMAIL.matcher(v).matches());
    detectors.put(PiiClass.CARD_NUMBER, ValueClassifier::isCardNumber);
    detectors.put(PiiClass.IBAN, ValueClassifier::isIban);
    detectors.put(PiiClass.NATIONAL_ID, v -> SSN.matcher(v).matches() || UK_NINO.matcher(v.replace(" ", "")).matches());
    detectors.put(PiiClass.PHONE, ValueClassifier::isPhone);
    for (var detector : detectors.entrySet()) {
      double share = share(values, detector.getValue());
      if (share >= MATCH_SHARE) {
        return new PiiMatch(detector.getKey(), share);
      }
    }
    if (PERSON_NAME_HINT.matcher(lowerName.replace(" ", "")).find()) {
      double share = share(values, v -> CAPITALISED_WORDS.matcher(v).matches());
      if (share >= MATCH_SHARE) {
        return new PiiMatch(PiiClass.PERSON_NAME, share);
      }
    }
    return null;
  }

  static boolean isPhone(String value) {
    if (!PHONE.matcher(value).matches()) {
      return false;
    }
    long digits = value.chars().filter(Character::isDigit).count();
    boolean formatted = value.startsWith("+") || value.contains("(") || value.contains(" ") || value.contains("-");
    return digits >= 7 && digits <= 15 && formatted && !ISO_DATE.matcher(value).matches() && !SSN.matcher(value).matches();
  }

  /** Card numbers: 13 to 19 digits (spaces or dashes allowed) passing the Luhn check. */
  static boolean isCardNumber(String value) {
    String digits = value.replace(" ", "").replace("-", "");
    if (!digits.matches("\\d{13,19}")) {
      return false;
    }
    int sum = 0;
    boolean doubleIt = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (doubleIt) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      doubleIt = !doubleIt;
    }
    return sum % 10 == 0;
  }

  /** IBANs: country code, check digits and BBAN passing the ISO 13616 mod-97 check. */
  static boolean isIban(String value) {
    String iban = value.replace(" ", "").toUpperCase(Locale.ROOT);
    if (!IBAN.matcher(iban).matches()) {
      return false;
    }
    String rearranged = iban.substring(4) + iban.substring(0, 4);
    StringBuilder numeric = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      numeric.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
    }
    return new BigInteger(numeric.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
  }

  /** The shape of a value: letters become A, digits 9, other characters stay; long values are cut at 32. */
  public static String shape(String value) {
    StringBuilder shape = new StringBuilder();
    for (int i = 0; i < value.length() && i < 32; i++) {
      char c = value.charAt(i);
      shape.append(Character.isLetter(c) ? 'A' : Character.isDigit(c) ? '9' : c);
    }
    if (value.length() > 32) {
      shape.append('…');
    }
    return shape.toString();
  }

  private static List<ValueCount> shapes(List<String> values) {
    Map<String, Long> counts = new HashMap<>();
    values.forEach(v -> counts.merge(shape(v), 1L, Long::sum));
    return counts.entrySet().stream()
        .map(e -> new ValueCount(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(ValueCount::count).reversed().thenComparing(ValueCount::value))
        .limit(5)
        .toList();
  }

  private static double share(List<String> values, Predicate<String> test) {
    return (double) values.stream().filter(test).count() / values.size();
  }
}
