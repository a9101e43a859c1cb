package io.flowforge.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** openapi.json is the contract: it must describe exactly the routes in {@link RouteCatalog}. */
class OpenApiContractTest {
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

  @Test
  void documentsExactlyTheRoutesInTheCatalog() throws IOException {
    Set<String> documented = new TreeSet<>();
    JsonNode paths = openApi().get("paths");
    paths.fieldNames().forEachRemaining(path -> paths.get(path).fieldNames().forEachRemaining(method -> {
      if (METHODS.contains(method)) {
        documented.add(method.toUpperCase(Locale.ROOT) + " " + path);
      }
    }));
    Set<String> catalogued =
        RouteCatalog.all().stream().map(Route::routeKey).collect(Collectors.toCollection(TreeSet::new));

    assertEquals(catalogued, documented);
  }

  @Test
  void marksExactlyTheUnauthenticatedRoutesAsNeedingNoToken() throws IOException {
    JsonNode paths = openApi().get("paths");
    Set<String> open = new TreeSet<>();
    paths.fieldNames().forEachRemaining(path -> paths.get(path).fields().forEachRemaining(operation -> {
      JsonNode security = operation.getValue().get("security");
      if (security != null && security.isEmpty()) {
        open.add(operation.getKey().toUpperCase(Locale.ROOT) + " " + path);
      }
    }));
    Set<String> expected =
        RouteCatalog.all().stream()
            .filter(route -> !route.authenticated())
            .map(Route::routeKey)
            .collect(Collectors.toCollection(TreeSet::new));

    assertEquals(expected, open);
  }

  private static JsonNode openApi() throws IOException {
    try (InputStream in = OpenApiContractTest.class.getResourceAsStream(HealthHandler.OPENAPI_RESOURCE)) {
      return Json.mapper().readTree(in);
    }
  }
}
