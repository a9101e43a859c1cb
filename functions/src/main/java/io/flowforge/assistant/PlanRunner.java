package io.flowforge.assistant;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.FlowForgeException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** Runs a plan's tool calls through the registry, feeding earlier results into later inputs. */
public final class PlanRunner {
  private final ToolRegistry registry;

  public PlanRunner(ToolRegistry registry) {
    this.registry = registry;
  }

  public List<ToolOutcome> run(Plan plan, ToolContext context) {
    return run(plan, context, outcome -> {});
  }

  /** Runs the plan, handing each outcome to {@code onEach} as soon as its call ends (for streaming). */
  public List<ToolOutcome> run(Plan plan, ToolContext context, Consumer<ToolOutcome> onEach) {
    List<ToolOutcome> outcomes = new ArrayList<>();
    for (PlannedCall call : plan.calls()) {
      ToolOutcome outcome = runOne(call, outcomes, context);
      outcomes.add(outcome);
      onEach.accept(outcome);
    }
    return List.copyOf(outcomes);
  }

  private ToolOutcome runOne(PlannedCall call, List<ToolOutcome> earlier, ToolContext context) {
    ObjectNode input = call.input().deepCopy();
    if (!registry.has(call.tool())) {
      return new ToolOutcome(call.tool(), input, ToolOutcome.Status.UNAVAILABLE, null, "not available in this installation");
    }
    for (Map.Entry<String, Integer> from : call.fromSteps().entrySet()) {
      ToolOutcome source = earlier.get(from.getValue());
      if (!source.ok()) {
        return new ToolOutcome(call.tool(), input, ToolOutcome.Status.SKIPPED, null, "needs the result of " + source.tool());
      }
      input.set(from.getKey(), source.result());
    }
    try {
      return new ToolOutcome(call.tool(), input, ToolOutcome.Status.OK, registry.call(context, call.tool(), input), null);
    } catch (FlowForgeException e) {
      return new ToolOutcome(call.tool(), input, ToolOutcome.Status.FAILED, null, e.getMessage());
    }
  }
}
