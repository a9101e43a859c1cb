package io.flowforge.modeling;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Says which modelling patterns source tables already follow: the Kimball roles the model generator itself
 * would give them (fact, dimension, factless fact), bridges, SCD Type 2 history and Data Vault hubs, links
 * and satellites. Reads names, types, keys and relationships only, never values; the same schema always
 * gives the same answer.
 */
public final class PatternDetector {
  private static final Pattern VALID_FROM = Pattern.compile("(?i)(valid|effective|eff|start)_?(from|date|dt|ts)?");
  private static final Pattern VALID_TO =
      Pattern.compile("(?i)(valid_?to|effective_?to|end_?date|expir\\w*|eff_?end\\w*)");
  private static final Pattern IS_CURRENT = Pattern.compile("(?i)(is_?current|current_?flag|is_?active)");
  private static final Pattern HASH_KEY = Pattern.compile("(?i).*(_hk|_hash_?key|hashkey)");
  private static final Pattern HASH_DIFF = Pattern.compile("(?i)(hash_?diff|hd_\\w+|\\w+_hashdiff)");
  private static final Pattern LOAD_DATE = Pattern.compile("(?i)(load_?date|load_?dts|load_?ts)");
  private static final Pattern RECORD_SOURCE = Pattern.compile("(?i)(record_?source|rec_?src)");

  private PatternDetector() {}

  /**
   * One pattern seen in one table.
   *
   * @param table the table as the source names it
   * @param pattern fact, factless_fact, dimension, bridge, scd2_history, hub, link or satellite
   * @param libraryPattern the library pattern that builds this shape, such as {@code kimball/scd2}
   * @param confidence 0..1
   * @param reason what in the schema shows it
   * @param columns the columns that show it
   */
  public record Detection(
      String table,
      String pattern,
      String libraryPattern,
      double confidence,
      String reason,
      List<String> columns) {}

  /** The patterns of every table of {@code source}, tables in source order. */
  public static List<Detection> detect(SourceSchema source) {
    SchemaGraph graph = new SchemaGraph(source);
    DesignContext ctx = new DesignContext(graph, ModelRequest.Options.defaults(), "mart");
    new KimballDesigner(ctx).classify();
    List<Detection> found = new ArrayList<>();
    for (SourceSchema.SourceTable table : graph.tables.values()) {
      List<Detection> vault = dataVault(table);
      found.addAll(vault);
      if (vault.isEmpty()) {
        found.addAll(kimball(graph, ctx, table));
      }
      scd2(table).ifPresent(found::add);
    }
    return found;
  }

  /** The role the Kimball designer gives the table, and a bridge when it joins two or more tables. */
  private static List<Detection> kimball(SchemaGraph graph, DesignContext ctx, SourceSchema.SourceTable table) {
    List<Detection> found = new ArrayList<>();
    for (Decision decision : ctx.decisions) {
      if (!decision.subject().equals(table.name())) {
        continue;
      }
      switch (decision.choice()) {
        case "fact" -> found.add(new Detection(table.name(), "fact", "kimball/transaction_fact",
            decision.confidence(), decision.reason(), measures(graph, table)));
        case "factless fact" -> found.add(new Detection(table.name(), "factless_fact", "kimball/factless_fact",
            decision.confidence(), decision.reason(), graph.primaryKey(table)));
        case "dimension" -> found.add(new Detection(table.name(), "dimension", "kimball/scd2",
            decision.confidence(), decision.reason(), graph.primaryKey(table)));
        default -> { } // skipped: nothing identifies a row, so no pattern is claimed
      }
    }
    if (graph.isAssociation(table)) {
      found.add(new Detection(table.name(), "bridge", "kimball/bridge", 0.7,
          "Its key is made only of references to " + graph.foreignKeys(table).size()
              + " tables: it can resolve a many-to-many relationship between them.",
          graph.primaryKey(table)));
    }
    return found;
  }

  private static List<String> measures(SchemaGraph graph, SourceSchema.SourceTable table) {
    return table.columns().stream()
        .filter(c -> graph.isMeasure(table, c))
        .map(SourceSchema.SourceColumn::name)
        .toList();
  }

  /** Valid-from and valid-to columns, with or without a current flag: rows keep history. */
  private static Optional<Detection> scd2(SourceSchema.SourceTable table) {
    List<String> from = names(table, VALID_FROM);
    List<String> to = names(table, VALID_TO);
    List<String> current = names(table, IS_CURRENT);
    if (from.isEmpty() || to.isEmpty()) {
      return Optional.empty();
    }
    List<String> columns = new ArrayList<>(from);
    columns.addAll(to);
    columns.addAll(current);
    return Optional.of(new Detection(table.name(), "scd2_history", "kimball/scd2",
        current.isEmpty() ? 0.75 : 0.9,
        "Validity columns " + String.join(", ", from) + " / " + String.join(", ", to)
            + (current.isEmpty() ? "" : " and current flag " + String.join(", ", current))
            + " keep one row per version: Type 2 history.",
        columns));
  }

  /** Hubs, links and satellites by their hash keys, hash diffs, load dates and record sources. */
  private static List<Detection> dataVault(SourceSchema.SourceTable table) {
    String name = SchemaGraph.entityName(table.name());
    List<String> hashKeys = names(table, HASH_KEY);
    List<String> hashDiff = names(table, HASH_DIFF);
    List<String> audit = new ArrayList<>(names(table, LOAD_DATE));
    audit.addAll(names(table, RECORD_SOURCE));
    boolean vaultAudit = audit.size() >= 2;
    List<String> evidence = new ArrayList<>(hashKeys);
    evidence.addAll(hashDiff);
    evidence.addAll(audit);
    if (name.startsWith("sat_") || (!hashDiff.isEmpty() && !hashKeys.isEmpty())) {
      return List.of(new Detection(table.name(), "satellite", "data_vault/satellite",
          name.startsWith("sat_") && !hashDiff.isEmpty() ? 0.95 : 0.8,
          "A hash key with a hash diff" + (vaultAudit ? ", load date and record source" : "")
              + " holds the changing attributes of a hub or link.", evidence));
    }
    boolean linkNamed = name.startsWith("link_") || name.startsWith("lnk_");
    if (linkNamed || (hashKeys.size() >= 3 && vaultAudit)) {
      double confidence = linkNamed && vaultAudit ? 0.95 : 0.75;
      return List.of(new Detection(table.name(), "link", "data_vault/link", confidence,
          hashKeys.size() + " hash keys" + (vaultAudit ? " with load date and record source" : "")
              + " relate hubs to each other.", evidence));
    }
    if (name.startsWith("hub_") || (hashKeys.size() == 1 && vaultAudit)) {
      double confidence = name.startsWith("hub_") && vaultAudit ? 0.95 : 0.75;
      return List.of(new Detection(table.name(), "hub", "data_vault/hub", confidence,
          "One hash key" + (vaultAudit ? " with load date and record source" : "")
              + " lists the business keys of one entity.", evidence));
    }
    return List.of();
  }

  private static List<String> names(SourceSchema.SourceTable table, Pattern pattern) {
    return table.columns().stream()
        .map(SourceSchema.SourceColumn::name)
        .filter(n -> pattern.matcher(n.toLowerCase(Locale.ROOT)).matches())
        .toList();
  }
}
