package io.flowforge.modeling;

import io.flowforge.patterns.Identifiers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Designs a Data Vault 2.0 model: a hub per business key, a link per relationship (one per many-to-many
 * table), satellites split by source table and rate of change, a PIT where a hub has several satellites and a
 * bridge where reports walk two links in a row.
 */
final class DataVaultDesigner {
  private static final int MAX_BRIDGES = 10;
  private final DesignContext ctx;
  private final SchemaGraph graph;
  private final Map<String, String> hubOf = new LinkedHashMap<>();
  private final Map<String, List<String>> satellitesOf = new LinkedHashMap<>();
  private final List<LinkInfo> links = new ArrayList<>();

  private record LinkInfo(String name, String childHub, String parentHub, String childKey, String parentKey, String linkKey) {}

  DataVaultDesigner(DesignContext ctx) {
    this.ctx = ctx;
    this.graph = ctx.graph;
  }

  void design() {
    for (SourceSchema.SourceTable table : graph.tables.values()) {
      if (!graph.isAssociation(table)) {
        hub(table);
      }
    }
    for (SourceSchema.SourceTable table : graph.tables.values()) {
      if (graph.isAssociation(table)) {
        associationLink(table);
      } else if (hubOf.containsKey(table.name())) {
        for (SourceSchema.ForeignKey key : graph.foreignKeys(table)) {
          link(table, key);
        }
      }
    }
    for (SourceSchema.SourceTable table : graph.tables.values()) {
      if (hubOf.containsKey(table.name())) {
        satellites(table);
      }
    }
    for (SourceSchema.SourceTable table : graph.tables.values()) {
      if (satellitesOf.getOrDefault(table.name(), List.of()).size() >= 2) {
        pit(table);
      }
    }
    bridges();
  }

  private String hubKey(String table) {
    return graph.shortOf(table) + "_hub_key";
  }

  private void hub(SourceSchema.SourceTable table) {
    List<String> key = graph.primaryKey(table);
    if (key.isEmpty()) {
      ctx.decide(table.name(), "no hub",
          "No primary or unique key: a hub needs a business key. Declare one (or profile the table to find one).",
          0.9);
      return;
    }
    String entity = graph.entity(table.name());
    String name = "hub_" + entity;
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("target", ctx.target(name));
    parameters.put("source", graph.stagingRelation(table.name()));
    parameters.put("hub_key", hubKey(table.name()));
    parameters.put("business_key", businessKey(table.name(), key));
    parameters.put("record_source", graph.recordSource(table.name()));
    List<ModelSpec.Column> shown = new ArrayList<>();
    shown.add(new ModelSpec.Column(hubKey(table.name()), "STRING", "hk"));
    for (Map<String, Object> column : businessKey(table.name(), key)) {
      shown.add(new ModelSpec.Column((String) column.get("name"), "STRING", "bk"));
    }
    shown.add(new ModelSpec.Column("load_date", "TIMESTAMP", ""));
    shown.add(new ModelSpec.Column("record_source", "STRING", ""));
    ctx.add(new ModelSpec.Entity(name, "hub", "data_vault/hub", label("hub", table.name()), parameters,
        new ArrayList<>(), List.of(), shown), table.rowCount());
    hubOf.put(table.name(), name);
    ctx.decide(name, "business key " + key,
        table.primaryKey() != null && !table.primaryKey().isEmpty()
            ? "The declared primary key identifies the " + entity + " in the source."
            : "No primary key is declared; the first unique key identifies the " + entity + ".",
        table.primaryKey() != null && !table.primaryKey().isEmpty() ? 0.75 : 0.6);
  }

  /** Business key columns of a hub, read from {@code sourceColumns} of some source table. */
  private List<Map<String, Object>> businessKey(String hubTable, List<String> sourceColumns) {
    SourceSchema.SourceTable table = graph.tables.get(hubTable);
    List<String> key = graph.primaryKey(table);
    List<Map<String, Object>> out = new ArrayList<>();
    for (int i = 0; i < key.size(); i++) {
      String name = key.size() == 1 ? graph.shortOf(hubTable) + "_business_key" : Identifiers.snake(key.get(i));
      out.add(DesignContext.column(name, "STRING", sourceColumns.get(i)));
    }
    return out;
  }

