package io.flowforge.modeling;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ModelStore} in memory with the same optimistic lock as the DynamoDB one, for service tests that do
 * no I/O. {@link #beforeNextAddVersion} lets a test play a concurrent writer that moves the head first.
 */
final class InMemoryModelStore implements ModelStore {
  private final Map<String, SavedModel> heads = new ConcurrentHashMap<>();
  private final Map<String, ModelVersion> versions = new ConcurrentHashMap<>();
  private Runnable beforeNextAddVersion = () -> {};

  void beforeNextAddVersion(Runnable concurrentWriter) {
    this.beforeNextAddVersion = concurrentWriter;
  }

  @Override
  public synchronized SavedModel create(SavedModel model, ModelVersion first) {
    if (heads.putIfAbsent(key(model.workspaceId(), model.id()), model) != null) {
      throw new FlowForgeException(ProblemType.CONFLICT, "created concurrently");
    }
    versions.put(versionKey(first.workspaceId(), first.modelId(), first.version()), first);
    return model;
  }

  @Override
  public SavedModel addVersion(SavedModel head, ModelVersion next, long expectedLatest) {
    Runnable writer = beforeNextAddVersion;
    beforeNextAddVersion = () -> {};
    writer.run();
    synchronized (this) {
      SavedModel stored = heads.get(key(head.workspaceId(), head.id()));
      if (stored == null || stored.latestVersion() != expectedLatest) {
        throw new FlowForgeException(ProblemType.CONFLICT, "the head moved");
      }
      heads.put(key(head.workspaceId(), head.id()), head);
      versions.put(versionKey(next.workspaceId(), next.modelId(), next.version()), next);
      return head;
    }
  }

  @Override
  public Optional<SavedModel> find(String workspaceId, String modelId) {
    return Optional.ofNullable(heads.get(key(workspaceId, modelId)));
  }

  @Override
  public Optional<ModelVersion> findVersion(String workspaceId, String modelId, long version) {
    return Optional.ofNullable(versions.get(versionKey(workspaceId, modelId, version)));
  }

  @Override
  public List<SavedModel> list(String workspaceId) {
    return heads.values().stream()
        .filter(m -> m.workspaceId().equals(workspaceId))
        .sorted(Comparator.comparing(SavedModel::updatedAt).reversed())
        .toList();
  }

  @Override
  public List<ModelVersion.Summary> versions(String workspaceId, String modelId) {
    List<ModelVersion.Summary> found = new ArrayList<>();
    versions.values().stream()
        .filter(v -> v.workspaceId().equals(workspaceId) && v.modelId().equals(modelId))
        .sorted(Comparator.comparingLong(ModelVersion::version))
        .forEach(v -> found.add(v.summary()));
    return found;
  }

  private static String key(String workspaceId, String modelId) {
    return workspaceId + "/" + modelId;
  }

  private static String versionKey(String workspaceId, String modelId, long version) {
    return key(workspaceId, modelId) + "/" + version;
  }
}
