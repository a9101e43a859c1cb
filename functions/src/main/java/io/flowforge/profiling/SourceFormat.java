package io.flowforge.profiling;

import io.flowforge.core.FlowForgeException;
import java.nio.file.Path;
import java.util.Locale;

/** File formats the profiler reads, recognised by extension. */
public enum SourceFormat {
  CSV,
  JSON_LINES,
  PARQUET;

  public static SourceFormat of(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt") || name.endsWith(".psv")) {
      return CSV;
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson") || name.endsWith(".json")) {
      return JSON_LINES;
    }
    if (name.endsWith(".parquet")) {
      return PARQUET;
    }
    throw FlowForgeException.invalid(
        "/file",
        "Cannot tell the format of '" + file.getFileName() + "'; name it .csv, .tsv, .jsonl or .parquet.");
  }
}
