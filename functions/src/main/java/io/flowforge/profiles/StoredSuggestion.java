package io.flowforge.profiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flowforge.suggest.Layer;
import io.flowforge.suggest.Suggestion;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A suggestion for one dataset and layer, with the person's decision on it.
 *
 * @param datasetId the dataset
 * @param layer bronze, silver or gold
 * @param kind what is suggested ({@code incremental_load}, {@code primary_key}, …); unique per layer
 * @param suggestion the suggested setting with its confidence, reasoning and alternatives
 * @param profileVersion the profile version the suggestion was made from
 * @param evidenceColumns the columns the suggestion rests on
 * @param status proposed, accepted, adjusted or rejected
 * @param override the person's setting when adjusted
 * @param decidedBy who decided
 * @param decidedAt when
 * @param changedSinceDecision whether a later profile changed a column this decision rests on
 * @param changedColumns those columns
 * @param version optimistic-lock version; 0 for a suggestion generated on the fly and not stored yet
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredSuggestion(
    String datasetId,
    Layer layer,
    String kind,
    Suggestion suggestion,
    int profileVersion,
    List<String> evidenceColumns,
    SuggestionStatus status,
    Map<String, Object> override,
    String decidedBy,
    Instant decidedAt,
    boolean changedSinceDecision,
    List<String> changedColumns,
    long version) {

  public StoredSuggestion {
    evidenceColumns = List.copyOf(evidenceColumns);
    changedColumns = List.copyOf(changedColumns);
  }

  /** A fresh proposal, not yet stored. */
  public static StoredSuggestion proposed(
      String datasetId, Layer layer, Suggestion suggestion, int profileVersion, List<String> evidenceColumns) {
    return new StoredSuggestion(
        datasetId, layer, suggestion.kind(), suggestion, profileVersion, evidenceColumns, SuggestionStatus.PROPOSED,
        null, null, null, false, List.of(), 0);
  }

  /** This suggestion after a person's decision; a decision clears the "changed since you decided" mark. */
  public StoredSuggestion decided(SuggestionStatus decision, Map<String, Object> setting, String subject, Instant at) {
    return new StoredSuggestion(
        datasetId, layer, kind, suggestion, profileVersion, evidenceColumns, decision, setting, subject, at, false,
        List.of(), version);
  }

  /** This decision marked for review: a later profile changed columns it rests on. */
  public StoredSuggestion changedSince(List<String> columns) {
    return new StoredSuggestion(
        datasetId, layer, kind, suggestion, profileVersion, evidenceColumns, status, override, decidedBy, decidedAt,
        true, columns, version);
  }

  /** The setting in force: the override when adjusted, the suggestion's value otherwise. */
  public Map<String, Object> effectiveValue() {
    return status == SuggestionStatus.ADJUSTED && override != null ? override : suggestion.value();
  }
}
