package io.flowforge.dataset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A sample file uploaded into a workspace and its metadata. {@code rowCount} and {@code columns} are known
 * once the file has been validated ({@link DatasetStatus#READY}).
 *
 * @param fileName the name the user gave the file; shown to people, never used as a path
 * @param version optimistic-lock version
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Dataset(
    String id,
    String workspaceId,
    String name,
    String fileName,
    DatasetFormat format,
    DatasetStatus status,
    long sizeBytes,
    Long rowCount,
    List<Column> columns,
    Instant createdAt,
    long version) {

  public Dataset {
    columns = columns == null ? null : List.copyOf(columns);
  }

  /** This dataset after its file passed validation. */
  public Dataset ready(long actualSizeBytes, Inspection inspection) {
    return new Dataset(
        id, workspaceId, name, fileName, format, DatasetStatus.READY, actualSizeBytes,
        inspection.rowCount(), inspection.columns(), createdAt, version);
  }

  /** Where the file lives in the blob store; built from ids only, never from the user's file name. */
  public String blobKey() {
    return "workspaces/" + workspaceId + "/datasets/" + id + "/data." + format.wireName();
  }
}
