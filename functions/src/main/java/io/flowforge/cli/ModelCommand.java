package io.flowforge.cli;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.modeling.GeneratedModel;
import io.flowforge.modeling.KeysJsonSource;
import io.flowforge.modeling.ModelGenerator;
import io.flowforge.modeling.ModelRequest;
import io.flowforge.modeling.ProfiledSource;
import io.flowforge.modeling.SourceSchema;
import io.flowforge.profiling.SchemaAnalyzer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowforge model}: designs a Kimball or Data Vault model from local CSV files, no server needed. */
@Command(
    name = "model",
    mixinStandardHelpOptions = true,
    description = "Design a Kimball star or a Data Vault from CSV files and write its SQL and YAML.")
final class ModelCommand implements Callable<Integer> {
  @Option(names = "--style", required = true, description = "kimball or data-vault")
  String style;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV files with a header row, one per table")
  List<Path> files;

  @Option(
      names = "--keys",
      description = "keys.json with declared primary and foreign keys (shared/data shape); without it the files"
          + " are profiled and keys inferred")
  Path keys;

  @Option(names = "--out", required = true, description = "folder to write the SQL and YAML files to")
  Path out;

  @Option(names = "--system", defaultValue = "source", description = "source system name used as record source")
  String system;

  @Option(names = "--scd", description = "SCD type per dimension entity, such as --scd product=1")
  Map<String, Integer> scdTypes = new LinkedHashMap<>();

  @Option(names = "--json", description = "print the decisions and written files as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try {
      return generate();
    } catch (FlowForgeException e) {
      System.err.println("flowforge model: " + e.getMessage());
      return 2;
    }
  }

  private int generate() throws Exception {
    ModelRequest.ModelStyle chosen = switch (style.toLowerCase(Locale.ROOT).replace('-', '_')) {
      case "kimball" -> ModelRequest.ModelStyle.KIMBALL;
      case "data_vault", "datavault" -> ModelRequest.ModelStyle.DATA_VAULT;
      default -> throw FlowForgeException.invalid("/style", "Style '" + style + "' is unknown; use kimball or data-vault.");
    };
    for (Path file : files) {
      if (!Files.isRegularFile(file)) {
        throw FlowForgeException.invalid("/files", file + " is not a file; pass CSV files with a header row.");
      }
    }
    // Declared keys win; without them the files are profiled and keys and relationships are inferred.
    SourceSchema source = keys != null
        ? KeysJsonSource.read(system, files, keys)
        : ProfiledSource.from(system, SchemaAnalyzer.analyze(files));
    ModelRequest.Options options = ModelRequest.Options.defaults();
    for (Map.Entry<String, Integer> scd : scdTypes.entrySet()) {
      options = options.withScdType(scd.getKey(), scd.getValue());
    }
    GeneratedModel model = new ModelGenerator().generate(new ModelRequest(chosen, source, options));
    for (Map.Entry<String, String> file : model.files().entrySet()) {
      Path target = out.resolve(file.getKey()).normalize();
      Files.createDirectories(target.getParent());
      Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
    }
    Files.writeString(out.resolve("flow.json"), Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(model.flow()));
    if (json) {
      Map<String, Object> report = new LinkedHashMap<>();
      report.put("style", model.spec().style());
      report.put("entities", model.spec().entities().stream().map(e -> Map.of("name", e.name(), "pattern", e.pattern())).toList());
      report.put("decisions", model.decisions());
      report.put("files", model.files().keySet());
      System.out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(report));
    } else {
      System.out.println("Wrote " + model.files().size() + " files for " + model.spec().entities().size()
          + " entities to " + out);
      model.spec().entities().forEach(e -> System.out.println("  " + e.name() + "  (" + e.pattern() + ")"));
    }
    return 0;
  }
}
