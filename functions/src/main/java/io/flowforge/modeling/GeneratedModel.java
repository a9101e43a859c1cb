package io.flowforge.modeling;

import java.util.List;
import java.util.Map;

/**
 * The output of one generation: the model spec, its YAML, the canvas graph, the rendered files and the
 * decisions with the reason and confidence of each.
 *
 * @param files rendered artifacts keyed by relative path ({@code ddl/010_hub_product.sql}, {@code model.yaml} …)
 */
public record GeneratedModel(
    ModelSpec spec,
    String specYaml,
    FlowGraph flow,
    Map<String, String> files,
    List<Decision> decisions) {}
