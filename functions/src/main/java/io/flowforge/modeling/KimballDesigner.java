package io.flowforge.modeling;

import io.flowforge.core.FlowForgeException;
import io.flowforge.patterns.Identifiers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Designs a Kimball star: classifies tables into facts and dimensions, folds lookup tables that only one
 * dimension references into it (snowflake to star), picks an SCD type per dimension, states each fact's
 * grain and adds a conformed date dimension.
 */
final class KimballDesigner {
  private final DesignContext ctx;
  private final SchemaGraph graph;
  private final Set<String> facts = new LinkedHashSet<>();
  private final Map<String, String> absorbedInto = new LinkedHashMap<>();
  private final Map<String, String> dimensionOf = new LinkedHashMap<>();
  private final Map<String, Integer> scdOf = new LinkedHashMap<>();

  KimballDesigner(DesignContext ctx) {
    this.ctx = ctx;
    this.graph = ctx.graph;
  }

  void design() {
    classify();
    absorbLookups();
    String dateDimension = ctx.target("dim_date");
    List<String> dimensionTables = new ArrayList<>();
    for (String table : graph.tables.keySet()) {
      if (!facts.contains(table) && !absorbedInto.containsKey(table)) {
        dimensionTables.add(table);
      }
    }
    for (String table : dimensionTables) {
      dimension(table);
    }
    Map<String, Object> date = new LinkedHashMap<>();
    date.put("target", dateDimension);
    date.put("start_date", ctx.options.calendarStart().toString());
    date.put("end_date", ctx.options.calendarEnd().toString());
    ctx.add(
        new ModelSpec.Entity(
            "dim_date", "date_dimension", "kimball/date_dimension", "Dim Date", date, List.of(), List.of(),
            List.of(new ModelSpec.Column("date_key", "INT", "pk"), new ModelSpec.Column("full_date", "DATE", ""))),
        ctx.options.calendarStart().until(ctx.options.calendarEnd(), java.time.temporal.ChronoUnit.DAYS) + 1);
    ctx.decide(
        "dim_date",
        "conformed date dimension " + ctx.options.calendarStart() + " to " + ctx.options.calendarEnd(),
        "Every fact references dates through one calendar so all marts agree on periods.",
        0.95);
    for (String table : facts) {
      fact(table, dateDimension);
    }
  }

  /** Classifies every table as fact, factless fact, dimension or skipped, recording a decision for each. */
  void classify() {
    for (SourceSchema.SourceTable table : graph.tables.values()) {
      boolean nameLike = table.columns().stream().anyMatch(c -> SchemaGraph.isNameLike(c.name()));
      boolean hasMeasure = table.columns().stream().anyMatch(c -> graph.isMeasure(table, c));
      boolean hasDate = table.columns().stream().anyMatch(graph::isEventDate);
      int references = graph.foreignKeys(table).size();
      if (graph.isAssociation(table)) {
        facts.add(table.name());
        ctx.decide(
            table.name(), "factless fact",
            "Its key is made only of references to " + references + " tables: it records that they met.", 0.8);
      } else if (!nameLike && references >= 1 && (hasMeasure || hasDate)) {
        facts.add(table.name());
        ctx.decide(
            table.name(), "fact",
            "It references " + references + " table(s) and carries " + (hasMeasure ? "numeric measures" : "event dates")
                + " but no descriptive name: it records events.",
            hasMeasure && hasDate ? 0.8 : 0.65);
      } else if (graph.primaryKey(table).isEmpty() && references == 0) {
        ctx.decide(
            table.name(), "skipped",
            "No primary key, unique key or reference: nothing identifies a row. Declare a key to model it.", 0.9);
        absorbedInto.put(table.name(), null);
      } else {
        ctx.decide(
            table.name(), "dimension",
            nameLike ? "It has a descriptive name column: it describes a thing rather than recording an event."
                : "It holds no measures: it describes rather than measures.",
            nameLike ? 0.75 : 0.6);
      }
    }
  }

