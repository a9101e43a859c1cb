package io.flowforge.assistant;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tables of a workspace as the assistant sees them: names, column names and types, row counts and
 * column statistics. Sample values are kept apart so the prompt builder can leave them out.
 *
 * @param workspaceId the workspace these tables belong to
 * @param tables the tables, in a stable order
 * @param allowSamples true when the workspace allows scrubbed sample values to be sent to a model
 * @param files local data file per table name, where the data is at hand (a CSV folder, the local blob store)
 */
public record WorkspaceCatalog(String workspaceId, List<Table> tables, boolean allowSamples, Map<String, Path> files) {
  public WorkspaceCatalog {
    tables = List.copyOf(tables);
    files = Map.copyOf(files);
  }

  /** A catalog whose tables have no local data file (tools that profile data cannot run on it). */
  public WorkspaceCatalog(String workspaceId, List<Table> tables, boolean allowSamples) {
    this(workspaceId, tables, allowSamples, Map.of());
  }

  /** The local data file of a table, for tools that profile data. */
  public Optional<Path> file(String tableName) {
    return table(tableName).map(t -> files.get(t.name()));
  }

  public Optional<Table> table(String name) {
    return tables.stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst();
  }

  /**
   * One table.
   *
   * @param name table name as stored
   * @param rowCount number of rows, or -1 when unknown
   * @param columns the columns in source order
   */
  public record Table(String name, long rowCount, List<Column> columns) {
    public Table {
      columns = List.copyOf(columns);
    }

    public Optional<Column> column(String columnName) {
      return columns.stream().filter(c -> c.name().equalsIgnoreCase(columnName)).findFirst();
    }
  }

  /**
   * One column.
   *
   * @param name column name as stored
   * @param type engine type, e.g. {@code BIGINT}, {@code VARCHAR}
   * @param distinctCount approximate distinct values, or -1 when unknown
   * @param nullRatio share of null values between 0 and 1, or -1 when unknown
   * @param samples a few raw values; may hold personal data and never leaves the machine unscrubbed
   */
  public record Column(String name, String type, long distinctCount, double nullRatio, List<String> samples) {
    public Column {
      samples = List.copyOf(samples);
    }

    public static Column of(String name, String type) {
      return new Column(name, type, -1, -1, List.of());
    }
  }
}
