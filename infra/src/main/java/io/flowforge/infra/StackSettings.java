package io.flowforge.infra;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the stack is built from on disk.
 *
 * @param lambdaJar the shaded deployment jar ({@code functions/target/flowforge-lambda.jar}); must exist
 * @param frontendDist the built web app, uploaded only when present
 * @param bedrockModelId the model or inference profile the assistant invokes on Bedrock; empty keeps the
 *     deployed assistant on the offline architect (the default: AI is opt-in)
 */
public record StackSettings(Path lambdaJar, Optional<Path> frontendDist, Optional<String> bedrockModelId) {
  /** Settings with the assistant on the offline architect. */
  public StackSettings(Path lambdaJar, Optional<Path> frontendDist) {
    this(lambdaJar, frontendDist, Optional.empty());
  }

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
