package io.flowforge.monitoring;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Dependencies between a workspace's jobs, checked for cycles before a declaration is stored. */
final class JobGraph {
  private JobGraph() {}

  /**
   * The cycle that declaring {@code upstream} for {@code job} would close, as the path {@code job →
   * … → job}, or empty. {@code declared} holds every job's stored upstream list; {@code job}'s own
   * is replaced. The walk remembers visited jobs, so a cycle stored by two racing declarations
   * cannot loop it.
   */
  static Optional<List<String>> cycle(
      Map<String, List<String>> declared, String job, List<String> upstream) {
    Set<String> visited = new HashSet<>();
    for (String first : upstream) {
      List<String> path = new ArrayList<>(List.of(job));
      if (reaches(declared, job, first, path, visited)) {
        return Optional.of(List.copyOf(path));
      }
    }
    return Optional.empty();
  }

  // Depth-first along upstream edges; the path runs from the declaring job to the current one.
  private static boolean reaches(
      Map<String, List<String>> declared,
      String target,
      String current,
      List<String> path,
      Set<String> visited) {
    path.add(current);
    if (current.equals(target)) {
      return true;
    }
    if (visited.add(current)) {
      for (String next : declared.getOrDefault(current, List.of())) {
        if (reaches(declared, target, next, path, visited)) {
          return true;
        }
      }
    }
    path.remove(path.size() - 1);
    return false;
  }
}