  /**
   * A lookup folds into the one dimension that references it when no fact references it and nothing else
   * does; chains fold transitively (subcategory, then category).
   */
  private void absorbLookups() {
    for (SourceSchema.SourceTable table : graph.tables.values()) {
      if (facts.contains(table.name()) || absorbedInto.containsKey(table.name())) {
        continue;
      }
      List<SchemaGraph.Reference> in = graph.incoming.get(table.name());
      if (in.size() != 1) {
        continue;
      }
      SchemaGraph.Reference only = in.get(0);
      if (only.child().equals(table.name()) || facts.contains(only.child())) {
        continue;
      }
      absorbedInto.put(table.name(), only.child());
    }
    // A cycle of lookups would fold into nothing; keep the first table of each such cycle as a dimension.
    for (String table : new ArrayList<>(absorbedInto.keySet())) {
      Set<String> seen = new HashSet<>();
      String current = table;
      while (current != null && absorbedInto.containsKey(current)) {
        if (!seen.add(current)) {
          absorbedInto.remove(current);
          ctx.decide(
              current, "dimension (cycle broken)",
              "Its references form a cycle, so it stays a dimension of its own instead of folding into a parent.",
              0.6);
          break;
        }
        current = absorbedInto.get(current);
      }
    }
    for (Map.Entry<String, String> entry : absorbedInto.entrySet()) {
      if (entry.getValue() != null) {
        ctx.decide(
            entry.getKey(), "folded into " + root(entry.getKey()),
            "Only " + entry.getValue() + " references it, so its attributes are denormalised into that"
                + " dimension (snowflake to star).",
            0.75);
      }
    }
  }

  private String root(String table) {
    String current = table;
    while (absorbedInto.get(current) != null) {
      current = absorbedInto.get(current);
    }
    return current;
  }

  private void dimension(String tableName) {
    SourceSchema.SourceTable table = graph.tables.get(tableName);
    String entity = graph.entity(tableName);
    String name = "dim_" + entity;
    List<String> key = graph.primaryKey(table);
    if (key.isEmpty()) {
      ctx.decide(tableName, "skipped", "A dimension needs a natural key; declare a primary or unique key.", 0.9);
      return;
    }
    Flattened flat = flatten(table, entity);
    List<Map<String, Object>> naturalKey = new ArrayList<>();
    Set<String> keyNames = new HashSet<>();
    for (String column : key) {
      String target = Identifiers.snake(column);
      keyNames.add(target);
      naturalKey.add(
          DesignContext.column(target, SparkTypes.of(graph.column(table, column).type()), flat.viewSource ? target : column));
    }
    List<Map<String, Object>> attributes = new ArrayList<>();
    for (Map<String, Object> column : flat.columns) {
      if (!keyNames.contains((String) column.get("name"))) {
        Map<String, Object> attribute = new LinkedHashMap<>(column);
        if (flat.viewSource) {
          attribute.put("source", column.get("name"));
        }
        attributes.add(attribute);
      }
    }
    attributes = selectAttributes(entity, attributes, flat);
    if (attributes.isEmpty()) {
      throw FlowForgeException.invalid(
          "/options/attributes", "Dimension " + name + " would have no attributes; keep at least one column.");
    }
    int scd = scdType(entity, table, attributes);
    scdOf.put(tableName, scd);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("target", ctx.target(name));
    parameters.put("source", flat.source);
    parameters.put("surrogate_key", entity + "_key");
    parameters.put("natural_key", naturalKey);
    parameters.put("attributes", attributes);
    if (scd == 3 || scd == 6) {
      parameters.put("tracked", tracked(attributes, flat));
    }
    List<String> depends = flat.view == null ? List.of() : List.of(flat.view);
    List<ModelSpec.Column> shown = new ArrayList<>();
    shown.add(new ModelSpec.Column(entity + "_key", "BIGINT", "pk"));
    naturalKey.forEach(c -> shown.add(new ModelSpec.Column((String) c.get("name"), (String) c.get("type"), "nk")));
    attributes.forEach(c -> shown.add(new ModelSpec.Column((String) c.get("name"), (String) c.get("type"), "")));
    ctx.add(
        new ModelSpec.Entity(name, "dimension", "kimball/scd" + scd, label(name), parameters, List.of(), depends, shown),
        table.rowCount());
    dimensionOf.put(tableName, name);
  }

