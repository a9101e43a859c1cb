package io.flowforge.modeling;

import java.util.List;
import java.util.Optional;

/**
 * Port: saved models and their versions, always addressed inside one workspace. A model is a head record
 * ({@link SavedModel}) plus immutable versions; the head's {@code latestVersion} is the optimistic lock.
 * Writes that would exceed the store's size limit for one version are refused with {@code
 * PAYLOAD_TOO_LARGE} before anything is written.
 */
public interface ModelStore {
  /**
   * Stores a new model whose first version is {@code first}, both or neither; a conflict when a model with
   * the same id already exists (someone else created it first).
   */
  SavedModel create(SavedModel model, ModelVersion first);

  /**
   * Stores {@code next} (numbered {@code expectedLatest + 1}) and moves the head to {@code head}, both or
   * neither, only if the stored head is still at {@code expectedLatest}; otherwise a conflict and nothing is
   * written.
   */
  SavedModel addVersion(SavedModel head, ModelVersion next, long expectedLatest);

  Optional<SavedModel> find(String workspaceId, String modelId);

  /** One version with its content. */
  Optional<ModelVersion> findVersion(String workspaceId, String modelId, long version);

  /** The workspace's models, most recently updated first. */
  List<SavedModel> list(String workspaceId);

  /** The versions of one model without their content, oldest first; empty when the model does not exist. */
  List<ModelVersion.Summary> versions(String workspaceId, String modelId);
}
