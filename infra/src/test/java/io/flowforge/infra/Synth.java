package io.flowforge.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;

/** Test support: apps that synthesize under target/ and plain navigation of the template JSON. */
final class Synth {
  private Synth() {}

  /** The Lambda jar the build just packaged; failsafe passes its path. */
  static Path lambdaJar() {
    return Path.of(System.getProperty("flowforge.lambdaJar", "../functions/target/flowforge-lambda.jar"));
  }

  /** An app writing its cloud assembly to {@code target/cdk-it/<name>} instead of a temp folder. */
  static App app(String name) {
    return App.Builder.create().outdir(outdir(name).toString()).build();
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