  private Map<String, Object> hubRef(String hubTable, String column, List<String> sourceColumns) {
    Map<String, Object> ref = new LinkedHashMap<>();
    ref.put("hub_key", column);
    ref.put("hub_table", ctx.target(hubOf.get(hubTable)));
    if (!column.equals(hubKey(hubTable))) {
      ref.put("hub_table_key", hubKey(hubTable));
    }
    ref.put("business_key", sourceColumns);
    return ref;
  }

  private void link(SourceSchema.SourceTable child, SourceSchema.ForeignKey key) {
    String parent = key.referencedTable();
    if (!hubOf.containsKey(parent)) {
      return;
    }
    long sameParent = graph.foreignKeys(child).stream().filter(k -> k.referencedTable().equals(parent)).count();
    boolean roleNamed = sameParent > 1 || parent.equals(child.name());
    String role = Identifiers.snake(String.join("_", key.columns())).replaceAll("_?(id|code|key)$", "");
    String childShort = graph.shortOf(child.name());
    String parentShort = roleNamed ? role : graph.shortOf(parent);
    String name = "link_" + childShort + "_" + parentShort;
    String linkKey = childShort + "_" + parentShort + "_link_key";
    String childKey = hubKey(child.name());
    String parentKey = roleNamed ? role + "_" + hubKey(parent) : hubKey(parent);
    if (parentKey.equals(childKey)) {
      parentKey = "parent_" + parentKey;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("target", ctx.target(name));
    parameters.put("source", graph.stagingRelation(child.name()));
    parameters.put("link_key", linkKey);
    parameters.put("hubs", List.of(
        hubRef(child.name(), childKey, graph.primaryKey(child)),
        hubRef(parent, parentKey, key.columns())));
    parameters.put("record_source", graph.recordSource(child.name()));
    loadHubFrom(parent, child.name(), key.columns());
    ctx.add(new ModelSpec.Entity(name, "link", "data_vault/link", label("link", childShort + "_" + parentShort), parameters,
            List.of(), List.of(hubOf.get(child.name()), hubOf.get(parent)),
            List.of(new ModelSpec.Column(linkKey, "STRING", "hk"), new ModelSpec.Column(childKey, "STRING", "fk"),
                new ModelSpec.Column(parentKey, "STRING", "fk"))),
        child.rowCount());
    links.add(new LinkInfo(name, child.name(), parent, childKey, parentKey, linkKey));
    ctx.decide(name, "link " + child.name() + " → " + parent,
        "Foreign key " + key.columns() + " relates the two business keys; a link keeps the relationship even if"
            + " its cardinality changes later." + (roleNamed ? " Named by its role because the reference is"
            + " repeated or points back to the same table." : ""),
        0.85);
  }

  /** The parent hub also loads keys seen in the child, so every link key resolves even with late parents. */
  private void loadHubFrom(String hubTable, String sourceTable, List<String> columns) {
    ModelSpec.Entity hub = ctx.entities.get(hubOf.get(hubTable));
    Map<String, Object> load = new LinkedHashMap<>(hub.parameters());
    load.put("source", graph.stagingRelation(sourceTable));
    load.put("business_key", businessKey(hubTable, columns));
    load.put("record_source", graph.recordSource(sourceTable));
    hub.loads().add(load);
  }

  private void associationLink(SourceSchema.SourceTable table) {
    String entity = graph.entity(table.name());
    String name = "link_" + entity;
    List<Map<String, Object>> hubs = new ArrayList<>();
    List<String> depends = new ArrayList<>();
    List<ModelSpec.Column> shown = new ArrayList<>();
    String linkKey = entity + "_link_key";
    shown.add(new ModelSpec.Column(linkKey, "STRING", "hk"));
    Set<String> usedKeys = new HashSet<>();
    for (SourceSchema.ForeignKey key : graph.foreignKeys(table)) {
      String parent = key.referencedTable();
      if (!hubOf.containsKey(parent)) {
        continue;
      }
      String column = hubKey(parent);
      if (!usedKeys.add(column)) {
        column = Identifiers.snake(String.join("_", key.columns())) + "_" + column;
        usedKeys.add(column);
      }
      hubs.add(hubRef(parent, column, key.columns()));
      loadHubFrom(parent, table.name(), key.columns());
      depends.add(hubOf.get(parent));
      shown.add(new ModelSpec.Column(column, "STRING", "fk"));
    }
    if (hubs.size() < 2) {
      ctx.decide(table.name(), "no link", "Fewer than two of its references lead to hubs.", 0.7);
      return;
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("target", ctx.target(name));
    parameters.put("source", graph.stagingRelation(table.name()));
    parameters.put("link_key", linkKey);
    parameters.put("hubs", hubs);
    parameters.put("record_source", graph.recordSource(table.name()));
    ctx.add(new ModelSpec.Entity(name, "link", "data_vault/link", label("link", entity), parameters, List.of(),
        depends, shown), table.rowCount());
    ctx.decide(name, "many-to-many link",
        "Its key consists only of references: it is a relationship, not a business concept, so it becomes a link"
            + " and no hub.",
        0.85);
  }

  private void satellites(SourceSchema.SourceTable table) {
    Set<String> key = new HashSet<>();
    graph.primaryKey(table).forEach(c -> key.add(c.toLowerCase(Locale.ROOT)));
    Set<String> references = graph.foreignKeyColumns(table);
    List<Map<String, Object>> slow = new ArrayList<>();
    List<Map<String, Object>> fast = new ArrayList<>();
    for (SourceSchema.SourceColumn column : table.columns()) {
      String lower = column.name().toLowerCase(Locale.ROOT);
      if (key.contains(lower) || references.contains(lower) || SchemaGraph.isAudit(column.name())) {
        continue;
      }
      Map<String, Object> attribute =
          DesignContext.column(Identifiers.snake(column.name()), SparkTypes.of(column.type()), column.name());
      boolean volatileColumn = column.stats() != null && "HIGH".equalsIgnoreCase(column.stats().changeRate());
      (volatileColumn ? fast : slow).add(attribute);
    }
    String shortName = graph.shortOf(table.name());
    if (!slow.isEmpty()) {
      satellite(table, "sat_" + shortName + "_details", slow);
    }
    if (!fast.isEmpty()) {
      satellite(table, "sat_" + shortName + "_volatile", fast);
      ctx.decide("sat_" + shortName + "_volatile", "split by rate of change",
          "Profiling marks " + fast.stream().map(c -> c.get("name")).toList() + " as changing often; keeping them"
              + " apart stops every change from copying the slow attributes.",
          0.8);
    }
    if (slow.isEmpty() && fast.isEmpty()) {
      ctx.decide(hubOf.get(table.name()), "no satellite", "The table has no descriptive columns besides its keys.", 0.9);
    }
  }

  private void satellite(SourceSchema.SourceTable table, String name, List<Map<String, Object>> attributes) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("target", ctx.target(name));
    parameters.put("source", graph.stagingRelation(table.name()));
    parameters.put("parent_key", hubKey(table.name()));
    parameters.put("parent_table", ctx.target(hubOf.get(table.name())));
    parameters.put("parent_business_key", graph.primaryKey(table));
    parameters.put("attributes", attributes);
    parameters.put("record_source", graph.recordSource(table.name()));
    List<ModelSpec.Column> shown = new ArrayList<>();
    shown.add(new ModelSpec.Column(hubKey(table.name()), "STRING", "fk"));
    shown.add(new ModelSpec.Column("load_date", "TIMESTAMP", "pk"));
    shown.add(new ModelSpec.Column("load_end_date", "TIMESTAMP", ""));
    shown.add(new ModelSpec.Column("hash_diff", "STRING", ""));
    attributes.forEach(c -> shown.add(new ModelSpec.Column((String) c.get("name"), (String) c.get("type"), "")));
    ctx.add(new ModelSpec.Entity(name, "satellite", "data_vault/satellite", label("sat", name.substring(4)), parameters,
        List.of(), List.of(hubOf.get(table.name())), shown), table.rowCount());
    satellitesOf.computeIfAbsent(table.name(), t -> new ArrayList<>()).add(name);
    ctx.decide(name, attributes.size() + " attributes from " + table.name(),
        "One satellite per source table keeps each source's history independent; a hash diff detects changes.",
        0.8);
  }

  private void pit(SourceSchema.SourceTable table) {
    String name = "pit_" + graph.entity(table.name());
    List<Map<String, Object>> satellites = new ArrayList<>();
    List<String> depends = new ArrayList<>();
    depends.add(hubOf.get(table.name()));
    for (String satellite : satellitesOf.get(table.name())) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("table", ctx.target(satellite));
      entry.put("alias", satellite.substring(satellite.lastIndexOf('_') + 1));
      satellites.add(entry);
      depends.add(satellite);
    }
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("target", ctx.target(name));
    parameters.put("hub_table", ctx.target(hubOf.get(table.name())));
    parameters.put("hub_key", hubKey(table.name()));
    parameters.put("satellites", satellites);
    parameters.put("snapshot_start", ctx.options.calendarStart().toString());
    parameters.put("snapshot_end", ctx.options.calendarEnd().toString());
    parameters.put("snapshot_interval", "month");
    ctx.add(new ModelSpec.Entity(name, "pit", "data_vault/pit", label("pit", graph.entity(table.name())), parameters,
        List.of(), depends, List.of(new ModelSpec.Column(hubKey(table.name()), "STRING", "pk"),
            new ModelSpec.Column("snapshot_date", "DATE", "pk"))), table.rowCount());
    ctx.decide(name, "point-in-time table over " + satellites.size() + " satellites",
        "Reports need all satellites of the hub as of a date; the PIT turns range joins into equality joins.", 0.7);
  }

