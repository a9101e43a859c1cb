package io.flowforge.modeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.core.FlowForgeException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelGeneratorTest {
  private final ModelGenerator generator = new ModelGenerator();

  private static ModelSpec.Entity entity(GeneratedModel model, String name) {
    return model.spec().entities().stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + model.spec().entities().stream().map(ModelSpec.Entity::name).toList()));
  }

  @SuppressWarnings("unchecked")
  private static List<String> attributeNames(ModelSpec.Entity entity) {
    return ((List<Map<String, Object>>) entity.parameters().get("attributes")).stream()
        .map(a -> (String) a.get("name")).toList();
  }

  @Test
  void designsType2ProductDimensionWithCategoryAttributes_forSeedExample() {
    GeneratedModel model = generator.generate(
        new ModelRequest(ModelRequest.ModelStyle.KIMBALL, SampleSchemas.productAndCategory(), null));

    ModelSpec.Entity product = entity(model, "dim_product");
    assertEquals("kimball/scd2", product.pattern());
    assertTrue(attributeNames(product).containsAll(
        List.of("product_name", "description", "price", "category_name", "category_description")), attributeNames(product).toString());
    assertTrue(model.spec().entities().stream().noneMatch(e -> e.name().equals("dim_productcategory")),
        "productcategory folds into dim_product");
    entity(model, "dim_date");
    assertTrue(model.decisions().stream().anyMatch(d -> d.subject().equals("dim_product") && d.choice().equals("SCD type 2")
        && d.confidence() > 0 && !d.reason().isBlank()));
    assertTrue(model.files().keySet().stream().anyMatch(f -> f.startsWith("ddl/") && f.endsWith("dim_product.sql")));
    assertTrue(model.specYaml().contains("kimball/scd2"));
  }

  @Test
  void designsHubsLinkAndSatellites_forSeedDataVaultExample() {
    GeneratedModel model = generator.generate(
        new ModelRequest(ModelRequest.ModelStyle.DATA_VAULT, SampleSchemas.productAndCategory(), null));

    List<String> names = model.spec().entities().stream().map(ModelSpec.Entity::name).toList();
    assertEquals(
        List.of("hub_product", "hub_productcategory", "link_product_category", "sat_product_details", "sat_category_details"),
        names);
    assertEquals("category_hub_key", entity(model, "hub_productcategory").parameters().get("hub_key"));
    assertEquals(List.of("product_name", "description", "price"), attributeNames(entity(model, "sat_product_details")));
    assertEquals(List.of("category_name", "description"), attributeNames(entity(model, "sat_category_details")));
    assertEquals("Hub_Productcategory", entity(model, "hub_productcategory").label());
  }

  @Test
  void regeneratesAsType1WithChosenAttributes_whenOptionsChange() {
    ModelRequest.Options options =
        ModelRequest.Options.defaults().withScdType("product", 1).withAttributes("product", List.of("product_name", "productcategory.category_name"));

    GeneratedModel model = generator.generate(
        new ModelRequest(ModelRequest.ModelStyle.KIMBALL, SampleSchemas.productAndCategory(), options));

    ModelSpec.Entity product = entity(model, "dim_product");
    assertEquals("kimball/scd1", product.pattern());
    assertEquals(List.of("product_name", "category_name"), attributeNames(product));
  }

  @Test
  void refusesUnknownAttribute_withTheAvailableOnes() {
    ModelRequest.Options options = ModelRequest.Options.defaults().withAttributes("product", List.of("colour"));

    FlowForgeException error = assertThrows(FlowForgeException.class, () -> generator.generate(
        new ModelRequest(ModelRequest.ModelStyle.KIMBALL, SampleSchemas.productAndCategory(), options)));

    assertTrue(error.getMessage().contains("colour") && error.getMessage().contains("product_name"), error.getMessage());
  }

  @Test
  void flowGraphHasANodePerEntityAndEdgesToParents() {
    GeneratedModel model = generator.generate(
        new ModelRequest(ModelRequest.ModelStyle.DATA_VAULT, SampleSchemas.productAndCategory(), null));

    assertEquals(5, model.flow().nodes().size());
    assertTrue(model.flow().edges().stream().anyMatch(e -> e.source().equals("hub_product") && e.target().equals("link_product_category")));
    assertFalse(model.flow().nodes().stream().anyMatch(n -> n.type().equals("view")));
  }
}
