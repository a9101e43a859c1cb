package io.flowforge.assistant;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Finds the catalog names a person meant in free text, tolerating what people type: case, underscores,
 * dots, plurals, a name split into words ("product category") and typos ("prodcut categroy"). A name is
 * matched by a span of up to three adjacent words; overlapping candidates are resolved longest span first, then
 * closest, so "product category" means {@code productcategory}, not {@code product}.
 */
public final class NameMatcher {
  private static final int MAX_SPAN = 3;

  private NameMatcher() {}

  /** A name found in the text and the word span that named it. */
  public record Match(String name, int firstWord, int lastWord, int distance) {}

  /**
   * Names from {@code candidates} mentioned in {@code words}, in the order they appear in the text.
   *
   * @param words the text's words, lower case
   * @param ignored words that never start, end or sit inside a name (grammar and request keywords)
   */
  public static List<Match> find(List<String> words, List<String> candidates, Predicate<String> ignored) {
    List<Match> all = new ArrayList<>();
    for (int first = 0; first < words.size(); first++) {
      StringBuilder joined = new StringBuilder();
      for (int last = first; last < Math.min(words.size(), first + MAX_SPAN); last++) {
        if (ignored.test(words.get(last))) {
          break;
        }
        joined.append(words.get(last));
        Match best = closest(joined.toString(), candidates, first, last);
        if (best != null) {
          all.add(best);
        }
      }
    }
    all.sort(
        Comparator.comparingInt((Match m) -> m.firstWord() - m.lastWord())
            .thenComparingInt(Match::distance)
            .thenComparingInt(Match::firstWord));
    List<Match> chosen = new ArrayList<>();
    boolean[] used = new boolean[words.size()];
    for (Match m : all) {
      if (isFree(used, m) && chosen.stream().noneMatch(c -> c.name().equals(m.name()))) {
        chosen.add(m);
        for (int i = m.firstWord(); i <= m.lastWord(); i++) {
          used[i] = true;
        }
      }
    }
    addCompounds(words, candidates, ignored, used, chosen);
    chosen.sort(Comparator.comparingInt(Match::firstWord));
    return chosen;
  }

  /**
   * "product and category" names {@code productcategory} too: a leftover word that completes a name already
   * found into another candidate ({@code product} + {@code category}) names that candidate.
   */
  private static void addCompounds(
      List<String> words, List<String> candidates, Predicate<String> ignored, boolean[] used, List<Match> chosen) {
    List<String> found = chosen.stream().map(m -> local(m.name())).toList();
    for (int i = 0; i < words.size(); i++) {
      String word = words.get(i);
      if (used[i] || ignored.test(word) || word.length() < 4) {
        continue;
      }
      for (String candidate : candidates) {
        String name = local(candidate);
        boolean completes = found.stream().anyMatch(f -> name.equals(f + word) || name.equals(f + singular(word)));
        if (completes && chosen.stream().noneMatch(c -> c.name().equals(candidate))) {
          chosen.add(new Match(candidate, i, i, 1));
          used[i] = true;
          break;
        }
      }
    }
  }

  private static String local(String name) {
    return normalize(name.substring(name.lastIndexOf('.') + 1));
  }

  /** Lower case letters and digits only: {@code Production.Product_Category} → {@code productionproductcategory}. */
  public static String normalize(String name) {
    return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** The words of a text, lower case, split on anything that is not a letter or a digit. */
  public static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (!w.isEmpty()) {
        words.add(w);
      }
    }
    return words;
  }

  /** How many typos a name of this length tolerates; short names must match exactly. */
  static int tolerance(int length) {
    if (length <= 3) {
      return 0;
    }
    if (length <= 5) {
      return 1;
    }
    return length <= 10 ? 2 : 3;
  }

  private static Match closest(String typed, List<String> candidates, int first, int last) {
    Match best = null;
    for (String candidate : candidates) {
      int tolerance = tolerance(typed.length());
      int distance = Integer.MAX_VALUE;
      for (String form : forms(candidate)) {
        // Lengths further apart than the tolerance can never match: skip the quadratic comparison.
        if (Math.abs(form.length() - typed.length()) <= tolerance + 1) {
          distance = Math.min(distance, Math.min(distance(typed, form), distance(singular(typed), form)));
        }
      }
      if (distance <= tolerance && (best == null || distance < best.distance())) {
        best = new Match(candidate, first, last, distance);
      }
    }
    return best;
  }

  /** A schema-qualified name may be typed with or without its schema ({@code Production.Product}). */
  private static List<String> forms(String candidate) {
    String full = normalize(candidate);
    int dot = candidate.lastIndexOf('.');
    if (dot < 0) {
      return List.of(full, singular(full));
    }
    String local = normalize(candidate.substring(dot + 1));
    return List.of(full, local, singular(local));
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

  /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }

  private static boolean isFree(boolean[] used, Match m) {
    for (int i = m.firstWord(); i <= m.lastWord(); i++) {
      if (used[i]) {
        return false;
      }
    }
    return true;
  }
}
