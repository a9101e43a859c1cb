package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.modeling.PatternDetector;
import io.flowforge.modeling.PatternDetector.Detection;
import io.flowforge.modeling.ProfiledSource;
import io.flowforge.modeling.SourceSchema;
import io.flowforge.patterns.PatternDefinition;
import io.flowforge.patterns.PatternLibrary;
import io.flowforge.patterns.PatternRecommender;
import io.flowforge.patterns.PatternService;
import io.flowforge.profiling.SchemaAnalyzer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * detect_modeling_patterns and recommend_pattern: which patterns the workspace's tables already follow
 * ({@link PatternDetector}) and which library pattern to build each with. Results carry names, types and
 * reasons only, never data values.
 */
public final class PatternAdviceTools {
  private static final Pattern KEY_NAME = Pattern.compile("([a-z0-9]+?)(id|key)");

  private PatternAdviceTools() {}

  public static ToolRegistry register(ToolRegistry registry, PatternLibrary library) {
    return registry
        .register("detect_modeling_patterns", (context, input) -> detect(context))
        .register("recommend_pattern", (context, input) -> recommend(library, context, input));
  }

  static JsonNode detect(ToolContext context) {
    Source source = source(context);
    List<Detection> detections = PatternDetector.detect(source.schema());
    ObjectNode result = Json.mapper().createObjectNode().put("key_basis", source.keyBasis());
    ArrayNode tables = result.putArray("tables");
    Map<String, Integer> counts = new TreeMap<>();
    for (SourceSchema.SourceTable table : source.schema().tables()) {
      ArrayNode patterns = tables.addObject().put("name", table.name()).putArray("patterns");
      for (Detection d : detections) {
        if (d.table().equals(table.name())) {
          patterns.add(detection(d));
          counts.merge(d.pattern(), 1, Integer::sum);
        }
      }
    }
    result.set("summary", Json.mapper().valueToTree(counts));
    return result;
  }

  static JsonNode recommend(PatternLibrary library, ToolContext context, JsonNode input) {
    String useCase = input.path("use_case").asText("");
    String scale = input.path("scale").asText("");
    Source source = source(context);
    List<Detection> detections = PatternDetector.detect(source.schema());
    ObjectNode result = Json.mapper().createObjectNode().put("key_basis", source.keyBasis());
    ArrayNode recommendations = result.putArray("recommendations");
    for (JsonNode requested : input.path("table_names")) {
      String name = context.catalog().table(requested.asText()).map(WorkspaceCatalog.Table::name)
          .orElseThrow(() -> CatalogTools.unknownTable(context, requested.asText(), "/table_names"));
      List<Detection> own = detections.stream().filter(d -> d.table().equals(name)).toList();
      recommendations.add(recommendation(library, name, own, scale));
    }
    if (!useCase.isBlank()) {
      ArrayNode matches = result.putArray("use_case_matches");
      for (PatternService.Recommendation r : PatternRecommender.recommend(library, useCase, null, 3)) {
        matches.addObject().put("pattern", r.id()).put("name", r.name()).put("score", r.score())
            .put("when_to_use", r.whenToUse()).set("matched_words", Json.mapper().valueToTree(r.matched()));
      }
    }
    return result;
  }

  /**
   * The pattern to build a table with: a Data Vault shape stays one; otherwise the Kimball role decides, and
   * a dimension is Type 2 (history kept) with Type 1 as the lighter alternative.
   */
  private static ObjectNode recommendation(
      PatternLibrary library, String table, List<Detection> own, String scale) {
    ObjectNode out = Json.mapper().createObjectNode().put("table", table);
    Optional<Detection> main = own.stream().filter(d -> !d.pattern().equals("scd2_history")).findFirst()
        .or(() -> own.stream().findFirst());
    if (main.isEmpty()) {
      out.putNull("pattern");
      out.put("reason", "Nothing in its columns identifies a row (no key, no reference); declare or upload a key"
          + " for it and ask again.");
      return out;
    }
    Detection chosen = main.get();
    PatternDefinition pattern = library.get(chosen.libraryPattern());
    boolean history = own.stream().anyMatch(d -> d.pattern().equals("scd2_history"));
    String why = chosen.reason() + (history && !chosen.pattern().equals("scd2_history")
        ? " Its validity columns already keep history." : "");
    out.put("pattern", pattern.id()).put("name", pattern.name()).put("detected_as", chosen.pattern())
        .put("confidence", chosen.confidence()).put("reason", why).put("when_to_use", pattern.whenToUse());
    ArrayNode alternatives = out.putArray("alternatives");
    if (chosen.pattern().equals("dimension") && !history) {
      PatternDefinition scd1 = library.get("kimball/scd1");
      alternatives.addObject().put("pattern", scd1.id()).put("name", scd1.name())
          .put("reason", "Overwrite changed attributes instead when their history is not needed.");
    }
    if (scale.equals("large") || scale.equals("xlarge")) {
      // At this volume the table's physical layout matters as much as its shape.
      ArrayNode optimizations = out.putArray("databricks_optimizations");
      for (PatternDefinition.Optimization o : pattern.databricksOptimizations()) {
        optimizations.addObject()
            .put("feature", o.feature())
            .put("columns", o.columns())
            .put("reason", o.reason());
      }
    }
    return out;
  }