  private int scdType(String entity, SourceSchema.SourceTable table, List<Map<String, Object>> attributes) {
    Integer chosen = ctx.options.scdTypes().get(entity);
    if (chosen == null) {
      chosen = ctx.options.scdTypes().get("dim_" + entity);
    }
    if (chosen != null) {
      if (!List.of(0, 1, 2, 3, 6).contains(chosen)) {
        throw FlowForgeException.invalid(
            "/options/scdTypes/" + entity, "SCD type " + chosen + " does not exist; choose 0, 1, 2, 3 or 6.");
      }
      ctx.decide("dim_" + entity, "SCD type " + chosen, "Requested in the generation options.", 1.0);
      return chosen;
    }
    boolean smallLookup = table.rowCount() != null && table.rowCount() <= 50 && attributes.size() <= 3;
    if (smallLookup) {
      ctx.decide(
          "dim_" + entity, "SCD type 1",
          "A small lookup (" + table.rowCount() + " rows, " + attributes.size() + " attributes): changes are"
              + " corrections, so overwriting is enough.",
          0.7);
      return 1;
    }
    ctx.decide(
        "dim_" + entity, "SCD type 2",
        "Its " + attributes.size() + " descriptive attributes (such as " + attributes.get(0).get("name")
            + ") change over time and facts should report the values valid when they happened; type 2 keeps"
            + " every version.",
        0.7);
    return 2;
  }

  private static List<String> tracked(List<Map<String, Object>> attributes, Flattened flat) {
    List<String> tracked = new ArrayList<>();
    for (Map<String, Object> attribute : attributes) {
      if (flat.fromJoins.contains((String) attribute.get("name"))) {
        tracked.add((String) attribute.get("name"));
      }
    }
    if (tracked.isEmpty()) {
      tracked.add((String) attributes.get(0).get("name"));
    }
    return tracked;
  }

  private List<Map<String, Object>> selectAttributes(
      String entity, List<Map<String, Object>> attributes, Flattened flat) {
    List<String> wanted = ctx.options.attributes().get(entity);
    if (wanted == null) {
      wanted = ctx.options.attributes().get("dim_" + entity);
    }
    if (wanted == null) {
      return attributes;
    }
    List<Map<String, Object>> kept = new ArrayList<>();
    for (String want : wanted) {
      Map<String, Object> match = null;
      for (Map<String, Object> attribute : attributes) {
        String origin = flat.origins.get((String) attribute.get("name"));
        if (want.equalsIgnoreCase((String) attribute.get("name")) || want.equalsIgnoreCase(origin)) {
          match = attribute;
        }
      }
      if (match == null) {
        throw FlowForgeException.invalid(
            "/options/attributes/" + entity,
            "Attribute '" + want + "' is not available for dim_" + entity + "; available: "
                + attributes.stream().map(a -> a.get("name")).toList() + ".");
      }
      kept.add(match);
    }
    ctx.decide("dim_" + entity, "attributes " + kept.stream().map(a -> a.get("name")).toList(),
        "Chosen in the generation options.", 1.0);
    return kept;
  }

  /** The dimension's own columns plus those of the lookups folded into it, through a view when needed. */
  private Flattened flatten(SourceSchema.SourceTable table, String entity) {
    Flattened flat = new Flattened();
    Set<String> used = new HashSet<>();
    Set<String> skippedAudit = new LinkedHashSet<>();
    for (SourceSchema.SourceColumn column : table.columns()) {
      if (SchemaGraph.isAudit(column.name())) {
        skippedAudit.add(column.name());
        continue;
      }
      String target = Identifiers.snake(column.name());
      used.add(target);
      flat.columns.add(DesignContext.column(target, SparkTypes.of(column.type()), column.name()));
      flat.origins.put(target, table.name() + "." + column.name());
    }
    List<Map<String, Object>> joins = new ArrayList<>();
    addJoins(table, "b", joins, used, flat, skippedAudit);
    if (!skippedAudit.isEmpty()) {
      ctx.decide("dim_" + entity, "left out " + skippedAudit,
          "Audit columns change on every touch; tracking them would open a new version for nothing.", 0.85);
    }
    if (joins.isEmpty()) {
      flat.source = graph.stagingRelation(table.name());
      return flat;
    }
    String view = "v_dim_" + entity;
    String stagingSchema = graph.stagingRelation(table.name()).split("\\.")[0];
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("target", stagingSchema + "." + view);
    parameters.put("source", graph.stagingRelation(table.name()));
    List<Map<String, Object>> base = new ArrayList<>();
    for (Map<String, Object> column : flat.columns) {
      if (!flat.fromJoins.contains((String) column.get("name"))) {
        base.add(column);
      }
    }
    parameters.put("base_columns", base);
    parameters.put("joins", joins);
    ctx.add(
        new ModelSpec.Entity(view, "view", "kimball/flatten_view", label(view), parameters, List.of(), List.of(), List.of()),
        table.rowCount());
    flat.source = stagingSchema + "." + view;
    flat.view = view;
    flat.viewSource = true;
    return flat;
  }

