package io.flowforge.dataset;

import java.util.List;

/** What validating a file found: how many rows and which columns. */
public record Inspection(long rowCount, List<Column> columns) {
  public Inspection {
    columns = List.copyOf(columns);
  }
}
