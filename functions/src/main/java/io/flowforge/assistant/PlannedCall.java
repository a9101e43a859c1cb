package io.flowforge.assistant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * One tool call of a plan.
 *
 * @param tool the tool name
 * @param input the input known when planning
 * @param fromSteps input fields filled at run time with the result of an earlier step (by index), e.g.
 *     {@code model_spec} ← the model generated in step 2
 */
public record PlannedCall(String tool, ObjectNode input, Map<String, Integer> fromSteps) {
  public PlannedCall {
    fromSteps = Map.copyOf(fromSteps);
  }

  public PlannedCall(String tool, ObjectNode input) {
    this(tool, input, Map.of());
  }
}
