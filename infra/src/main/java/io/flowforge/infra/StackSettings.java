package io.flowforge.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the stack is built from on disk.
 *
 * @param lambdaJar the shaded deployment jar ({@code functions/target/flowforge-lambda.jar}); must exist
 * @param frontendDist the built web app, uploaded only when present
 */
public record StackSettings(Path lambdaJar, Optional<Path> frontendDist) {
  public StackSettings {
    if (!Files.isRegularFile(lambdaJar)) {
      throw new IllegalArgumentException(
          "The Lambda jar "
              + lambdaJar.toAbsolutePath().normalize()
              + " does not exist. Build it first: mvn -B package -DskipTests -pl functions (from the"
              + " repository root).");
    }
    frontendDist = frontendDist.filter(Files::isDirectory);
  }
}
