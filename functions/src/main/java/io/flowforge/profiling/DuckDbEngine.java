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
 * An embedded, in-memory DuckDB that exposes local files as relations. File paths are bound as prepared-statement
 * parameters into session variables, never spliced into SQL; the data stays in DuckDB, not in the JVM.
 */
public final class DuckDbEngine implements SqlEngine {
  /** Widest table profiled; each column costs several aggregate expressions, and wider files are rarely one table. */
  public static final int MAX_COLUMNS = 2_000;
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
      // Tables loaded from text files may exceed memory; DuckDB spills them here instead of failing.
      properties.setProperty("temp_directory", extensionDir.resolve("spill").toString());
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
    String view = "ff_table_" + index;
    bindVariable(variable, path.toString());
    Map<String, String> csvDialect = Map.of();
    if (format == SourceFormat.CSV) {
      csvDialect = registerCsv(view, variable, file);
    } else if (format == SourceFormat.JSON_LINES) {
      createRelation(view, "SELECT * FROM read_json_auto(getvariable('" + variable + "'), format = 'newline_delimited')", file, true);
    } else {
      createRelation(view, "SELECT * FROM read_parquet(getvariable('" + variable + "'))", file, false);
    }
    List<TableRef.Column> columns = describe(view);
    requireColumnLimit(columns.size(), file);
    return new TableRef(name, view, columns, format, csvDialect);
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
      String plain = ", encoding = '" + encoding + "'";
      String padded = plain + ", null_padding = true, parallel = false";
      try {
        Map<String, String> dialect = sniff(variable, plain);
        Map<String, String> paddedDialect = sniff(variable, padded);
        // Ragged rows make the plain sniffer settle for fewer columns; padding reveals the real width.
        boolean pad = Integer.parseInt(paddedDialect.get("columns")) > Integer.parseInt(dialect.get("columns"));
        Map<String, String> chosen = pad ? paddedDialect : dialect;
        requireColumnLimit(Integer.parseInt(chosen.get("columns")), file);
        try {
          createRelation(view, "SELECT * FROM read_csv(getvariable('" + variable + "')" + (pad ? padded : plain) + ")", true);
        } catch (SQLException e) {
          if (pad) {
            throw e;
          }
          pad = true;
          createRelation(view, "SELECT * FROM read_csv(getvariable('" + variable + "')" + padded + ")", true);
        }
        chosen.put("encoding", encoding);
        if (pad) {
          chosen.put("raggedRows", "padded with nulls");
        }
        return chosen;
      } catch (SQLException e) {
        if (!isEncodingError(e)) {
          throw unreadable(file, e);
        }
        failure = new FlowForgeException(ProblemType.UNPROCESSABLE,
            "File '" + file.getFileName() + "' is neither UTF-8 nor Latin-1 text; re-export it as UTF-8 CSV.", null, e);
      }
    }
    throw failure;
  }

  private static void requireColumnLimit(int columns, Path file) {
    if (columns > MAX_COLUMNS) {
      throw new FlowForgeException(ProblemType.UNPROCESSABLE, "File '" + file.getFileName() + "' has " + columns
          + " columns; FlowForge profiles at most " + MAX_COLUMNS + " columns per table. Split the file or keep the columns you need.");
    }
  }

  private Map<String, String> sniff(String variable, String options) throws SQLException {
    Map<String, String> result = new LinkedHashMap<>();
    try (Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT Delimiter, Quote, HasHeader, DateFormat, TimestampFormat, len(Columns) FROM sniff_csv(getvariable('"
            + variable + "')" + options + ")")) {
      rs.next();
      result.put("delimiter", rs.getString(1));
      result.put("quote", rs.getString(2));
      result.put("header", rs.getString(3));
      putIfPresent(result, "dateFormat", rs.getString(4));
      putIfPresent(result, "timestampFormat", rs.getString(5));
      result.put("columns", rs.getString(6));
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

  private void createRelation(String name, String select, Path file, boolean load) {
    try {
      createRelation(name, select, load);
    } catch (SQLException e) {
      throw unreadable(file, e);
    }
  }

  /**
   * Text formats are parsed once into a DuckDB temp table (native memory that spills to disk, never the JVM
   * heap), because every profile query would otherwise re-parse and re-sniff the file. Parquet is columnar and
   * cheap to rescan, so it stays a view. Either way the whole file is read here, so malformed input fails now.
   */
  private void createRelation(String name, String select, boolean load) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      if (load) {
        statement.execute("CREATE TEMP TABLE " + name + " AS " + select);
      } else {
        statement.execute("CREATE OR REPLACE TEMP VIEW " + name + " AS " + select);
        statement.executeQuery("SELECT count(*) FROM " + name).close();
      }
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
