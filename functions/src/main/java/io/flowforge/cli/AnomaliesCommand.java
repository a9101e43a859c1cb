package io.flowforge.cli;

import io.flowforge.anomaly.AlertRule;
import io.flowforge.anomaly.OfflineScoring;
import io.flowforge.anomaly.SeriesCsv;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code flowforge anomalies FILE.csv}: scores a timestamp,value series offline. */
@Command(
    name = "anomalies",
    mixinStandardHelpOptions = true,
    description = "Score a timestamp,value CSV series offline: per-row anomaly scores and flagged points.")
public final class AnomaliesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "FILE.csv", description = "CSV with header 'timestamp,value', sorted by time.")
  Path file;

  @Option(names = "--json", description = "Print the result as JSON.")
  boolean json;

  @Option(
      names = "--threshold",
      description =
          "Flag points scoring at least this (0..1, default ${DEFAULT-VALUE}); after a flag, the next "
              + AlertRule.DEFAULT_QUIET_POINTS
              + " points are not flagged.",
      defaultValue = "" + OfflineScoring.DEFAULT_THRESHOLD)
  double threshold;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!(threshold > 0 && threshold <= 1)) {
      err.println("--threshold must be in (0, 1]; got " + threshold + ".");
      return CommandLine.ExitCode.USAGE;
    }
    OfflineScoring.Result result;
    try {
      result = OfflineScoring.score(SeriesCsv.read(file), threshold);
    } catch (FlowForgeException e) {
      err.println(e.getMessage());
      return CommandLine.ExitCode.USAGE;
    }
    if (json) {
      out.println(Json.mapper().writeValueAsString(result));
    } else {
      out.println("timestamp,value,score,flagged");
      result.points().forEach(p -> out.printf(Locale.ROOT, "%s,%s,%.6f,%s%n", p.timestamp(), p.value(), p.score(), p.flagged()));
      out.printf(Locale.ROOT, "%n%d of %d points flagged (threshold %.2f)%n", result.flagged().size(), result.points().size(), threshold);
      result.flagged().forEach(p -> out.printf(Locale.ROOT, "  %s value %s score %.3f%n", p.timestamp(), p.value(), p.score()));
    }
    out.flush();
    return CommandLine.ExitCode.OK;
  }
}
