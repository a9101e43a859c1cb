package io.flowforge.modeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.dataset.Dataset;
import io.flowforge.local.LocalServer;
import io.flowforge.local.LocalStack;
import io.flowforge.wiring.Settings;
import io.flowforge.workspace.CreateWorkspaceRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Saving models on the local stack (DynamoDB Local, the demo workspace's uploaded datasets): versions,
 * idempotency, case-insensitive names and tenancy.
 */
class ModelServiceIT {
  static final Caller DEV = new Caller(LocalServer.DEV_SUBJECT);
  static LocalStack stack;
  static ModelService models;
  static String workspaceId;
  static List<String> productAndCategory;

  @BeforeAll
  static void start() throws IOException {
    stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of("model-service-token")));
    models = stack.wiring().models();
    workspaceId = stack.demoWorkspaceId();
    Map<String, String> ids =
        stack.wiring().datasets().list(DEV, workspaceId).stream()
            .collect(java.util.stream.Collectors.toMap(Dataset::name, Dataset::id));
    productAndCategory = List.of(ids.get("product"), ids.get("productcategory"));
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static ModelSource kimball(ModelRequest.Options options) {
    return new ModelSource(productAndCategory, ModelRequest.ModelStyle.KIMBALL, options);
  }

  @Test
  void savingTheSameContentTwiceKeepsOneVersion_andAChangeAddsTheNext() {
    ModelService.SaveResult first = models.save(DEV, workspaceId, "Product star", kimball(null));
    ModelService.SaveResult again = models.save(DEV, workspaceId, "product STAR", kimball(null));
    ModelService.SaveResult typeOne =
        models.save(DEV, workspaceId, "Product star", kimball(ModelRequest.Options.defaults().withScdType("dim_product", 1)));

    assertEquals(ModelService.SaveOutcome.CREATED, first.outcome());
    assertEquals(ModelService.SaveOutcome.UNCHANGED, again.outcome());
    assertEquals(first.model().id(), again.model().id());
    assertEquals(1, again.version().version());
    assertEquals(first.version().contentHash(), again.version().contentHash());
    assertEquals(ModelService.SaveOutcome.NEW_VERSION, typeOne.outcome());
    assertEquals(2, typeOne.version().version());
    assertNotEquals(first.version().contentHash(), typeOne.version().contentHash());

    assertEquals(2, models.get(DEV, workspaceId, first.model().id()).latestVersion());
    assertEquals(List.of(1L, 2L), models.versions(DEV, workspaceId, first.model().id()).stream()
        .map(ModelVersion.Summary::version).toList());
    ModelVersion v1 = models.version(DEV, workspaceId, first.model().id(), 1);
    ModelVersion v2 = models.version(DEV, workspaceId, first.model().id(), 2);
    assertEquals("kimball/scd2", entity(v1.model(), "dim_product").pattern());
    assertEquals("kimball/scd1", entity(v2.model(), "dim_product").pattern());
    assertEquals(1, v2.source().options().scdTypes().get("dim_product"));
    assertTrue(models.list(DEV, workspaceId).stream().anyMatch(m -> m.id().equals(first.model().id())));
  }

  @Test
  void designsSeedExamplesFromTheDemoProductTables() {
    GeneratedModel star = models.generate(DEV, workspaceId, kimball(null));
    GeneratedModel vault =
        models.generate(DEV, workspaceId, new ModelSource(productAndCategory, ModelRequest.ModelStyle.DATA_VAULT, null));

    assertEquals("kimball/scd2", entity(star, "dim_product").pattern());
    assertTrue(star.spec().entities().stream().noneMatch(e -> e.name().equals("dim_productcategory")),
        "the category folds into the product dimension");
    List<String> vaultEntities = vault.spec().entities().stream().map(ModelSpec.Entity::name).toList();
    assertTrue(
        vaultEntities.containsAll(
            List.of("hub_product", "hub_productcategory", "link_product_category", "sat_product_details",
                "sat_category_details")),
        vaultEntities.toString());
  }

  @Test
  void anotherCallersWorkspaceAndUnknownIdsAreNotFound() {
    ModelService.SaveResult saved = models.save(DEV, workspaceId, "Tenancy check", kimball(null));
    Caller stranger = new Caller("someone-else");
    String theirs = stack.wiring().workspaces().create(stranger, new CreateWorkspaceRequest("Theirs")).id();

    assertNotFound(() -> models.get(stranger, workspaceId, saved.model().id()));
    assertNotFound(() -> models.save(stranger, workspaceId, "Tenancy check", kimball(null)));
    assertNotFound(() -> models.get(stranger, theirs, saved.model().id()));
    assertNotFound(() -> models.save(stranger, theirs, "Borrowed", kimball(null)));
    assertNotFound(() -> models.get(DEV, workspaceId, "mdl_nonexistentaaaaaaaaa"));
    assertNotFound(() -> models.version(DEV, workspaceId, saved.model().id(), 99));
    assertEquals(1, models.versions(DEV, workspaceId, saved.model().id()).size());
  }

  @Test
  void refusesRequestsWithoutStyleDatasetsOrName() {
    assertInvalid("/style", () -> models.save(DEV, workspaceId, "x", new ModelSource(productAndCategory, null, null)));
    assertInvalid("/datasetIds", () -> models.save(DEV, workspaceId, "x", new ModelSource(List.of(), ModelRequest.ModelStyle.KIMBALL, null)));
    assertInvalid("/datasetIds", () -> models.save(DEV, workspaceId, "x", new ModelSource(
        List.of(productAndCategory.get(0), productAndCategory.get(0)), ModelRequest.ModelStyle.KIMBALL, null)));
    assertInvalid("/name", () -> models.save(DEV, workspaceId, "  ", kimball(null)));
  }

  private static ModelSpec.Entity entity(GeneratedModel model, String name) {
    return model.spec().entities().stream().filter(e -> e.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + model.spec().entities()));
  }

  private static void assertNotFound(org.junit.jupiter.api.function.Executable call) {
    assertEquals(ProblemType.NOT_FOUND, assertThrows(FlowForgeException.class, call).type());
  }

  private static void assertInvalid(String pointer, org.junit.jupiter.api.function.Executable call) {
    FlowForgeException e = assertThrows(FlowForgeException.class, call);
    assertEquals(ProblemType.VALIDATION, e.type());
    assertEquals(pointer, e.pointer());
  }
}
