package io.flowforge.modeling;

import java.time.Instant;

/**
 * The head of a saved model: what a listing shows. The versions hold the content.
 *
 * @param id derived from the workspace and the lower-cased name, so saving under one name addresses one model
 * @param name the name as it was last saved
 * @param style {@code kimball} or {@code data_vault}, of the latest version
 * @param latestVersion number of the newest version; the optimistic lock for adding the next one
 */
public record SavedModel(
    String id,
    String workspaceId,
    String name,
    String style,
    long latestVersion,
    Instant createdAt,
    Instant updatedAt) {

  /** This head moved to {@code version}, saved under {@code savedName} at {@code at}. */
  public SavedModel advancedTo(ModelVersion version, String savedName, Instant at) {
    return new SavedModel(id, workspaceId, savedName, version.model().spec().style(), version.version(), createdAt, at);
  }
}
