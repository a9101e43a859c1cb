package io.flowforge.modeling;

import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.dataset.Dataset;
import io.flowforge.dataset.DatasetService;
import io.flowforge.profiling.SchemaAnalyzer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@link SourceLoader} over a workspace's uploaded datasets: each file is copied under a table name derived
 * from the dataset's name and the set is profiled together, so keys and relationships are inferred across
 * the chosen datasets exactly as {@code flowforge model} does for local files.
 */
public final class WorkspaceSources implements SourceLoader {
  private final DatasetService datasets;
  private final Path scratch;

  public WorkspaceSources(DatasetService datasets, Path scratch) {
    this.datasets = datasets;
    this.scratch = scratch;
  }

  @Override
  public SourceSchema load(Caller caller, String workspaceId, List<String> datasetIds) {
    Path folder = createFolder();
    try {
      List<Path> files = new ArrayList<>();
      Map<String, String> tableOwners = new HashMap<>();
      for (String datasetId : datasetIds) {
        Dataset dataset = datasets.get(caller, workspaceId, datasetId);
        String table = tableName(dataset.name());
        String clash = tableOwners.putIfAbsent(table, dataset.name());
        if (clash != null) {
          throw FlowForgeException.invalid(
              "/datasetIds",
              "Datasets '" + clash + "' and '" + dataset.name() + "' both become table '" + table
                  + "'; rename one of them or choose only one.");
        }
        Path target = folder.resolve(table + "." + dataset.format().wireName());
        datasets.withFile(caller, workspaceId, datasetId, path -> copy(path, target));
        files.add(target);
      }
      return ProfiledSource.from(workspaceId, SchemaAnalyzer.analyze(files));
    } finally {
      delete(folder);
    }
  }

  /**
   * A safe table name from a display name: ASCII letters, digits and underscores, lower case. Display names
   * may hold anything people type; the generator validates identifiers again before rendering.
   */
  public static String tableName(String displayName) {
    String name = displayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      name = "t_" + name;
    }
    return name.length() > 100 ? name.substring(0, 100) : name;
  }

  private Path createFolder() {
    try {
      Files.createDirectories(scratch);
      return Files.createTempDirectory(scratch, "model-sources-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path copy(Path from, Path to) {
    try {
      return Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void delete(Path folder) {
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