  private void addJoins(
      SourceSchema.SourceTable table, String alias, List<Map<String, Object>> joins, Set<String> used,
      Flattened flat, Set<String> skippedAudit) {
    for (SourceSchema.ForeignKey key : graph.foreignKeys(table)) {
      if (!table.name().equals(absorbedInto.get(key.referencedTable()))) {
        continue;
      }
      SourceSchema.SourceTable parent = graph.tables.get(key.referencedTable());
      String joinAlias = "j" + (joins.size() + 1);
      String prefix = graph.shortOf(parent.name());
      List<Map<String, Object>> columns = new ArrayList<>();
      Set<String> parentKey = new HashSet<>();
      key.referencedColumns().forEach(c -> parentKey.add(c.toLowerCase(Locale.ROOT)));
      for (SourceSchema.SourceColumn column : parent.columns()) {
        if (parentKey.contains(column.name().toLowerCase(Locale.ROOT))) {
          continue;
        }
        if (SchemaGraph.isAudit(column.name())) {
          skippedAudit.add(parent.name() + "." + column.name());
          continue;
        }
        String target = Identifiers.snake(column.name());
        // Lookup columns carry the lookup's role name (category_description) unless they already do.
        if (used.contains(target) || !target.startsWith(prefix)) {
          target = prefix + "_" + target;
        }
        if (!used.add(target)) {
          continue;
        }
        Map<String, Object> taken = DesignContext.column(target, SparkTypes.of(column.type()), column.name());
        columns.add(taken);
        flat.columns.add(DesignContext.column(target, SparkTypes.of(column.type()), target));
        flat.fromJoins.add(target);
        flat.origins.put(target, parent.name() + "." + column.name());
      }
      Map<String, Object> join = new LinkedHashMap<>();
      join.put("table", graph.stagingRelation(parent.name()));
      join.put("alias", joinAlias);
      join.put("from_alias", alias);
      join.put("from_columns", key.columns());
      join.put("to_columns", key.referencedColumns());
      join.put("columns", columns);
      joins.add(join);
      addJoins(parent, joinAlias, joins, used, flat, skippedAudit);
    }
  }

