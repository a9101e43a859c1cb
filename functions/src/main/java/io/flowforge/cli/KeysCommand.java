package io.flowforge.cli;

import io.flowforge.core.Json;
import io.flowforge.profiling.CandidateKey;
import io.flowforge.profiling.Relationship;
import io.flowforge.profiling.SchemaAnalysis;
import io.flowforge.profiling.SchemaAnalyzer;
import io.flowforge.profiling.TableProfile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowforge keys FILE...}: primary keys and foreign-key relationships of local files. */
@Command(
    name = "keys",
    mixinStandardHelpOptions = true,
    description = "Suggest the primary key of each file and the foreign keys between them.")
public final class KeysCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "CSV, JSON lines or Parquet files; table name = file name without extension.")
  List<Path> files;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    return CliSupport.run(() -> {
      SchemaAnalysis analysis = SchemaAnalyzer.analyze(files);
      Map<String, Object> report = report(analysis);
      if (json) {
        System.out.println(Json.mapper().writeValueAsString(report));
      } else {
        for (TableProfile table : analysis.tables()) {
          System.out.printf("%s: %s%n", table.name(), table.primaryKey().map(k -> k.columns() + " (" + primaryKeyConfidence(table) + ")").orElse("no key found"));
        }
        for (Relationship r : analysis.relationships()) {
          System.out.printf("%s.%s -> %s.%s (%s, %.2f)%n", r.fromTable(), r.fromColumn(), r.toTable(), r.toColumn(), r.cardinality(), r.confidence());
        }
      }
    });
  }

  /** The CLI contract: {@code {"tables":[{name, primary_key, confidence}], "relationships":[{from, to, confidence}]}}. */
  static Map<String, Object> report(SchemaAnalysis analysis) {
    List<Map<String, Object>> tables = new ArrayList<>();
    for (TableProfile table : analysis.tables()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", table.name());
      entry.put("primary_key", table.primaryKey().map(CandidateKey::columns).orElse(List.of()));
      entry.put("confidence", primaryKeyConfidence(table));
      tables.add(entry);
    }
    List<Map<String, Object>> relationships = new ArrayList<>();
    for (Relationship r : analysis.relationships()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("from", r.fromTable() + "." + r.fromColumn());
      entry.put("to", r.toTable() + "." + r.toColumn());
      entry.put("confidence", r.confidence());
      relationships.add(entry);
    }
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("tables", tables);
    report.put("relationships", relationships);
    return report;
  }

  static double primaryKeyConfidence(TableProfile table) {
    return io.flowforge.suggest.Confidence.primaryKey(table.candidateKeys());
  }
}