  private void bridges() {
    int made = 0;
    for (LinkInfo first : links) {
      for (LinkInfo second : links) {
        if (made >= MAX_BRIDGES) {
          return;
        }
        if (!first.parentHub().equals(second.childHub()) || second.parentHub().equals(first.childHub())
            || first.childHub().equals(first.parentHub()) || second.childHub().equals(second.parentHub())) {
          continue;
        }
        String name = "bridge_" + graph.shortOf(first.childHub()) + "_" + graph.shortOf(second.parentHub());
        if (ctx.entities.containsKey(name)) {
          continue;
        }
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("target", ctx.target(name));
        parameters.put("hub_table", ctx.target(hubOf.get(first.childHub())));
        parameters.put("hub_key", first.childKey());
        parameters.put("path", List.of(step(first, first.childKey()), step(second, second.childKey())));
        ctx.add(new ModelSpec.Entity(name, "bridge", "data_vault/bridge",
            label("bridge", graph.shortOf(first.childHub()) + "_" + graph.shortOf(second.parentHub())), parameters,
            List.of(), List.of(first.name(), second.name()),
            List.of(new ModelSpec.Column(first.childKey(), "STRING", "fk"),
                new ModelSpec.Column(first.linkKey(), "STRING", "fk"),
                new ModelSpec.Column(second.linkKey(), "STRING", "fk"))),
            ctx.rowCounts.get(first.name()));
        ctx.decide(name, "bridge " + first.childHub() + " → " + first.parentHub() + " → " + second.parentHub(),
            "Queries from " + first.childHub() + " to " + second.parentHub() + " cross two links; the bridge"
                + " pre-joins them.",
            0.6);
        made++;
      }
    }
  }

  private Map<String, Object> step(LinkInfo link, String fromKey) {
    Map<String, Object> step = new LinkedHashMap<>();
    step.put("link_table", ctx.target(link.name()));
    step.put("link_key", link.linkKey());
    step.put("from_key", fromKey);
    step.put("to_key", link.parentKey());
    return step;
  }

  static String label(String prefix, String name) {
    StringBuilder out = new StringBuilder(Character.toUpperCase(prefix.charAt(0)) + prefix.substring(1));
    for (String part : name.split("_")) {
      if (!part.isEmpty()) {
        out.append('_').append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
      }
    }
    return out.toString();
  }
}