  private static ObjectNode detection(Detection d) {
    ObjectNode out = Json.mapper().createObjectNode()
        .put("pattern", d.pattern())
        .put("library_pattern", d.libraryPattern())
        .put("confidence", d.confidence())
        .put("reason", d.reason());
    out.set("columns", Json.mapper().valueToTree(d.columns()));
    return out;
  }

  /** The workspace as a source schema, and whether its keys were profiled or read from column names. */
  record Source(SourceSchema schema, String keyBasis) {}

  /**
   * Profiles the tables' data files when every table has one (keys and relationships measured); otherwise
   * reads keys from column names as the catalog spells them.
   */
  static Source source(ToolContext context) {
    List<WorkspaceCatalog.Table> tables = context.catalog().tables();
    if (tables.isEmpty()) {
      throw FlowForgeException.invalid(null, "This workspace has no tables yet; upload data first.");
    }
    List<Path> files = new ArrayList<>();
    for (WorkspaceCatalog.Table table : tables) {
      context.catalog().file(table.name()).ifPresent(files::add);
    }
    if (files.size() == tables.size()) {
      return new Source(ProfiledSource.from(context.workspaceId(), SchemaAnalyzer.analyze(files)), "profiled");
    }
    return new Source(byColumnNames(context.workspaceId(), tables), "column_names");
  }

  /**
   * Keys from names alone: a table's key is its column named after it; a table
   * without one whose columns name two or more other tables' keys is keyed by them (a many-to-many table),
   * else by its first column ending in id or key. A column named like another table's key references it.
   */
  static SourceSchema byColumnNames(String system, List<WorkspaceCatalog.Table> tables) {
    Map<String, String> ownKey = new LinkedHashMap<>();
    for (WorkspaceCatalog.Table table : tables) {
      ownKeyColumn(table).ifPresent(key -> ownKey.put(table.name(), key));
    }
    List<SourceSchema.SourceTable> out = new ArrayList<>();
    for (WorkspaceCatalog.Table table : tables) {
      List<SourceSchema.ForeignKey> references = new ArrayList<>();
      List<SourceSchema.SourceColumn> columns = new ArrayList<>();
      String own = ownKey.get(table.name());
      for (WorkspaceCatalog.Column column : table.columns()) {
        columns.add(new SourceSchema.SourceColumn(column.name(), column.type(), true, null));
        for (Map.Entry<String, String> other : ownKey.entrySet()) {
          if (!other.getKey().equals(table.name()) && other.getValue().equalsIgnoreCase(column.name())
              && !column.name().equalsIgnoreCase(own)) {
            references.add(new SourceSchema.ForeignKey(
                List.of(column.name()), other.getKey(), List.of(other.getValue())));
          }
        }
      }
      List<String> key;
      if (own != null) {
        key = List.of(own);
      } else if (references.size() >= 2) {
        key = references.stream().map(r -> r.columns().get(0)).toList();
      } else {
        key = table.columns().stream().map(WorkspaceCatalog.Column::name)
            .filter(n -> n.toLowerCase(Locale.ROOT).matches(".*(id|key)$")).limit(1).toList();
      }
      out.add(new SourceSchema.SourceTable(table.name(), columns, key, List.of(), references,
          table.rowCount() < 0 ? null : table.rowCount()));
    }
    return new SourceSchema(system, "staging", out);
  }

  /**
   * The column named after the table: {@code ProductID} of product, or {@code SalesOrderID} of
   * salesorderheader (the longest name that starts the table's name wins).
   */
  private static Optional<String> ownKeyColumn(WorkspaceCatalog.Table table) {
    String own =
        table.name().substring(table.name().lastIndexOf('.') + 1).replace("_", "").toLowerCase(Locale.ROOT);
    String best = null;
    int bestLength = 0;
    for (WorkspaceCatalog.Column column : table.columns()) {
      Matcher key = KEY_NAME.matcher(column.name().replace("_", "").toLowerCase(Locale.ROOT));
      boolean namesTable = key.matches() && key.group(1).length() >= 3 && own.startsWith(key.group(1));
      if (namesTable && key.group(1).length() > bestLength) {
        best = column.name();
        bestLength = key.group(1).length();
      }
    }
    return Optional.ofNullable(best);
  }
}
