package io.flowforge.dataset;

import com.fasterxml.jackson.annotation.JsonValue;
import io.flowforge.core.FlowForgeException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** File formats a dataset may be uploaded in. */
public enum DatasetFormat {
  CSV("csv"),
  JSONL("jsonl"),
  PARQUET("parquet");

  private final String wireName;

  DatasetFormat(String wireName) {
    this.wireName = wireName;
  }

  @JsonValue
  public String wireName() {
    return wireName;
  }

  /** The format named in a request, or a 400 pointing at {@code pointer} that lists the valid names. */
  public static DatasetFormat parse(String pointer, String value) {
    String allowed = Arrays.stream(values()).map(DatasetFormat::wireName).collect(Collectors.joining(", "));
    if (value == null) {
      throw FlowForgeException.invalid(pointer, "format is required; use one of " + allowed + ".");
    }
    return Arrays.stream(values())
        .filter(format -> format.wireName.equals(value.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(
            () -> FlowForgeException.invalid(pointer, "Unknown format; use one of " + allowed + "."));
  }
}
