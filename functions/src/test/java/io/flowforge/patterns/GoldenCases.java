package io.flowforge.patterns;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The golden cases kept beside each pattern ({@code patterns/<category>/<pattern>/cases/<name>/}): an {@code
 * input.yaml} with the render parameters, the expected files, and for the Spark suite a {@code setup.sql}
 * creating sample source tables.
 */
public record GoldenCases(Path folder, String pattern, Map<String, Object> parameters) {

  /** The library folder in the source tree (tests run from the functions module). */
  public static Path libraryRoot() {
    Path root = Path.of("..", "patterns").toAbsolutePath().normalize();
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("patterns/ not found at " + root);
    }
    return root;
  }

  public static List<GoldenCases> all() {
    try (Stream<Path> files = Files.walk(libraryRoot())) {
      return files
          .filter(path -> path.getFileName().toString().equals("input.yaml"))
          .filter(path -> path.getParent().getParent().getFileName().toString().equals("cases"))
          .sorted()
          .map(GoldenCases::read)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("unchecked")
  static GoldenCases read(Path input) {
    try {
      String text = Files.readString(input, StandardCharsets.UTF_8);
      Map<String, Object> data = (Map<String, Object>) PatternYaml.parse(input.toString(), text).data();
      return new GoldenCases(
          input.getParent(), (String) data.get("pattern"), (Map<String, Object>) data.get("parameters"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code data_vault/hub/product}: how test reports name the case. */
  public String name() {
    return pattern + "/" + folder.getFileName();
  }

  public Path expected() {
    return folder.resolve("expected");
  }

  /** The statements of {@code setup.sql}, or none. */
  public String setupSql() {
    Path setup = folder.resolve("setup.sql");
    try {
      return Files.exists(setup) ? Files.readString(setup, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
