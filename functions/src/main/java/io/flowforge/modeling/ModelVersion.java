package io.flowforge.modeling;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One immutable version of a saved model: the generated model as it was saved and, when known, how it was
 * generated, so it can be regenerated with a changed parameter.
 *
 * @param version 1, 2, … in the order they were saved
 * @param source the generation request behind the model; null when the model came from elsewhere
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelVersion(
    String modelId,
    String workspaceId,
    long version,
    String contentHash,
    Instant createdAt,
    GeneratedModel model,
    ModelSource source) {

  /** The version without its content, for listings. */
  public Summary summary() {
    return new Summary(version, contentHash, createdAt);
  }

  /** A version as listed: number, content hash and when it was saved. */
  public record Summary(long version, String contentHash, Instant createdAt) {}
}
