package io.flowforge.assistant;

import java.util.List;

/**
 * The offline architect's reading of a message: the tool calls to make, and the request they serve.
 *
 * @param intent what the message asks for
 * @param calls tool calls in order; later calls may take earlier results as input
 * @param request the model request after this message, or null when the message designs nothing
 * @param note what to tell the user when no tool can help (a question back, or what the architect can do)
 */
public record Plan(Intent intent, List<PlannedCall> calls, ModelRequest request, String note) {
  public Plan {
    calls = List.copyOf(calls);
  }

  public List<String> toolNames() {
    return calls.stream().map(PlannedCall::tool).toList();
  }

  public PlannedCall call(String tool) {
    return calls.stream()
        .filter(c -> c.tool().equals(tool))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("The plan has no call to " + tool + ": " + toolNames()));
  }
}
