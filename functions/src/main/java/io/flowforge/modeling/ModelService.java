package io.flowforge.modeling;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Ids;
import io.flowforge.core.Json;
import io.flowforge.core.Names;
import io.flowforge.core.ProblemType;
import io.flowforge.workspace.WorkspaceService;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Generates models from a workspace's datasets and saves them as versions. The server always regenerates
 * from the request (datasets, style, options) and never stores SQL a client sent, so a saved model is
 * exactly what the pattern library renders. Saving is idempotent: the same content under the same name
 * returns the latest version unchanged instead of adding a copy.
 */
public final class ModelService {
  /** Most datasets one model is designed from; each is profiled on every generation. */
  public static final int MAX_DATASETS = 50;
  /** A concurrent save moves the head; re-read and retry this often before giving up with a conflict. */
  private static final int SAVE_ATTEMPTS = 3;

  private final WorkspaceService workspaces;
  private final SourceLoader sources;
  private final ModelGenerator generator;
  private final ModelStore store;
  private final Clock clock;

  public ModelService(
      WorkspaceService workspaces, SourceLoader sources, ModelGenerator generator, ModelStore store, Clock clock) {
    this.workspaces = workspaces;
    this.sources = sources;
    this.generator = generator;
    this.store = store;
    this.clock = clock;
  }

  /** How a save ended: a new model, a new version of an existing one, or nothing changed. */
  public enum SaveOutcome {
    CREATED,
    NEW_VERSION,
    UNCHANGED
  }

  /** The saved head, the version the save resolved to and whether anything was written. */
  public record SaveResult(SavedModel model, ModelVersion version, SaveOutcome outcome) {}

  /** Designs and renders a model from the workspace's datasets without saving it. */
  public GeneratedModel generate(Caller caller, String workspaceId, ModelSource source) {
    workspaces.requireMember(caller, workspaceId);
    return generateChecked(caller, workspaceId, source);
  }

  /**
   * Regenerates the model from {@code source} and saves it under {@code name}: a new model, a new version
   * when the content differs from the latest version, or the latest version unchanged.
   */
  public SaveResult save(Caller caller, String workspaceId, String name, ModelSource source) {
    workspaces.requireMember(caller, workspaceId);
    String modelName = Names.require("/name", "Model name", name);
    GeneratedModel model = generateChecked(caller, workspaceId, source);
    String hash = contentHash(model, source);
    String modelId = modelId(workspaceId, modelName);
    FlowForgeException conflict = null;
    for (int attempt = 0; attempt < SAVE_ATTEMPTS; attempt++) {
      try {
        return saveOnce(workspaceId, modelId, modelName, model, source, hash);
      } catch (FlowForgeException e) {
        if (e.type() != ProblemType.CONFLICT) {
          throw e;
        }
        conflict = e;
      }
    }
    throw conflict;
  }

  public List<SavedModel> list(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    return store.list(workspaceId);
  }

  public SavedModel get(Caller caller, String workspaceId, String modelId) {
    workspaces.requireMember(caller, workspaceId);
    return findModel(workspaceId, modelId).orElseThrow(() -> modelNotFound(modelId));
  }

  /** The model's versions without content, oldest first. */
  public List<ModelVersion.Summary> versions(Caller caller, String workspaceId, String modelId) {
    get(caller, workspaceId, modelId);
    return store.versions(workspaceId, modelId);
  }

  public ModelVersion version(Caller caller, String workspaceId, String modelId, long version) {
    get(caller, workspaceId, modelId);
    return store
        .findVersion(workspaceId, modelId, version)
        .orElseThrow(
            () -> FlowForgeException.notFound("Version " + version + " of model " + Ids.printable(modelId)));
  }

  /** The id a model saved under {@code name} in the workspace has; names differing only in case share it. */
  public static String modelId(String workspaceId, String name) {
    return Ids.derived("mdl", workspaceId, name.strip().toLowerCase(Locale.ROOT));
  }

  private SaveResult saveOnce(
      String workspaceId, String modelId, String name, GeneratedModel model, ModelSource source, String hash) {
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    Optional<SavedModel> existing = store.find(workspaceId, modelId);
    if (existing.isEmpty()) {
      ModelVersion first = new ModelVersion(modelId, workspaceId, 1, hash, now, model, source);
      SavedModel head = new SavedModel(modelId, workspaceId, name, model.spec().style(), 1, now, now);
      return new SaveResult(store.create(head, first), first, SaveOutcome.CREATED);
    }
    SavedModel head = existing.get();
    ModelVersion latest =
        store
            .findVersion(workspaceId, modelId, head.latestVersion())
            .orElseThrow(() -> new IllegalStateException("model head points at a missing version"));
    if (latest.contentHash().equals(hash)) {
      return new SaveResult(head, latest, SaveOutcome.UNCHANGED);
    }
    ModelVersion next = new ModelVersion(modelId, workspaceId, head.latestVersion() + 1, hash, now, model, source);
    SavedModel moved = store.addVersion(head.advancedTo(next, name, now), next, head.latestVersion());
    return new SaveResult(moved, next, SaveOutcome.NEW_VERSION);
  }

  private GeneratedModel generateChecked(Caller caller, String workspaceId, ModelSource source) {
    if (source == null || source.style() == null) {
      throw FlowForgeException.invalid("/style", "Choose a model style: kimball or data_vault.");
    }
    List<String> ids = source.datasetIds();
    if (ids.isEmpty()) {
      throw FlowForgeException.invalid("/datasetIds", "Choose at least one dataset to design the model from.");
    }
    if (ids.size() > MAX_DATASETS) {
      throw FlowForgeException.invalid(
          "/datasetIds", ids.size() + " datasets were chosen; design a model from at most " + MAX_DATASETS + ".");
    }
    if (new HashSet<>(ids).size() != ids.size()) {
      throw FlowForgeException.invalid("/datasetIds", "A dataset is listed twice; list each dataset once.");
    }
    SourceSchema schema = sources.load(caller, workspaceId, ids);
    return generator.generate(new ModelRequest(source.style(), schema, source.options()));
  }

  private Optional<SavedModel> findModel(String workspaceId, String modelId) {
    return Ids.isWellFormed(modelId) ? store.find(workspaceId, modelId) : Optional.empty();
  }

  private static FlowForgeException modelNotFound(String modelId) {
    return FlowForgeException.notFound("Model " + Ids.printable(modelId));
  }

  /** SHA-256 of the content as stored (source and generated model as JSON), hex. */
  static String contentHash(GeneratedModel model, ModelSource source) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("source", source);
    content.put("model", model);
    try {
      byte[] json = Json.mapper().writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException("a generated model is always serialisable", e);
    }
  }
}
