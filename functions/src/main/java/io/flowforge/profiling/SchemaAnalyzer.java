package io.flowforge.profiling;

import io.flowforge.core.FlowForgeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Profiles local files in one embedded DuckDB and relates them: the engine behind {@code profile} and {@code keys}. */
public final class SchemaAnalyzer {
  private SchemaAnalyzer() {}

  /** Profiles each file and, when there are several, finds relationships between them. */
  public static SchemaAnalysis analyze(List<Path> files) {
    if (files.isEmpty()) {
      throw FlowForgeException.invalid("/files", "No file given; pass at least one CSV, JSON lines or Parquet file.");
    }
    try (DuckDbEngine engine = new DuckDbEngine()) {
      List<TableRef> refs = new ArrayList<>();
      Set<String> names = new HashSet<>();
      for (Path file : files) {
        String name = DuckDbEngine.tableName(file);
        if (!names.add(name)) {
          throw FlowForgeException.invalid("/files", "Two files are both named '" + name + "'; tables need distinct file names.");
        }
        refs.add(engine.register(file, name));
      }
      Profiler profiler = new Profiler(engine);
      List<TableProfile> profiles = refs.stream().map(profiler::profile).toList();
      List<Relationship> relationships = new RelationshipFinder(engine).find(refs, profiles);
      return new SchemaAnalysis(profiles, relationships, RelationshipFinder.roles(profiles, relationships));
    }
  }
}
