package io.flowforge.profiles;

import io.flowforge.dataset.DatasetFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Gives a dataset's local file the extension of its format: the engine reads the format from the name, and
 * a blob store's local copy may carry a neutral one ({@code blob-123.data}).
 */
final class DatasetFiles {
  private DatasetFiles() {}

  /** A path to the file under a name ending in the format's extension; close to remove any link made. */
  record Named(Path path, Path linkFolder) implements AutoCloseable {
    @Override
    public void close() {
      if (linkFolder == null) {
        return;
      }
      try {
        Files.deleteIfExists(path);
        Files.deleteIfExists(linkFolder);
      } catch (IOException e) {
        // A leftover link in the temp folder points at a file that is deleted anyway; nothing is lost.
      }
    }
  }

  static Named named(Path file, DatasetFormat format) {
    String extension = "." + format.wireName();
    if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(extension)) {
      return new Named(file, null);
    }
    try {
      Path folder = Files.createTempDirectory("flowforge-dataset");
      return new Named(Files.createSymbolicLink(folder.resolve("data" + extension), file.toAbsolutePath()), folder);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
