package io.flowforge.dataset;

import java.util.List;
import java.util.Optional;

/** Port: dataset metadata, always addressed inside one workspace. */
public interface DatasetStore {
  /** Stores a new dataset; returns it with its stored version. */
  Dataset create(Dataset dataset);

  /**
   * Replaces a dataset if nobody changed it since it was read ({@code dataset.version()}); otherwise a
   * conflict. Returns it with its new version.
   */
  Dataset update(Dataset dataset);

  Optional<Dataset> find(String workspaceId, String datasetId);

  /** Datasets of the workspace, oldest first. */
  List<Dataset> list(String workspaceId);

  /** Removes the dataset and everything kept under it (profiles, suggestions); nothing happens if it is gone. */
  void delete(String workspaceId, String datasetId);
}
