package io.flowforge.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import software.amazon.awscdk.App;

/** Test support: apps that synthesize under target/ and plain navigation of the template JSON. */
final class Synth {
  private Synth() {}

  /** The Lambda jar the build just packaged; failsafe passes its path. */
  static Path lambdaJar() {
    return Path.of(System.getProperty("flowforge.lambdaJar", "../functions/target/flowforge-lambda.jar"));
  }

  /**
   * An app writing its cloud assembly to a fresh {@code target/cdk-it/<name>} instead of a temp folder, so
   * no report from an earlier run is mistaken for this one's.
   */
  static App app(String name) {
    Path outdir = outdir(name);
    deleteRecursively(outdir);
    return App.Builder.create().outdir(outdir.toString()).build();
  }

  /** A JSON file of a cloud assembly, e.g. the validation report. */
  static JsonNode readJson(Path file) {
    try {
      return new ObjectMapper().readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteRecursively(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path outdir(String name) {
    return Path.of("target", "cdk-it", name).toAbsolutePath();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List<?> ? (List<Object>) value : List.of(value);
  }

  static Map<String, Object> properties(Map<String, Object> resource) {
    return map(resource.get("Properties"));
  }

  /** The logical id a {@code {"Ref": id}} or {@code {"Fn::GetAtt": [id, attr]}} points at. */
  static String target(Object reference) {
    Map<String, Object> ref = map(reference);
    if (ref.containsKey("Ref")) {
      return (String) ref.get("Ref");
    }
    return (String) list(ref.get("Fn::GetAtt")).get(0);
  }
}