  private void fact(String tableName, String dateDimension) {
    SourceSchema.SourceTable table = graph.tables.get(tableName);
    String entity = graph.entity(tableName);
    String name = "fact_" + entity;
    boolean association = graph.isAssociation(table);
    List<Map<String, Object>> dimensions = new ArrayList<>();
    List<Map<String, Object>> dates = new ArrayList<>();
    List<Map<String, Object>> measures = new ArrayList<>();
    List<Map<String, Object>> degenerate = new ArrayList<>();
    List<String> depends = new ArrayList<>();
    Set<String> usedNames = new HashSet<>();
    Map<String, Integer> referencesPerParent = new LinkedHashMap<>();
    for (SourceSchema.ForeignKey key : graph.foreignKeys(table)) {
      referencesPerParent.merge(key.referencedTable(), 1, Integer::sum);
    }
    for (SourceSchema.ForeignKey key : graph.foreignKeys(table)) {
      String parent = key.referencedTable();
      String dimension = dimensionOf.get(parent);
      if (dimension == null) {
        // A reference to another fact (an order header) or to a skipped table stays as a degenerate key.
        for (String column : key.columns()) {
          addUnique(degenerate, usedNames, DesignContext.column(
              Identifiers.snake(column), SparkTypes.of(graph.column(table, column).type()), column));
        }
        continue;
      }
      SourceSchema.SourceTable parentTable = graph.tables.get(parent);
      List<Map<String, Object>> naturalKey = new ArrayList<>();
      for (int i = 0; i < key.columns().size(); i++) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("name", Identifiers.snake(key.referencedColumns().get(i)));
        pair.put("source", key.columns().get(i));
        naturalKey.add(pair);
      }
      Map<String, Object> reference = new LinkedHashMap<>();
      reference.put("dimension_table", ctx.target(dimension));
      reference.put("surrogate_key", graph.entity(parentTable.name()) + "_key");
      reference.put("natural_key", naturalKey);
      if (referencesPerParent.get(parent) > 1 || parent.equals(tableName)) {
        reference.put("role", Identifiers.snake(String.join("_", key.columns())).replaceAll("_?id$", "") + "_");
      }
      reference.put("scd2", List.of(2, 6).contains(scdOf.get(parent)));
      dimensions.add(reference);
      if (!depends.contains(dimension)) {
        depends.add(dimension);
      }
    }
    for (SourceSchema.SourceColumn column : table.columns()) {
      if (graph.isEventDate(column)) {
        Map<String, Object> date = new LinkedHashMap<>();
        date.put("name", Identifiers.snake(column.name()) + "_key");
        date.put("source", column.name());
        date.put("date_table", dateDimension);
        dates.add(date);
      } else if (graph.isMeasure(table, column)) {
        addUnique(measures, usedNames, DesignContext.column(Identifiers.snake(column.name()), SparkTypes.of(column.type()), column.name()));
      }
    }
    if (!dates.isEmpty()) {
      depends.add("dim_date");
    }
    List<String> key = graph.primaryKey(table);
    List<String> grainKey = new ArrayList<>();
    if (!association) {
      for (String column : key) {
        String target = Identifiers.snake(column);
        addUnique(degenerate, usedNames, DesignContext.column(target, SparkTypes.of(graph.column(table, column).type()), column));
        grainKey.add(target);
      }
    }
    String grain =
        key.isEmpty()
            ? "One row per " + entity + " source row (no key declared; reloaded in full)."
            : "One row per " + entity + " (" + String.join(", ", key) + ").";
    ctx.decide(name, "grain: " + grain,
        key.isEmpty() ? "No key is declared, so the source row is the grain and the fact is rebuilt on each run."
            : "The source key identifies one event, so the fact keeps its grain and upserts on it.",
        key.isEmpty() ? 0.5 : 0.85);
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("target", ctx.target(name));
    parameters.put("source", graph.stagingRelation(tableName));
    parameters.put("grain", grain);
    parameters.put("dimensions", dimensions);
    parameters.put("dates", dates);
    String pattern;
    if (association || (measures.isEmpty() && degenerate.isEmpty())) {
      pattern = "kimball/factless_fact";
    } else {
      pattern = "kimball/transaction_fact";
      parameters.put("measures", measures);
      parameters.put("degenerate", degenerate);
      if (!grainKey.isEmpty()) {
        parameters.put("grain_key", grainKey);
      }
    }
    List<ModelSpec.Column> shown = new ArrayList<>();
    for (Map<String, Object> d : dimensions) {
      shown.add(new ModelSpec.Column(d.getOrDefault("role", "") + "" + d.get("surrogate_key"), "BIGINT", "fk"));
    }
    dates.forEach(d -> shown.add(new ModelSpec.Column((String) d.get("name"), "INT", "fk")));
    degenerate.forEach(c -> shown.add(new ModelSpec.Column((String) c.get("name"), (String) c.get("type"), "dd")));
    measures.forEach(c -> shown.add(new ModelSpec.Column((String) c.get("name"), (String) c.get("type"), "")));
    ctx.add(new ModelSpec.Entity(name, "fact", pattern, label(name), parameters, List.of(), depends, shown), table.rowCount());
  }

  private static void addUnique(List<Map<String, Object>> columns, Set<String> used, Map<String, Object> column) {
    if (used.add((String) column.get("name"))) {
      columns.add(column);
    }
  }

  static String label(String name) {
    StringBuilder out = new StringBuilder();
    for (String part : name.split("_")) {
      if (!part.isEmpty()) {
        out.append(out.length() > 0 ? " " : "").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }

  /** Columns of a dimension after folding in lookups. */
  private static final class Flattened {
    final List<Map<String, Object>> columns = new ArrayList<>();
    final Set<String> fromJoins = new LinkedHashSet<>();
    final Map<String, String> origins = new LinkedHashMap<>();
    String source;
    String view;
    boolean viewSource;
  }
}
