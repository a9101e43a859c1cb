package io.flowforge.modeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowforge.core.Caller;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import io.flowforge.workspace.CreateWorkspaceRequest;
import io.flowforge.workspace.InMemoryWorkspaceStore;
import io.flowforge.workspace.WorkspaceService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Save rules of {@link ModelService} with the generator for real and storage in memory. */
class ModelServiceTest {
  static final Caller ALICE = new Caller("alice");
  static final List<String> DATASETS = List.of("ds_aaaaaaaaaaaaaaaaaaaa", "ds_bbbbbbbbbbbbbbbbbbbb");

  private final InMemoryModelStore store = new InMemoryModelStore();
  private ModelService service;
  private String workspaceId;

  @BeforeEach
  void setUp() {
    WorkspaceService workspaces =
        new WorkspaceService(new InMemoryWorkspaceStore(), Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC));
    workspaceId = workspaces.create(ALICE, new CreateWorkspaceRequest("Models")).id();
    // The sample product tables stand in for the workspace's datasets; loading them is WorkspaceSources' job.
    SourceLoader sources = (caller, workspace, ids) -> SampleSchemas.productAndCategory();
    service = new ModelService(workspaces, sources, new ModelGenerator(), store, Clock.systemUTC());
  }

  private static ModelSource kimball(int scdType) {
    return new ModelSource(
        DATASETS, ModelRequest.ModelStyle.KIMBALL, ModelRequest.Options.defaults().withScdType("dim_product", scdType));
  }

  @Test
  void aConcurrentIdenticalSave_endsAsOneVersion() {
    service.save(ALICE, workspaceId, "Star", kimball(2));
    // Another request saves the same type-1 model between this save's read and its write.
    store.beforeNextAddVersion(() -> service.save(ALICE, workspaceId, "Star", kimball(1)));

    ModelService.SaveResult mine = service.save(ALICE, workspaceId, "Star", kimball(1));

    assertEquals(ModelService.SaveOutcome.UNCHANGED, mine.outcome());
    assertEquals(2, mine.version().version());
    assertEquals(2, store.versions(workspaceId, mine.model().id()).size());
  }

  @Test
  void aConcurrentDifferentSave_isFollowedByThisOneAsTheNextVersion() {
    service.save(ALICE, workspaceId, "Star", kimball(2));
    store.beforeNextAddVersion(() -> service.save(ALICE, workspaceId, "Star", kimball(3)));

    ModelService.SaveResult mine = service.save(ALICE, workspaceId, "Star", kimball(1));

    assertEquals(ModelService.SaveOutcome.NEW_VERSION, mine.outcome());
    assertEquals(3, mine.version().version());
    assertEquals("kimball/scd1", store.findVersion(workspaceId, mine.model().id(), 3).orElseThrow()
        .model().spec().entities().stream().filter(e -> e.name().equals("dim_product")).findFirst().orElseThrow()
        .pattern());
  }

  @Test
  void givesUpWithAConflict_whenTheHeadKeepsMoving() {
    service.save(ALICE, workspaceId, "Star", kimball(2));
    int[] type = {3};
    Runnable keepsMoving = new Runnable() {
      @Override
      public void run() {
        store.beforeNextAddVersion(() -> { });
        service.save(ALICE, workspaceId, "Star", kimball(type[0]));
        type[0] = type[0] == 3 ? 6 : 3;
        store.beforeNextAddVersion(this);
      }
    };
    store.beforeNextAddVersion(keepsMoving);

    FlowForgeException conflict =
        assertThrows(FlowForgeException.class, () -> service.save(ALICE, workspaceId, "Star", kimball(1)));

    assertEquals(ProblemType.CONFLICT, conflict.type());
  }

  @Test
  void namesDifferingOnlyInCaseAndSpacesAddressOneModel() {
    ModelService.SaveResult first = service.save(ALICE, workspaceId, "PRODUCT STAR", kimball(2));
    ModelService.SaveResult second = service.save(ALICE, workspaceId, "  product star ", kimball(2));

    assertEquals(ModelService.SaveOutcome.CREATED, first.outcome());
    assertEquals(ModelService.SaveOutcome.UNCHANGED, second.outcome());
    assertEquals(first.model().id(), second.model().id());
    assertEquals(1, service.list(ALICE, workspaceId).size());
  }

  @Test
  void anotherCallerCannotSaveOrReadInTheWorkspace() {
    ModelService.SaveResult saved = service.save(ALICE, workspaceId, "Star", kimball(2));
    Caller mallory = new Caller("mallory");

    assertEquals(ProblemType.NOT_FOUND, assertThrows(FlowForgeException.class,
        () -> service.save(mallory, workspaceId, "Star", kimball(1))).type());
    assertEquals(ProblemType.NOT_FOUND, assertThrows(FlowForgeException.class,
        () -> service.version(mallory, workspaceId, saved.model().id(), 1)).type());
    assertEquals(1, store.versions(workspaceId, saved.model().id()).size());
  }
}
