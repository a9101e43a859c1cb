package io.flowforge.assistant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.modeling.GeneratedModel;
import io.flowforge.modeling.ModelGenerator;
import io.flowforge.modeling.ModelRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** generate_yaml_metadata and generate_templates on a Kimball model of the AdventureWorks-shaped catalog. */
class ModelArtifactToolsTest {
  private static final ToolRegistry REGISTRY = StandardTools.registry();
  private static final ToolContext CONTEXT = ToolContext.of(TestCatalogs.adventureWorks());
  private static GeneratedModel model;

  @BeforeAll
  static void generate() {
    model = new ModelGenerator().generate(new ModelRequest(ModelRequest.ModelStyle.KIMBALL,
        PatternAdviceTools.byColumnNames("ws-test", TestCatalogs.tables()), ModelRequest.Options.defaults()));
  }

  @Test
  void writesTheSameModelYamlAsTheModelZip() {
    JsonNode result = REGISTRY.call(CONTEXT, "generate_yaml_metadata", input(ModelingTools.toJson(model)));

    assertEquals("model.yaml", result.path("path").asText());
    assertEquals(model.files().get("model.yaml"), result.path("content").asText());
    assertTrue(result.path("content").asText().contains("kimball/transaction_fact"));
  }

  @Test
  void rendersOnlyTheAskedTemplateKinds_exactlyAsTheGeneratorDoes() {
    JsonNode ddlOnly = REGISTRY.call(CONTEXT, "generate_templates", input(ModelingTools.toJson(model)));
    ObjectNode testsAndDml = input(ModelingTools.toJson(model));
    testsAndDml.putArray("template_types").add("test").add("dml");
    JsonNode tests = REGISTRY.call(CONTEXT, "generate_templates", testsAndDml);

    List<String> defaultPaths = paths(ddlOnly);
    assertTrue(defaultPaths.stream().anyMatch(p -> p.startsWith("ddl/")), defaultPaths.toString());
    assertTrue(defaultPaths.stream().anyMatch(p -> p.startsWith("etl/")), defaultPaths.toString());
    assertTrue(defaultPaths.stream().allMatch(p -> p.startsWith("ddl/") || p.startsWith("etl/")), defaultPaths.toString());
    for (JsonNode file : ddlOnly.path("files")) {
      assertEquals(model.files().get(file.path("path").asText()), file.path("content").asText());
    }
    List<String> testPaths = paths(tests);
    assertTrue(testPaths.stream().anyMatch(p -> p.startsWith("test/")), testPaths.toString());
    assertTrue(testPaths.stream().anyMatch(p -> p.startsWith("etl/")), "dml selects the load scripts");
    assertFalse(testPaths.stream().anyMatch(p -> p.startsWith("ddl/")));
  }

  @Test
  void rejectsSomethingThatIsNotAModel_atTheModelField() {
    FlowForgeException error = assertThrows(FlowForgeException.class,
        () -> REGISTRY.call(CONTEXT, "generate_yaml_metadata", ToolRegistryTest.json("{\"model\":{\"tables\":[]}}")));

    assertEquals("/model/spec/entities", error.pointer());
    assertTrue(error.getMessage().contains("generate_dimensional_model"), error.getMessage());
  }

  @Test
  void rejectsAHostileEntityNameAndParameter_namingTheEntity() {
    ObjectNode badName = input(ModelingTools.toJson(model));
    ((ObjectNode) badName.at("/model/spec/entities/1")).put("name", "x; DROP TABLE y");
    ObjectNode badParameter = input(ModelingTools.toJson(model));
    ObjectNode parameters = (ObjectNode) badParameter.at("/model/spec/entities/1/parameters");
    parameters.put("target", "mart.x`; DROP TABLE y; --");

    FlowForgeException name = assertThrows(FlowForgeException.class,
        () -> REGISTRY.call(CONTEXT, "generate_templates", badName));
    FlowForgeException parameter = assertThrows(FlowForgeException.class,
        () -> REGISTRY.call(CONTEXT, "generate_templates", badParameter));

    assertEquals("/model/spec/entities/1/name", name.pointer());
    assertTrue(parameter.pointer().startsWith("/model/spec/entities/1/parameters"), parameter.pointer());
    assertTrue(parameter.getMessage().contains(badParameter.at("/model/spec/entities/1/name").asText()), parameter.getMessage());
  }

  private static ObjectNode input(ObjectNode model) {
    ObjectNode input = Json.mapper().createObjectNode();
    input.set("model", model);
    return input;
  }

  private static List<String> paths(JsonNode result) {
    List<String> paths = new ArrayList<>();
    result.path("files").forEach(f -> paths.add(f.path("path").asText()));
    return paths;
  }
}
