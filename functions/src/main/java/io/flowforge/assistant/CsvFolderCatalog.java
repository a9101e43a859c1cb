package io.flowforge.assistant;

import io.flowforge.core.FlowForgeException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A workspace catalog read from a folder of CSV files (one table per file, named after the file): column
 * names and types as DuckDB infers them, and row counts. Used where no stored workspace is at hand, such as
 * the MCP server pointed at a data folder.
 */
public final class CsvFolderCatalog {
  private CsvFolderCatalog() {}

  public static WorkspaceCatalog read(String workspaceId, Path folder) {
    if (!Files.isDirectory(folder)) {
      throw FlowForgeException.badRequest("No folder " + folder + ": pass a folder that holds CSV files.");
    }
    List<WorkspaceCatalog.Table> tables = new ArrayList<>();
    Map<String, Path> paths = new HashMap<>();
    try (Stream<Path> files = Files.list(folder);
        Connection db = open()) {
      for (Path csv : files.filter(f -> f.getFileName().toString().endsWith(".csv")).sorted().toList()) {
        WorkspaceCatalog.Table table = table(db, csv);
        tables.add(table);
        paths.put(table.name(), csv.toAbsolutePath());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new FlowForgeException(io.flowforge.core.ProblemType.UNPROCESSABLE,
          "A CSV file in " + folder + " could not be read: " + e.getMessage(), null, e);
    }
    return new WorkspaceCatalog(workspaceId, tables, false, paths);
  }

  private static WorkspaceCatalog.Table table(Connection db, Path csv) throws SQLException {
    String file = csv.toAbsolutePath().toString();
    String name = csv.getFileName().toString().replaceFirst("\\.csv$", "");
    List<WorkspaceCatalog.Column> columns = new ArrayList<>();
    try (PreparedStatement describe = db.prepareStatement("DESCRIBE SELECT * FROM read_csv(?, header = true)")) {
      describe.setString(1, file);
      try (ResultSet rs = describe.executeQuery()) {
        while (rs.next()) {
          columns.add(WorkspaceCatalog.Column.of(rs.getString("column_name"), rs.getString("column_type")));
        }
      }
    }
    long rows;
    try (PreparedStatement count = db.prepareStatement("SELECT count(*) FROM read_csv(?, header = true)")) {
      count.setString(1, file);
      try (ResultSet rs = count.executeQuery()) {
        rs.next();
        rows = rs.getLong(1);
      }
    }
    return new WorkspaceCatalog.Table(name, rows, columns);
  }

  private static Connection open() throws SQLException, IOException {
    Properties properties = new Properties();
    // DuckDB must not write to the home folder or download extensions.
    Path extensions = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "flowforge", "duckdb-extensions"));
    properties.setProperty("extension_directory", extensions.toString());
    properties.setProperty("autoinstall_known_extensions", "false");
    properties.setProperty("autoload_known_extensions", "false");
    return DriverManager.getConnection("jdbc:duckdb:", properties);
  }
}
