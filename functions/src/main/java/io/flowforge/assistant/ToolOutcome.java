package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What happened to one tool call.
 *
 * @param tool the tool name
 * @param input the input it was called with (earlier results filled in)
 * @param status whether it ran
 * @param result the tool's result when it ran, else null
 * @param error why it did not run or failed, else null
 */
public record ToolOutcome(String tool, JsonNode input, Status status, JsonNode result, String error) {
  /** How a call ended. */
  public enum Status {
    OK,
    FAILED,
    /** No implementation is registered for this tool in this installation. */
    UNAVAILABLE,
    /** An earlier call it depends on did not succeed. */
    SKIPPED
  }

  public boolean ok() {
    return status == Status.OK;
  }
}
