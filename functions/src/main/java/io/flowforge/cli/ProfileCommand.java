package io.flowforge.cli;

import io.flowforge.core.Json;
import io.flowforge.profiling.ColumnProfile;
import io.flowforge.profiling.SchemaAnalysis;
import io.flowforge.profiling.SchemaAnalyzer;
import io.flowforge.profiling.TableProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowforge profile FILE...}: column and table profiles of local files. */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Profile CSV, JSON lines or Parquet files.")
public final class ProfileCommand implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to profile.")
  List<Path> files;

  @Option(names = "--json", description = "Print JSON.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    return CliSupport.run(() -> {
      SchemaAnalysis analysis = SchemaAnalyzer.analyze(files);
      if (json) {
        System.out.println(Json.mapper().writeValueAsString(analysis));
        return;
      }
      for (TableProfile table : analysis.tables()) {
        System.out.printf("%s: %d rows, %d columns, sample %d%n", table.name(), table.rowCount(), table.columns().size(), table.sampleSize());
        for (ColumnProfile c : table.columns()) {
          System.out.printf("  %-30s %-10s nulls %5.1f%% distinct %d%s%s%n", c.name(), c.inferredType(), c.nullRatio() * 100,
              c.distinct().value(), c.format() == null ? "" : " format " + c.format(), c.pii() == null ? "" : " pii " + c.pii());
        }
      }
    });
  }
}
