package io.flowforge.profiling;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * An embedded, in-memory DuckDB that exposes local files as views. File paths are bound as prepared-statement
 * parameters into session variables, never spliced into SQL; the data stays in DuckDB, not in the JVM.
 */
public final class DuckDbEngine implements SqlEngine {
  private final Connection connection;
  private final Path extensionDir;
  private int registered;

  public DuckDbEngine() {
    try {
      extensionDir = Files.createTempDirectory("flowforge-duckdb-ext");
      Properties properties = new Properties();
      // Nothing is written to ~/.duckdb and no extension is ever downloaded.
      properties.setProperty("extension_directory", extensionDir.toString());
      properties.setProperty("autoinstall_known_extensions", "false");
      properties.setProperty("autoload_known_extensions", "true");
      connection = DriverManager.getConnection("jdbc:duckdb:", properties);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new FlowForgeException(ProblemType.UNAVAILABLE, "DuckDB could not start: " + e.getMessage(), null, e);
    }
  }

  @Override
  public SqlDialect dialect() {
    return DuckDbDialect.INSTANCE;
  }

  /** Registers a file as a view named after the file and returns how to query it. */
  public TableRef register(Path file) {
    return register(file, tableName(file));
  }

  /** Registers a file under a chosen display name. */
  public TableRef register(Path file, String name) {
    Path path = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(path)) {
      throw FlowForgeException.invalid("/file", "File '" + file + "' does not exist or is not a regular file.");
    }
    try {
      if (Files.size(path) == 0) {
        throw new FlowForgeException(
            ProblemType.UNPROCESSABLE,
            "File '" + file.getFileName() + "' is empty (0 bytes); upload a file with a header and at least one row.");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SourceFormat format = SourceFormat.of(path);
    int index = registered++;
    String variable = "ff_src_" + index;
    String view = "ff_view_" + index;
    bindVariable(variable, path.toString());
    Map<String, String> csvDialect = Map.of();
    if (format == SourceFormat.CSV) {
      csvDialect = registerCsv(view, variable, file);
    } else if (format == SourceFormat.JSON_LINES) {
      createView(view, "SELECT * FROM read_json_auto(getvariable('" + variable + "'), format = 'newline_delimited')", file);
    } else {
      createView(view, "SELECT * FROM read_parquet(getvariable('" + variable + "'))", file);
    }
    return new TableRef(name, view, describe(view), format, csvDialect);
  }

  /** The table name for a file: its file name without the last extension. */
  public static String tableName(Path file) {
    String fileName = file.getFileName().toString();
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }

  /**
   * Lets DuckDB's sniffer detect delimiter, quoting and header. Ragged rows are padded with nulls only when a
   * plain read fails, because padding needs the single-threaded reader (quoted newlines break the parallel one).
   */
  private Map<String, String> registerCsv(String view, String variable, Path file) {
    FlowForgeException failure = null;
    for (String encoding : List.of("utf-8", "latin-1")) {
      for (String padding : List.of("", ", null_padding = true, parallel = false")) {
        String options = ", encoding = '" + encoding + "'" + padding;
        try {
          Map<String, String> dialect = sniff(variable, options);
          createView(view, "SELECT * FROM read_csv(getvariable('" + variable + "')" + options + ")");
          dialect.put("encoding", encoding);
          if (!padding.isEmpty()) {
            dialect.put("raggedRows", "padded with nulls");
          }
          return dialect;
        } catch (SQLException e) {
          if (failure == null || !isEncodingError(e)) {
            failure = unreadable(file, e);
          }
          if (isEncodingError(e)) {
            break;
          }
        }
      }
    }
    throw failure != null && failure.getCause() instanceof SQLException cause && isEncodingError(cause)
        ? new FlowForgeException(ProblemType.UNPROCESSABLE,
            "File '" + file.getFileName() + "' is neither UTF-8 nor Latin-1 text; re-export it as UTF-8 CSV.")
        : failure;
  }

  private Map<String, String> sniff(String variable, String options) throws SQLException {
    Map<String, String> result = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT Delimiter, Quote, HasHeader, DateFormat, TimestampFormat FROM sniff_csv(getvariable('"
            + variable + "')" + options + ")")) {
      rs.next();
      result.put("delimiter", rs.getString(1));
      result.put("quote", rs.getString(2));
      result.put("header", rs.getString(3));
      putIfPresent(result, "dateFormat", rs.getString(4));
      putIfPresent(result, "timestampFormat", rs.getString(5));
      return result;
    }
  }

  private static void putIfPresent(Map<String, String> map, String key, String value) {
    if (value != null && !value.isEmpty()) {
      map.put(key, value);
    }
  }

  private static boolean isEncodingError(SQLException e) {
    String message = String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT);
    return message.contains("unicode") || message.contains("utf-8") || message.contains("utf8");
  }

  private void bindVariable(String variable, String value) {
    try (PreparedStatement statement = connection.prepareStatement("SET VARIABLE " + variable + " = ?")) {
      statement.setString(1, value);
      statement.execute();
    } catch (SQLException e) {
      throw new FlowForgeException(ProblemType.INTERNAL, "Could not bind the file path.", null, e);
    }
  }

  private void createView(String view, String select, Path file) {
    try {
      createView(view, select);
    } catch (SQLException e) {
      throw unreadable(file, e);
    }
  }

  /** Creates the view and reads it through once, so malformed files fail here with a clear message. */
  private void createView(String view, String select) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE OR REPLACE TEMP VIEW " + view + " AS " + select);
      statement.executeQuery("SELECT count(*) FROM " + view).close();
    }
  }

  private static FlowForgeException unreadable(Path file, SQLException e) {
    String reason = firstLine(e.getMessage());
    return new FlowForgeException(
        ProblemType.UNPROCESSABLE,
        "File '" + file.getFileName() + "' could not be read (" + reason
            + "). Check it is valid CSV (one delimiter, quoted fields that contain it), JSON lines or Parquet.",
        null,
        e);
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    String line = message.lines().findFirst().orElse(message);
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  private List<TableRef.Column> describe(String view) {
    List<TableRef.Column> columns = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("DESCRIBE " + view)) {
      while (rs.next()) {
        columns.add(new TableRef.Column(Identifiers.requireValid(rs.getString(1)), rs.getString(2)));
      }
    } catch (SQLException e) {
      throw new FlowForgeException(ProblemType.INTERNAL, "Could not read the columns of a table.", null, e);
    }
    return columns;
  }

  @Override
  public List<List<Object>> query(String sql) {
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      int width = rs.getMetaData().getColumnCount();
      List<List<Object>> rows = new ArrayList<>();
      while (rs.next()) {
        List<Object> row = new ArrayList<>(width);
        for (int i = 1; i <= width; i++) {
          Object value = rs.getObject(i);
          if (value instanceof java.sql.Array array) {
            value = List.of((Object[]) array.getArray());
          }
          row.add(value);
        }
        rows.add(row);
      }
      return rows;
    } catch (SQLException e) {
      throw new FlowForgeException(
          ProblemType.UNPROCESSABLE, "The data could not be profiled: " + firstLine(e.getMessage()), null, e);
    }
  }

  @Override
  public void close() {
    try {
      connection.close();
    } catch (SQLException e) {
      // Closing an in-memory database only frees memory; nothing is lost if it fails.
    }
    try (var files = Files.walk(extensionDir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // The folder is an empty temp directory; leaving it behind is harmless.
    }
  }
}
