package io.flowforge.profiles;

import io.flowforge.suggest.Layer;
import java.util.List;
import java.util.Optional;

/** Port: suggestions per dataset and layer with the decisions people made on them. */
public interface SuggestionStore {
  /** The dataset's suggestions for one layer, in the order they were suggested. */
  List<StoredSuggestion> list(String workspaceId, String datasetId, Layer layer);

  /** The dataset's suggestions for every layer. */
  List<StoredSuggestion> listAll(String workspaceId, String datasetId);

  Optional<StoredSuggestion> find(String workspaceId, String datasetId, Layer layer, String kind);

  /**
   * Stores a suggestion. Version 0 creates it (a conflict if one exists); otherwise it replaces the stored
   * one only if that still has {@code suggestion.version()}, else a conflict. Returns it with its new
   * version.
   */
  StoredSuggestion save(String workspaceId, StoredSuggestion suggestion);

  /** Removes one suggestion; nothing happens if it is gone. */
  void delete(String workspaceId, String datasetId, Layer layer, String kind);
}
