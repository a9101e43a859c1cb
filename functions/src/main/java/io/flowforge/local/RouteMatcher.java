package io.flowforge.local;

import io.flowforge.api.Route;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Matches request paths against route templates the way API Gateway does ({@code {name}} = one segment). */
final class RouteMatcher {
  private static final Pattern PARAMETER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

  private final List<CompiledRoute> routes;

  /** A route matched against a request: the route and its path parameters. */
  record Match(Route route, Map<String, String> pathParameters) {}

  /** What a path matched: the route for the method, or the methods the path allows, or nothing. */
  record Result(Optional<Match> match, List<String> allowedMethods) {}

  private record CompiledRoute(Route route, Pattern pattern, List<String> names) {}

  RouteMatcher(List<Route> routes) {
    this.routes = routes.stream().map(RouteMatcher::compile).toList();
  }

  Result match(String method, String path) {
    List<String> allowed = new ArrayList<>();
    for (CompiledRoute compiled : routes) {
      Matcher matcher = compiled.pattern().matcher(path);
      if (!matcher.matches()) {
        continue;
      }
      if (compiled.route().method().equals(method)) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < compiled.names().size(); i++) {
          parameters.put(compiled.names().get(i), matcher.group(i + 1));
        }
        return new Result(Optional.of(new Match(compiled.route(), parameters)), List.of());
      }
      allowed.add(compiled.route().method());
    }
    return new Result(Optional.empty(), allowed);
  }

  private static CompiledRoute compile(Route route) {
    Matcher parameter = PARAMETER.matcher(route.path());
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    int last = 0;
    while (parameter.find()) {
      regex.append(Pattern.quote(route.path().substring(last, parameter.start())));
      regex.append("([^/]+)");
      names.add(parameter.group(1));
      last = parameter.end();
    }
    regex.append(Pattern.quote(route.path().substring(last)));
    return new CompiledRoute(route, Pattern.compile(regex.toString()), names);
  }
}
