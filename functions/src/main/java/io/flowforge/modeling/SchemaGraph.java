package io.flowforge.modeling;

import io.flowforge.core.FlowForgeException;
import io.flowforge.patterns.Identifiers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The source schema as a graph the designers query: tables by name, who references whom, entity names,
 * column roles (keys, measures, dates, audit columns). Validates names and references once, up front.
 */
final class SchemaGraph {
  static final int MAX_TABLES = 2_000;
  private static final Pattern AUDIT =
      Pattern.compile("(?i)rowguid|modified_?date|modified_?at|updated_?at|created_?at|last_?update|load_?date");
  private static final Pattern NAME_LIKE = Pattern.compile("(?i).*(name|title|description|label).*");
  private static final Pattern KEY_LIKE = Pattern.compile("(?i).*(id|key|code|number|no)$");

  final SourceSchema schema;
  final Map<String, SourceSchema.SourceTable> tables = new LinkedHashMap<>();
  final Map<String, List<Reference>> incoming = new LinkedHashMap<>();
  private final Map<String, String> entityNames = new LinkedHashMap<>();
  private final Map<String, String> shortNames = new LinkedHashMap<>();

  /** One foreign key seen from both ends. */
  record Reference(String child, String parent, SourceSchema.ForeignKey key) {}

  SchemaGraph(SourceSchema schema) {
    if (schema == null || schema.tables() == null || schema.tables().isEmpty()) {
      throw FlowForgeException.invalid("/source/tables", "Give at least one source table to design a model from.");
    }
    if (schema.tables().size() > MAX_TABLES) {
      throw FlowForgeException.invalid(
          "/source/tables",
          schema.tables().size() + " source tables is more than " + MAX_TABLES + " in one model; split the"
              + " schema by subject area and generate one model per area.");
    }
    this.schema = schema;
    Set<String> entities = new HashSet<>();
    for (SourceSchema.SourceTable table : schema.tables()) {
      validate(table);
      if (tables.put(table.name(), table) != null) {
        throw FlowForgeException.invalid("/source/tables", "Table '" + table.name() + "' is listed twice.");
      }
      String entity = entityName(table.name());
      String unique = entity;
      for (int i = 2; !entities.add(unique); i++) {
        unique = entity + "_" + i;
      }
      entityNames.put(table.name(), unique);
      incoming.put(table.name(), new ArrayList<>());
    }
    for (SourceSchema.SourceTable table : schema.tables()) {
      for (SourceSchema.ForeignKey key : foreignKeys(table)) {
        SourceSchema.SourceTable parent = tables.get(key.referencedTable());
        if (parent == null) {
          continue; // a reference to a table outside the selection is kept as a plain column
        }
        for (String column : key.referencedColumns()) {
          requireColumn(parent, column, "referenced by " + table.name());
        }
        for (String column : key.columns()) {
          requireColumn(table, column, "foreign key");
        }
        incoming.get(parent.name()).add(new Reference(table.name(), parent.name(), key));
      }
    }
    for (String table : tables.keySet()) {
      shortNames.put(table, shortName(table));
    }
  }

  private static void validate(SourceSchema.SourceTable table) {
    if (table.name() == null || table.name().isBlank()) {
      throw FlowForgeException.invalid("/source/tables", "A source table has no name.");
    }
    for (String part : table.name().split("\\.", -1)) {
      Identifiers.requireValid("Source table name '" + table.name() + "'", part);
    }
    if (table.columns() == null || table.columns().isEmpty()) {
      throw FlowForgeException.invalid(
          "/source/tables", "Table '" + table.name() + "' has no columns; list them (the CSV header works).");
    }
    Set<String> seen = new HashSet<>();
    for (SourceSchema.SourceColumn column : table.columns()) {
      Identifiers.requireValid("Column of " + table.name(), column.name());
      if (!seen.add(column.name().toLowerCase(Locale.ROOT))) {
        throw FlowForgeException.invalid(
            "/source/tables", "Table '" + table.name() + "' has column '" + column.name() + "' twice.");
      }
    }
    for (String key : table.primaryKey() == null ? List.<String>of() : table.primaryKey()) {
      requireColumn(table, key, "primary key");
    }
  }

  private static void requireColumn(SourceSchema.SourceTable table, String column, String role) {
    if (table.columns().stream().noneMatch(c -> c.name().equalsIgnoreCase(column))) {
      throw FlowForgeException.invalid(
          "/source/tables",
          "Table '" + table.name() + "' has no column '" + column + "' (" + role + "); fix the key or the column"
              + " list.");
    }
  }

