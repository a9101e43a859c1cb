package io.flowforge.assistant;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.flowforge.modeling.FlowLayout;
import io.flowforge.modeling.GeneratedModel;
import io.flowforge.modeling.ModelGenerator;
import io.flowforge.modeling.ModelRequest;
import io.flowforge.modeling.ModelSpec;
import io.flowforge.modeling.ProfiledSource;
import io.flowforge.modeling.SourceSchema;
import io.flowforge.profiling.SchemaAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The model-generator tools over {@link ModelGenerator}: a Kimball or Data Vault model designed from the
 * profiled source tables and rendered from the pattern library, and its canvas layout.
 */
public final class ModelingTools {
  private ModelingTools() {}

  public static ToolRegistry register(ToolRegistry registry, ModelGenerator generator) {
    return registry
        .register("generate_dimensional_model", (context, input) -> generate(generator, context, input, ModelRequest.ModelStyle.KIMBALL))
        .register("generate_data_vault_model", (context, input) -> generate(generator, context, input, ModelRequest.ModelStyle.DATA_VAULT))
        .register("generate_reactflow_nodes", ModelingTools::reactflow);
  }

  static JsonNode generate(ModelGenerator generator, ToolContext context, JsonNode input, ModelRequest.ModelStyle style) {
    if (input.has("dimension_attributes") || input.has("exclude_attributes") || input.has("business_keys") || input.has("relationships")) {
      throw new FlowForgeException(ProblemType.UNPROCESSABLE,
          "The model generator chooses attributes, business keys and relationships from the profiled data; "
              + "choosing them by hand is not supported yet. Call it again without dimension_attributes, "
              + "exclude_attributes, business_keys and relationships.");
    }
    List<Path> files = new ArrayList<>();
    for (JsonNode table : input.path("source_tables")) {
      String name = context.catalog().table(table.asText()).map(WorkspaceCatalog.Table::name)
          .orElseThrow(() -> CatalogTools.unknownTable(context, table.asText(), "/source_tables"));
      files.add(context.catalog().file(name).orElseThrow(() -> new FlowForgeException(ProblemType.UNPROCESSABLE,
          "Table '" + name + "' has no data file at hand to profile; upload its data to this workspace first.")));
    }
    SourceSchema source = ProfiledSource.from(context.workspaceId(), SchemaAnalyzer.analyze(files));
    GeneratedModel model = generator.generate(new ModelRequest(style, source, ModelRequest.Options.defaults()));
    if (input.has("scd_type") && style == ModelRequest.ModelStyle.KIMBALL) {
      // Entity names are the designer's; learn them from a first design, then ask for the type on each dimension.
      ModelRequest.Options options = ModelRequest.Options.defaults();
      for (ModelSpec.Entity entity : model.spec().entities()) {
        if (entity.pattern().startsWith("kimball/scd")) {
          options = options.withScdType(entity.name(), input.get("scd_type").asInt());
        }
      }
      model = generator.generate(new ModelRequest(style, source, options));
    }
    ObjectNode result = Json.mapper().createObjectNode();
    result.put("style", model.spec().style());
    result.set("spec", Json.mapper().valueToTree(model.spec()));
    result.put("spec_yaml", model.specYaml());
    result.set("flow", Json.mapper().valueToTree(model.flow()));
    result.set("files", Json.mapper().valueToTree(model.files()));
    result.set("decisions", Json.mapper().valueToTree(model.decisions()));
    return result;
  }

  static JsonNode reactflow(ToolContext context, JsonNode input) {
    JsonNode entities = input.path("model_spec").path("spec").path("entities");
    if (!entities.isArray()) {
      throw FlowForgeException.invalid("/model_spec", "model_spec must be a model returned by generate_dimensional_model or generate_data_vault_model.");
    }
    List<ModelSpec.Entity> list = Json.mapper().convertValue(entities, new TypeReference<List<ModelSpec.Entity>>() {});
    return Json.mapper().valueToTree(FlowLayout.layout(list));
  }
}
