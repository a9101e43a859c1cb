package io.flowforge.conversation;

import io.flowforge.assistant.WorkspaceCatalog;
import io.flowforge.core.Caller;
import io.flowforge.dataset.BlobStore;
import io.flowforge.dataset.Dataset;
import io.flowforge.dataset.DatasetService;
import io.flowforge.dataset.DatasetStatus;
import io.flowforge.modeling.WorkspaceSources;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The catalog of a stored workspace: one table per ready dataset, named after the dataset (lower
 * case, letters, digits and underscores), with the columns and row count validation recorded and
 * the uploaded file as its data. The profiling engine names a table after its file, and every
 * upload is stored as {@code data.<format>}, so each file is linked into a scratch folder under its
 * table's name for as long as the catalog is open.
 */
public final class DatasetCatalogSource implements CatalogSource {
  private final DatasetService datasets;
  private final BlobStore blobs;
  private final Path scratch;

  /**
   * @param scratch folder under which each open catalog gets its own folder of named links
   */
  public DatasetCatalogSource(DatasetService datasets, BlobStore blobs, Path scratch) {
    this.datasets = datasets;
    this.blobs = blobs;
    this.scratch = scratch;
  }

  @Override
  public OpenCatalog open(Caller caller, String workspaceId, boolean allowSamples) {
    List<Dataset> ready =
        datasets.list(caller, workspaceId).stream()
            .filter(d -> d.status() == DatasetStatus.READY)
            .toList();
    List<WorkspaceCatalog.Table> tables = new ArrayList<>();
    Map<String, Path> files = new HashMap<>();
    List<BlobStore.LocalCopy> copies = new ArrayList<>();
    Path folder = null;
    try {
      folder = Files.createTempDirectory(Files.createDirectories(scratch), "catalog-");
      for (Dataset dataset : ready) {
        String name = tableName(dataset.name());
        // Two datasets may share a name; the assistant addresses tables by name, so the oldest one
        // wins.
        if (files.keySet().stream().anyMatch(name::equalsIgnoreCase)) {
          continue;
        }
        BlobStore.LocalCopy copy = blobs.localCopy(dataset.blobKey());
        copies.add(copy);
        Path named = folder.resolve(name + "." + dataset.format().wireName());
        Files.createSymbolicLink(named, copy.path().toAbsolutePath());
        files.put(name, named);
        tables.add(
            new WorkspaceCatalog.Table(
                name,
                dataset.rowCount(),
                dataset.columns().stream()
                    .map(c -> WorkspaceCatalog.Column.of(c.name(), c.type()))
                    .toList()));
      }
    } catch (IOException e) {
      close(copies, folder);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      close(copies, folder);
      throw e;
    }
    WorkspaceCatalog catalog = new WorkspaceCatalog(workspaceId, tables, allowSamples, files);
    Path linked = folder;
    return new OpenCatalog() {
      @Override
      public WorkspaceCatalog catalog() {
        return catalog;
      }

      @Override
      public void close() {
        DatasetCatalogSource.close(copies, linked);
      }
    };
  }

  /**
   * A dataset's table name: the one the saved-model service designs from too ({@link
   * WorkspaceSources#tableName}), so a suggestion applied to the canvas has the tables it showed.
   * It is also always a safe file name.
   */
  static String tableName(String datasetName) {
    return WorkspaceSources.tableName(datasetName);
  }

  private static void close(List<BlobStore.LocalCopy> copies, Path folder) {
    copies.forEach(BlobStore.LocalCopy::close);
    if (folder == null) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
