package io.flowforge.infra;

import io.flowforge.adapters.dynamodb.Tables;
import io.flowforge.api.Feature;
import io.flowforge.api.Route;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One Lambda function the stack deploys: a feature's read routes or its write routes, with exactly the
 * access those routes need. Derived from {@link io.flowforge.api.RouteCatalog} and {@link Feature} alone,
 * so a new feature or route needs no change here.
 *
 * @param feature the feature whose handler class the function runs
 * @param access whether the function serves the feature's GET routes or its other routes
 * @param routes the routes the function serves, never empty
 * @param readTables tables the function may only read
 * @param writeTables tables the function may read and write
 * @param bucket what the function may do with the upload bucket
 */
public record FunctionPlan(
    Feature feature,
    Access access,
    List<Route> routes,
    Set<Tables> readTables,
    Set<Tables> writeTables,
    BucketAccess bucket) {

  /** Which of a feature's routes a function serves. */
  public enum Access {
    READ,
    WRITE
  }

  /** Grants on the upload bucket. */
  public enum BucketAccess {
    NONE,
    READ,
    READ_WRITE
  }

  public FunctionPlan {
    routes = List.copyOf(routes);
    readTables = Collections.unmodifiableSet(enumSet(readTables));
    writeTables = Collections.unmodifiableSet(enumSet(writeTables));
  }

  /**
   * The functions serving {@code routes}: per feature, one for its GET routes and one for the others, each
   * only when the feature has such routes. Ordered by feature, then read before write, so the synthesized
   * template is stable.
   */
  public static List<FunctionPlan> forRoutes(List<Route> routes) {
    List<FunctionPlan> plans = new ArrayList<>();
    for (Feature feature : Feature.values()) {
      for (Access access : Access.values()) {
        List<Route> served =
            routes.stream()
                .filter(route -> route.feature() == feature)
                .filter(route -> route.isRead() == (access == Access.READ))
                .toList();
        if (!served.isEmpty()) {
          plans.add(forFeature(feature, access, served));
        }
      }
    }
    return List.copyOf(plans);
  }

  private static FunctionPlan forFeature(Feature feature, Access access, List<Route> served) {
    if (access == Access.READ) {
      return new FunctionPlan(
          feature,
          access,
          served,
          feature.reads(),
          Set.of(),
          feature.usesUploadBucket() ? BucketAccess.READ : BucketAccess.NONE);
    }
    Set<Tables> readOnly = enumSet(feature.reads());
    readOnly.removeAll(feature.writes());
    return new FunctionPlan(
        feature,
        access,
        served,
        readOnly,
        feature.writes(),
        feature.usesUploadBucket() ? BucketAccess.READ_WRITE : BucketAccess.NONE);
  }

  /** Construct id, e.g. {@code WorkspacesRead}. */
  public String id() {
    return pascal(feature.name()) + pascal(access.name());
  }

  /** Every table the function touches, in enum order. */
  public Set<Tables> tables() {
    Set<Tables> all = enumSet(readTables);
    all.addAll(writeTables);
    return all;
  }

  private static Set<Tables> enumSet(Collection<Tables> tables) {
    Set<Tables> copy = EnumSet.noneOf(Tables.class);
    copy.addAll(tables);
    return copy;
  }

  private static String pascal(String constant) {
    StringBuilder out = new StringBuilder();
    for (String word : constant.toLowerCase(Locale.ROOT).split("_")) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }
}
