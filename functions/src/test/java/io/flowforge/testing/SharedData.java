package io.flowforge.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Locates the public datasets kept beside the project ({@code ../shared/data}) for tests and benchmarks.
 * They are read in place, never copied into the project.
 */
public final class SharedData {
  private SharedData() {}

  /** The {@code shared/data} folder, found by walking up from the working directory. */
  public static Path root() {
    String configured = System.getProperty("flowforge.shared.data");
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "shared/data not found above " + Path.of("").toAbsolutePath()
            + "; set -Dflowforge.shared.data=/path/to/shared/data");
  }

  public static Path resolve(String relative) {
    return root().resolve(relative);
  }
}
