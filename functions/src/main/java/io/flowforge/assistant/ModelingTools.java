package io.flowforge.assistant;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.flowforge.modeling.Decision;
import io.flowforge.modeling.FlowLayout;
import io.flowforge.modeling.GeneratedModel;
import io.flowforge.modeling.ModelGenerator;
import io.flowforge.modeling.ModelRequest;
import io.flowforge.modeling.ModelSpec;
import io.flowforge.modeling.ProfiledSource;
import io.flowforge.modeling.SourceSchema;
import io.flowforge.patterns.Identifiers;
import io.flowforge.profiling.SchemaAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
        .register("generate_reactflow_nodes", ModelingTools::reactflow)
        .register("generate_yaml_metadata", (context, input) -> yamlMetadata(input))
        .register("generate_templates", (context, input) -> templates(generator, input));
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
    return toJson(model);
  }

  /** A generated model as the generate_* tools return it and generate_yaml_metadata / generate_templates take it. */
  static ObjectNode toJson(GeneratedModel model) {
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

  /** The model.yaml the model zip carries, written by the generator's own writer. */
  static JsonNode yamlMetadata(JsonNode input) {
    ModelSpec spec = spec(input.path("model"));
    List<Decision> decisions = decisions(input.path("model").path("decisions"));
    return Json.mapper().createObjectNode().put("path", "model.yaml").put("content", ModelGenerator.toYaml(spec, decisions));
  }

  /**
   * The model's entities rendered with their library patterns, only the asked kinds. The library's load scripts
   * (MERGE / INSERT) are its DML, so {@code dml} and {@code etl} both select them.
   */
  static JsonNode templates(ModelGenerator generator, JsonNode input) {
    ModelSpec spec = spec(input.path("model"));
    Set<String> kinds = new LinkedHashSet<>();
    input.path("template_types").forEach(t -> kinds.add(t.asText().equals("dml") ? "etl" : t.asText()));
    if (kinds.isEmpty()) {
      kinds.addAll(List.of("ddl", "etl"));
    }
    Map<String, String> rendered = renderNamingTheEntity(generator, spec);
    ObjectNode result = Json.mapper().createObjectNode();
    result.set("template_types", Json.mapper().valueToTree(kinds));
    ArrayNode files = result.putArray("files");
    rendered.forEach((path, content) -> {
      if (kinds.contains(path.substring(0, path.indexOf('/')))) {
        files.addObject().put("path", path).put("content", content);
      }
    });
    return result;
  }

  /** Renders the spec; a parameter the pattern rejects is reported at that entity's parameters. */
  private static Map<String, String> renderNamingTheEntity(ModelGenerator generator, ModelSpec spec) {
    try {
      return generator.render(spec);
    } catch (FlowForgeException e) {
      for (int i = 0; i < spec.entities().size(); i++) {
        ModelSpec.Entity entity = spec.entities().get(i);
        try {
          generator.render(new ModelSpec(spec.style(), spec.targetSchema(), List.of(entity)));
        } catch (FlowForgeException broken) {
          String at = broken.pointer() == null ? "" : broken.pointer();
          throw FlowForgeException.invalid(ENTITIES + "/" + i + "/parameters" + at,
              "Entity '" + entity.name() + "' (" + entity.pattern() + "): " + broken.getMessage());
        }
      }
      throw e;
    }
  }

  private static final String ENTITIES = "/model/spec/entities";

  /**
   * The spec of a model returned by a generate_* tool (its {@code spec}), checked enough to render: named
   * entities, each with a library pattern and parameters.
   */
  static ModelSpec spec(JsonNode model) {
    JsonNode spec = model.path("spec");
    if (!spec.path("entities").isArray() || spec.path("entities").isEmpty()) {
      throw FlowForgeException.invalid(ENTITIES,
          "model must be a model returned by generate_dimensional_model or generate_data_vault_model, with its"
              + " spec.entities.");
    }
    List<ModelSpec.Entity> entities = new ArrayList<>();
    int i = 0;
    for (JsonNode node : spec.path("entities")) {
      String at = ENTITIES + "/" + i++;
      ModelSpec.Entity entity;
      try {
        entity = Json.mapper().convertValue(node, ModelSpec.Entity.class);
      } catch (IllegalArgumentException e) {
        throw FlowForgeException.invalid(at, "This entity is not shaped like a generated model's entity (name, kind,"
            + " pattern, parameters, columns); pass the model exactly as a generate_* tool returned it.");
      }
      if (entity == null || entity.name() == null || entity.pattern() == null || !node.path("parameters").isObject()) {
        throw FlowForgeException.invalid(at, "Each entity needs a name, a library pattern and its parameters.");
      }
      try {
        Identifiers.requireValid("Entity name", entity.name());
      } catch (FlowForgeException e) {
        throw FlowForgeException.invalid(at + "/name", e.getMessage());
      }
      entities.add(new ModelSpec.Entity(entity.name(), entity.kind(), entity.pattern(), entity.label(),
          entity.parameters(), entity.loads() == null ? List.of() : entity.loads(),
          entity.dependsOn() == null ? List.of() : entity.dependsOn(),
          entity.columns() == null ? List.of() : entity.columns()));
    }
    return new ModelSpec(spec.path("style").asText(""), spec.path("targetSchema").asText(""), entities);
  }

  private static List<Decision> decisions(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    try {
      return Json.mapper().convertValue(node, new TypeReference<List<Decision>>() {});
    } catch (IllegalArgumentException e) {
      throw FlowForgeException.invalid("/model/decisions",
          "decisions must list {subject, choice, reason, confidence} as a generate_* tool returns them.");
    }
  }
}
