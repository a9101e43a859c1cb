package io.flowforge.patterns;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Ranks library patterns by how many words of a need ("track history of product changes") their
 * description, when-to-use and tags mention. Shared by the patterns API and the assistant's
 * recommend_pattern tool so both answer alike.
 */
public final class PatternRecommender {
  private static final Set<String> STOP_WORDS = Set.of("a", "an", "the", "of", "for", "and", "or", "to", "with", "i");

  private PatternRecommender() {}

  /**
   * Patterns whose description, when-to-use and tags mention the words of {@code need}, best first; at most
   * {@code limit}, only patterns matching at least one word. The caller bounds the need's length.
   */
  public static List<PatternService.Recommendation> recommend(
      PatternLibrary library, String need, String category, int limit) {
    Set<String> words = words(need);
    List<PatternService.Recommendation> found = new ArrayList<>();
    for (PatternDefinition pattern : library.list()) {
      if (category != null && !category.isBlank() && !pattern.category().equalsIgnoreCase(category)) {
        continue;
      }
      Set<String> vocabulary = words(String.join(" ", pattern.id(), pattern.name(), pattern.description(),
          pattern.whenToUse(), String.join(" ", pattern.tags())));
      List<String> matched = words.stream().filter(w -> vocabulary.stream().anyMatch(v -> sameStem(w, v))).toList();
      if (!matched.isEmpty()) {
        double score = Math.round(1000.0 * matched.size() / words.size()) / 1000.0;
        found.add(new PatternService.Recommendation(pattern.id(), pattern.name(), score, matched, pattern.whenToUse()));
      }
    }
    found.sort(Comparator.comparingDouble(PatternService.Recommendation::score).reversed().thenComparing(PatternService.Recommendation::id));
    return found.subList(0, Math.min(Math.max(limit, 1), found.size()));
  }

  private static Set<String> words(String text) {
    Set<String> words = new TreeSet<>();
    for (String word : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
      if (word.length() > 1 && !STOP_WORDS.contains(word)) {
        words.add(word);
      }
    }
    return words;
  }

  /** "changes" matches "change", "historized" matches "history": a shared stem of five letters or the word. */
  private static boolean sameStem(String a, String b) {
    int stem = Math.min(5, Math.min(a.length(), b.length()));
    return a.equals(b) || (stem >= 4 && a.regionMatches(0, b, 0, stem) && Math.abs(a.length() - b.length()) <= 4);
  }
}
