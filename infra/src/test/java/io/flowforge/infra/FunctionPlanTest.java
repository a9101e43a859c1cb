package io.flowforge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.adapters.dynamodb.Tables;
import io.flowforge.api.Feature;
import io.flowforge.api.Route;
import io.flowforge.api.RouteCatalog;
import io.flowforge.infra.FunctionPlan.Access;
import io.flowforge.infra.FunctionPlan.BucketAccess;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class FunctionPlanTest {
  private final List<FunctionPlan> plans = FunctionPlan.forRoutes(RouteCatalog.all());

  @Test
  void servesEveryCatalogRouteExactlyOnce() {
    List<Route> served = plans.stream().flatMap(plan -> plan.routes().stream()).toList();

    assertEquals(RouteCatalog.all().size(), served.size());
    assertEquals(Set.copyOf(RouteCatalog.all()), Set.copyOf(served));
  }

  @Test
  void readFunctionsServeOnlyGetRoutes_andWriteFunctionsNone() {
    for (FunctionPlan plan : plans) {
      for (Route route : plan.routes()) {
        assertEquals(plan.access() == Access.READ, route.method().equals("GET"), plan.id() + " " + route);
        assertEquals(plan.feature(), route.feature());
      }
    }
  }

  @Test
  void readFunctionsGetNoWriteAccess() {
    for (FunctionPlan plan : plans) {
      if (plan.access() == Access.READ) {
        assertTrue(plan.writeTables().isEmpty(), plan.id());
        assertTrue(plan.bucket() != BucketAccess.READ_WRITE, plan.id());
        assertEquals(plan.feature().reads(), plan.readTables(), plan.id());
      }
    }
  }

  @Test
  void writeFunctionsWriteTheFeaturesWriteTables_andReadTheRest() {
    for (FunctionPlan plan : plans) {
      if (plan.access() == Access.WRITE) {
        assertEquals(plan.feature().writes(), plan.writeTables(), plan.id());
        Set<Tables> touched = EnumSet.noneOf(Tables.class);
        touched.addAll(plan.feature().reads());
        touched.addAll(plan.feature().writes());
        assertEquals(touched, plan.tables(), plan.id());
        assertTrue(plan.readTables().stream().noneMatch(plan.writeTables()::contains), plan.id());
      }
    }
  }

  @Test
  void createsNoFunction_forAFeatureWithoutRoutesOfThatKind() {
    Route health = new Route("GET", "/api/health", Feature.HEALTH, false);

    List<FunctionPlan> onlyHealth = FunctionPlan.forRoutes(List.of(health));

    assertEquals(1, onlyHealth.size());
    assertEquals(Access.READ, onlyHealth.get(0).access());
    assertEquals("HealthRead", onlyHealth.get(0).id());
  }

  @Test
  void grantsTheUploadBucket_onlyToFeaturesThatUseIt() {
    for (FunctionPlan plan : plans) {
      assertEquals(plan.feature().usesUploadBucket(), plan.bucket() != BucketAccess.NONE, plan.id());
    }
  }

  @Test
  void namesFunctionsUniquely() {
    Set<String> ids = plans.stream().map(FunctionPlan::id).collect(Collectors.toSet());

    assertEquals(plans.size(), ids.size());
  }
}
