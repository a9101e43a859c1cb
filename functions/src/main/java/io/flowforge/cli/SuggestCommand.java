package io.flowforge.cli;

import io.flowforge.core.Json;
import io.flowforge.profiling.SchemaAnalysis;
import io.flowforge.profiling.SchemaAnalyzer;
import io.flowforge.suggest.Layer;
import io.flowforge.suggest.LayerSuggestions;
import io.flowforge.suggest.Suggester;
import io.flowforge.suggest.Suggestion;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowforge suggest FILE --layer bronze|silver|gold}: layer configuration for a local file. */
@Command(name = "suggest", mixinStandardHelpOptions = true, description = "Suggest Bronze, Silver or Gold configuration for a file.")
public final class SuggestCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "FILE", description = "CSV, JSON lines or Parquet file.")
  Path file;

  @Option(names = "--layer", required = true, description = "bronze, silver or gold.")
  String layer;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    return CliSupport.run(() -> {
      Layer target = Layer.parse(layer);
      SchemaAnalysis analysis = SchemaAnalyzer.analyze(List.of(file));
      LayerSuggestions suggestions = Suggester.suggest(analysis.tables().get(0), target, analysis.relationships());
      if (json) {
        System.out.println(Json.mapper().writeValueAsString(suggestions));
        return;
      }
      for (Suggestion s : suggestions.suggestions()) {
        System.out.printf("%s %s (%.0f%%)%n  %s%n", s.kind(), s.value(), s.confidence() * 100, s.reasoning());
      }
    });
  }
}