  static String entityName(String tableName) {
    String last = tableName.substring(tableName.lastIndexOf('.') + 1);
    return Identifiers.snake(last);
  }

  /** The staged relation holding a source table, such as {@code staging.production_product}. */
  String stagingRelation(String table) {
    String schemaName = schema.stagingSchema() == null ? "staging" : schema.stagingSchema();
    return schemaName + "." + Identifiers.snake(table.replace('.', '_'));
  }

  String entity(String table) {
    return entityNames.get(table);
  }

  /**
   * Short role name: {@code productcategory} related to {@code product} becomes {@code category}, as people
   * name it in a model.
   */
  String shortOf(String table) {
    return shortNames.get(table);
  }

  private String shortName(String table) {
    String entity = entity(table);
    String best = null;
    for (String related : related(table)) {
      String other = entity(related);
      if (other.equals(entity) || !entity.startsWith(other)) {
        continue;
      }
      String rest = entity.substring(other.length()).replaceAll("^_", "");
      if (rest.length() >= 3 && (best == null || other.length() > best.length())) {
        best = other;
      }
    }
    return best == null ? entity : entity.substring(best.length()).replaceAll("^_", "");
  }

  private Set<String> related(String table) {
    Set<String> out = new HashSet<>();
    for (SourceSchema.ForeignKey key : foreignKeys(tables.get(table))) {
      if (tables.containsKey(key.referencedTable())) {
        out.add(key.referencedTable());
      }
    }
    for (Reference reference : incoming.get(table)) {
      out.add(reference.child());
    }
    return out;
  }

  List<SourceSchema.ForeignKey> foreignKeys(SourceSchema.SourceTable table) {
    List<SourceSchema.ForeignKey> out = new ArrayList<>();
    for (SourceSchema.ForeignKey key : table.foreignKeys() == null ? List.<SourceSchema.ForeignKey>of() : table.foreignKeys()) {
      if (tables.containsKey(key.referencedTable())) {
        out.add(key);
      }
    }
    return out;
  }

  List<String> primaryKey(SourceSchema.SourceTable table) {
    if (table.primaryKey() != null && !table.primaryKey().isEmpty()) {
      return table.primaryKey();
    }
    if (table.uniqueKeys() != null) {
      for (List<String> unique : table.uniqueKeys()) {
        if (!unique.isEmpty()) {
          return unique;
        }
      }
    }
    return List.of();
  }

  Set<String> foreignKeyColumns(SourceSchema.SourceTable table) {
    Set<String> out = new HashSet<>();
    for (SourceSchema.ForeignKey key : foreignKeys(table)) {
      key.columns().forEach(c -> out.add(c.toLowerCase(Locale.ROOT)));
    }
    return out;
  }

  /** Primary key made only of foreign key columns, with at least two references: a many-to-many table. */
  boolean isAssociation(SourceSchema.SourceTable table) {
    List<String> key = primaryKey(table);
    Set<String> fkColumns = foreignKeyColumns(table);
    return foreignKeys(table).size() >= 2
        && !key.isEmpty()
        && key.stream().allMatch(c -> fkColumns.contains(c.toLowerCase(Locale.ROOT)));
  }

  static boolean isAudit(String column) {
    return AUDIT.matcher(column).matches();
  }

  static boolean isNameLike(String column) {
    return NAME_LIKE.matcher(column).matches();
  }

  /** Numeric, not a key, not a foreign key, not a code: something to add up. */
  boolean isMeasure(SourceSchema.SourceTable table, SourceSchema.SourceColumn column) {
    String name = column.name().toLowerCase(Locale.ROOT);
    return SparkTypes.isNumeric(SparkTypes.of(column.type()))
        && !primaryKey(table).stream().anyMatch(k -> k.equalsIgnoreCase(column.name()))
        && !foreignKeyColumns(table).contains(name)
        && !KEY_LIKE.matcher(name).matches();
  }

  boolean isEventDate(SourceSchema.SourceColumn column) {
    return SparkTypes.isTemporal(SparkTypes.of(column.type())) && !isAudit(column.name());
  }

  SourceSchema.SourceColumn column(SourceSchema.SourceTable table, String name) {
    return table.columns().stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst().orElseThrow();
  }

  String recordSource(String table) {
    String system = schema.system() == null || schema.system().isBlank() ? "source" : schema.system();
    return system + "." + table;
  }
}
