package io.flowforge.dataset;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Validates an uploaded file by reading it with DuckDB in its declared format: it must parse completely,
 * have at least one row and at most a configured number of columns.
 */
public final class DatasetInspector {
  private final Path extensionDirectory;

  /** @param extensionDirectory where DuckDB may keep extensions; nothing is ever downloaded */
  public DatasetInspector(Path extensionDirectory) {
    this.extensionDirectory = extensionDirectory;
  }

  public Inspection inspect(Path file, DatasetFormat format, int maxColumns) {
    // Counted on the first line before DuckDB sees the file: sniffing thousands of columns exhausts memory.
    FirstLine.columnCount(file, format).ifPresent(count -> requireAtMost(count, maxColumns));
    String reader = reader(format);
    try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", properties())) {
      List<Column> columns = describe(connection, reader, file);
      requireAtMost(columns.size(), maxColumns);
      long rows = count(connection, reader, file);
      if (rows == 0) {
        throw new FlowForgeException(
            ProblemType.UNPROCESSABLE, "The file has no data rows. Upload a file with at least one row.");
      }
      return new Inspection(rows, columns);
    } catch (SQLException e) {
      throw new FlowForgeException(
          ProblemType.UNPROCESSABLE,
          "The file could not be read as " + format.wireName() + ": " + reason(e, file)
              + ". Check that the file matches the declared format.",
          null,
          e);
    }
  }

  private static void requireAtMost(int columns, int maxColumns) {
    if (columns > maxColumns) {
      throw new FlowForgeException(
          ProblemType.UNPROCESSABLE,
          "The file has " + columns + " columns; at most " + maxColumns
              + " are supported. Upload a file with fewer columns.");
    }
  }

  private static List<Column> describe(Connection connection, String reader, Path file) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("DESCRIBE SELECT * FROM " + reader)) {
      statement.setString(1, file.toString());
      List<Column> columns = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          columns.add(new Column(result.getString("column_name"), result.getString("column_type")));
        }
      }
      return columns;
    }
  }

  private static long count(Connection connection, String reader, Path file) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement("SELECT count(*) FROM " + reader)) {
      statement.setString(1, file.toString());
      try (ResultSet result = statement.executeQuery()) {
        result.next();
        return result.getLong(1);
      }
    }
  }

  /** The table function reading one format; the file path is always a bound parameter. */
  private static String reader(DatasetFormat format) {
    return switch (format) {
      case CSV -> "read_csv(?)";
      case JSONL -> "read_json(?, format = 'newline_delimited')";
      case PARQUET -> "read_parquet(?)";
    };
  }

  private Properties properties() {
    Properties properties = new Properties();
    properties.setProperty("extension_directory", extensionDirectory.toString());
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "false");
    properties.setProperty("threads", "2");
    properties.setProperty("memory_limit", "512MB");
    return properties;
  }

  /** DuckDB's first line, without the server-side path (it means nothing to the uploader). */
  private static String reason(SQLException e, Path file) {
    String message = e.getMessage() == null ? "unknown error" : e.getMessage();
    String firstLine = message.lines().findFirst().orElse(message).replace(file.toString(), "the file");
    return firstLine.length() > 300 ? firstLine.substring(0, 300) + "…" : firstLine;
  }
}
