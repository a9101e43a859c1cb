package io.flowforge.dataset;

import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Ids;
import io.flowforge.core.Names;
import io.flowforge.core.ProblemType;
import io.flowforge.workspace.WorkspaceService;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * Registers datasets, validates their uploaded files and serves their metadata, always inside a
 * workspace the caller is a member of. A file that fails validation takes its dataset and blob with it,
 * so nothing half-made is left behind.
 */
public final class DatasetService {
  private final WorkspaceService workspaces;
  private final DatasetStore store;
  private final BlobStore blobs;
  private final DatasetInspector inspector;
  private final Limits limits;
  private final Clock clock;

  /**
   * Upload limits.
   *
   * @param maxUploadBytes largest file accepted
   * @param maxColumns most columns a file may have
   * @param uploadUrlTtl how long an upload URL stays valid
   */
  public record Limits(long maxUploadBytes, int maxColumns, Duration uploadUrlTtl) {}

  public DatasetService(
      WorkspaceService workspaces,
      DatasetStore store,
      BlobStore blobs,
      DatasetInspector inspector,
      Limits limits,
      Clock clock) {
    this.workspaces = workspaces;
    this.store = store;
    this.blobs = blobs;
    this.inspector = inspector;
    this.limits = limits;
    this.clock = clock;
  }

  public DatasetUpload create(Caller caller, String workspaceId, CreateDatasetRequest request) {
    workspaces.requireMember(caller, workspaceId);
    String name = Names.require("/name", "Dataset name", request.name());
    String fileName = FileNames.require("/fileName", request.fileName());
    DatasetFormat format = DatasetFormat.parse("/format", request.format());
    long sizeBytes = requireSize(request.sizeBytes());
    Dataset dataset =
        store.create(
            new Dataset(
                Ids.newId("ds"), workspaceId, name, fileName, format, DatasetStatus.PENDING_UPLOAD,
                sizeBytes, null, null, clock.instant().truncatedTo(ChronoUnit.MILLIS), 0));
    return new DatasetUpload(
        dataset, blobs.uploadTarget(dataset.blobKey(), sizeBytes, limits.uploadUrlTtl()));
  }

  /**
   * Validates the uploaded file and marks the dataset ready. If the file is missing, empty, too large or
   * unreadable, the dataset and its blob are removed and the reason is reported.
   */
  public Dataset complete(Caller caller, String workspaceId, String datasetId) {
    Dataset dataset = get(caller, workspaceId, datasetId);
    if (dataset.status() == DatasetStatus.READY) {
      return dataset;
    }
    Dataset validated;
    try {
      validated = validate(dataset);
    } catch (FlowForgeException refused) {
      discard(dataset);
      throw refused;
    }
    return store.update(validated);
  }

  public Dataset get(Caller caller, String workspaceId, String datasetId) {
    workspaces.requireMember(caller, workspaceId);
    if (!Ids.isWellFormed(datasetId)) {
      throw notFound(datasetId);
    }
    return store.find(workspaceId, datasetId).orElseThrow(() -> notFound(datasetId));
  }

  public List<Dataset> list(Caller caller, String workspaceId) {
    workspaces.requireMember(caller, workspaceId);
    return store.list(workspaceId);
  }

  public void delete(Caller caller, String workspaceId, String datasetId) {
    discard(get(caller, workspaceId, datasetId));
  }

  /**
   * Runs {@code reader} on a local copy of a ready dataset's file; how other features (profiling,
   * suggestions) read the data.
   */
  public <T> T withFile(Caller caller, String workspaceId, String datasetId, Function<Path, T> reader) {
    Dataset dataset = get(caller, workspaceId, datasetId);
    if (dataset.status() != DatasetStatus.READY) {
      throw new FlowForgeException(
          ProblemType.CONFLICT,
          "Dataset " + datasetId + " has no validated file yet. Upload it and call complete first.");
    }
    try (BlobStore.LocalCopy copy = blobs.localCopy(dataset.blobKey())) {
      return reader.apply(copy.path());
    }
  }

  private Dataset validate(Dataset dataset) {
    long size =
        blobs
            .size(dataset.blobKey())
            .orElseThrow(
                () ->
                    new FlowForgeException(
                        ProblemType.UNPROCESSABLE,
                        "No file was uploaded for this dataset, so it was removed. Create the dataset"
                            + " again, PUT the file to upload.url, then call complete."));
    if (size == 0) {
      throw new FlowForgeException(ProblemType.UNPROCESSABLE, "The uploaded file is empty. Upload a file with data.");
    }
    if (size > limits.maxUploadBytes()) {
      throw tooLarge(size, null);
    }
    try (BlobStore.LocalCopy copy = blobs.localCopy(dataset.blobKey())) {
      return dataset.ready(size, inspector.inspect(copy.path(), dataset.format(), limits.maxColumns()));
    }
  }

  private void discard(Dataset dataset) {
    blobs.delete(dataset.blobKey());
    store.delete(dataset.workspaceId(), dataset.id());
  }

  private long requireSize(Long sizeBytes) {
    if (sizeBytes == null) {
      throw FlowForgeException.invalid("/sizeBytes", "sizeBytes is required: the file size in bytes.");
    }
    if (sizeBytes <= 0) {
      throw FlowForgeException.invalid("/sizeBytes", "sizeBytes must be positive; empty files are refused.");
    }
    if (sizeBytes > limits.maxUploadBytes()) {
      throw tooLarge(sizeBytes, "/sizeBytes");
    }
    return sizeBytes;
  }

  private FlowForgeException tooLarge(long size, String pointer) {
    return new FlowForgeException(
        ProblemType.PAYLOAD_TOO_LARGE,
        "The file is " + size + " bytes; the limit is " + limits.maxUploadBytes()
            + " bytes. Upload a smaller sample.",
        pointer,
        null);
  }

  private static FlowForgeException notFound(String datasetId) {
    return FlowForgeException.notFound("Dataset " + Ids.printable(datasetId));
  }
}
