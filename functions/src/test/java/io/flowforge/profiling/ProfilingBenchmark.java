package io.flowforge.profiling;

import io.flowforge.suggest.Layer;
import io.flowforge.suggest.Suggester;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Locale;

/**
 * Profiles a generated 10M-row × 10-column table as CSV and as Parquet, next to a plain DuckDB {@code SUMMARIZE}
 * of the same file, then times suggestions on the finished profile. Run: see docs/benchmarks-profiling.md.
 */
public final class ProfilingBenchmark {
  private ProfilingBenchmark() {}

  public static void main(String[] args) throws Exception {
    long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
    Path dir = Files.createTempDirectory("flowforge-bench");
    Path csv = dir.resolve("bench.csv");
    Path parquet = dir.resolve("bench.parquet");
    try (var c = DriverManager.getConnection("jdbc:duckdb:"); var s = c.createStatement()) {
      String select = "SELECT range AS id, (range % 50000) AS customer_id, TIMESTAMP '2024-01-01' + INTERVAL (range // 20) SECOND AS event_time,"
          + " round((hash(range) % 100000) / 100.0, 2) AS amount, ['DEBIT','CREDIT','FEE'][(range % 3) + 1] AS kind,"
          + " 'AB-' || lpad(CAST(range % 10000 AS VARCHAR), 4, '0') AS code, (hash(range * 7) % 1000) AS score,"
          + " CASE WHEN range % 10 = 0 THEN NULL ELSE 'note ' || (range % 977) END AS note, range % 2 = 0 AS flag,"
          + " 'user' || (range % 100000) || '@example.com' AS email FROM range(" + rows + ")";
      s.execute("COPY (" + select + ") TO '" + csv + "' (HEADER)");
      s.execute("COPY (" + select + ") TO '" + parquet + "' (FORMAT parquet)");
    }
    System.out.printf(Locale.ROOT, "rows=%d csv=%.0f MB parquet=%.0f MB%n", rows, Files.size(csv) / 1e6, Files.size(parquet) / 1e6);
    for (Path file : List.of(csv, parquet)) {
      double summarize = timeSummarize(file);
      resetPeaks();
      long start = System.nanoTime();
      TableProfile profile;
      try (DuckDbEngine engine = new DuckDbEngine()) {
        profile = new Profiler(engine).profile(engine.register(file));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "%s: profile %.2f s (%.0f rows/s), SUMMARIZE %.2f s, ratio %.1fx, JVM heap peak %.0f MB, process peak RSS %s%n",
          file.getFileName(), seconds, rows / seconds, summarize, seconds / summarize, heapPeakMb(), peakRss());
      long t0 = System.nanoTime();
      int runs = 100;
      for (int i = 0; i < runs; i++) {
        for (Layer layer : Layer.values()) {
          Suggester.suggest(profile, layer, List.of());
        }
      }
      System.out.printf(Locale.ROOT, "  suggestions (bronze+silver+gold) on the profile: %.2f ms%n", (System.nanoTime() - t0) / 1e6 / runs);
    }
  }

  private static double timeSummarize(Path file) throws Exception {
    try (DuckDbEngine engine = new DuckDbEngine()) {
      TableRef ref = engine.register(file);
      long start = System.nanoTime();
      engine.query("SUMMARIZE SELECT * FROM " + ref.relation());
      return (System.nanoTime() - start) / 1e9;
    }
  }

  private static void resetPeaks() {
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static double heapPeakMb() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
        .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1e6;
  }

  private static String peakRss() throws Exception {
    return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
        .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("n/a");
  }
}
