package io.flowforge.assistant;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The offline architect's planner: reads a message, resolves the tables and columns it names against the
 * workspace catalog, and turns it into tool calls. Deterministic: the same message, catalog and state
 * always give the same plan. Catalog content (names, values) only ever selects among existing names; it is
 * never read as an instruction.
 */
public final class RequestPlanner {
  private static final int MAX_NAMED_IN_NOTE = 12;

  private final ArchitectTexts texts;

  public RequestPlanner(ArchitectTexts texts) {
    this.texts = texts;
  }

  public Plan plan(String message, WorkspaceCatalog catalog, ConversationState state) {
    RequestText text = new RequestText(message);
    if (text.isBlank()) {
      return note(Intent.NOT_UNDERSTOOD, texts.get("empty"));
    }
    List<String> tables = tablesNamed(text, catalog);
    ModelKind kind = kindNamed(text);
    ModelRequest last = state.lastRequest();
    boolean scripts = asksForScripts(text);

    if (text.has("why", "explain", "reason", "rationale") || text.hasPhrase("tell me about")) {
      return explain(kind, last, text);
    }
    if (asksForEstimate(text) && !scripts) {
      return estimate(text, catalog, last);
    }
    if (kind != null && !tables.isEmpty()) {
      return create(newRequest(kind, tables, text), catalog, text, scripts);
    }
    Integer scdType = text.scdType();
    if (scdType != null && last != null && (kind == null || kind == ModelKind.DIMENSION)) {
      return changeScdType(last, scdType);
    }
    if (text.has("remove", "drop", "exclude", "without", "delete") || text.hasPhrase("take out", "get rid of")) {
      return last == null ? note(Intent.NEEDS_DETAIL, texts.get("noSuggestionYet")) : remove(last, text, catalog);
    }
    if (text.has("add", "include") || text.hasPhrase("more attributes", "more columns")) {
      return last == null ? note(Intent.NEEDS_DETAIL, texts.get("noSuggestionYet")) : add(last, text, catalog);
    }
    if (scripts) {
      if (last == null) {
        return note(Intent.NEEDS_DETAIL, texts.get("scriptsNeedModel"));
      }
      return new Plan(Intent.GENERATE_SCRIPTS, scriptCalls(last, templateTypes(text)), last, null);
    }
    if (kind != null) {
      if (last != null) {
        return regenerate(Intent.CREATE_MODEL, last.withKind(kind));
      }
      return note(Intent.NEEDS_DETAIL, texts.format("whichTables", kind.label(), someTables(catalog)));
    }
    boolean asksForPattern = text.has("pattern", "patterns", "approach");
    if (!asksForPattern
        && (text.has("optimize", "optimise", "optimized", "clustering", "partition", "partitioning", "liquid", "zorder", "performance")
            || text.hasPhrase("z order"))) {
      if (!tables.isEmpty()) {
        return optimizeTables(tables, catalog);
      }
      if (last != null) {
        return new Plan(Intent.OPTIMIZE, List.of(optimizations(last, catalog, text)), last, null);
      }
      return note(Intent.NEEDS_DETAIL, texts.format("whichTables", "optimization", someTables(catalog)));
    }
    if (asksForPattern && text.has("follow", "follows", "following", "detect", "existing", "already")) {
      // "Which patterns do my tables follow?" is about the workspace as it is, not a design to make.
      return new Plan(Intent.ANALYZE, List.of(call("detect_modeling_patterns", o -> { })), null, null);
    }
    if (text.has("recommend", "suggest", "best", "approach", "pattern", "patterns")
        || text.hasPhrase("how should", "what should")) {
      List<String> subject = !tables.isEmpty() ? tables : last != null ? last.sourceTables() : List.of();
      return subject.isEmpty()
          ? note(Intent.NEEDS_DETAIL, texts.format("whichTablesForPattern", someTables(catalog)))
          : recommend(subject, catalog, text);
    }
    if (!tables.isEmpty()
        && text.has("analyze", "analyse", "describe", "profile", "key", "keys", "relationship", "relationships", "related", "metadata", "show")) {
      return analyze(tables, text);
    }
    if (text.has("help", "capabilities") || text.hasPhrase("what can you do", "what do you do", "what can i ask", "how can you help", "what are you able")) {
      return note(Intent.CAPABILITIES, texts.get("capabilities"));
    }
    if (!tables.isEmpty()) {
      return note(Intent.NEEDS_DETAIL, texts.format("whatForTables", String.join(", ", tables)));
    }
    return note(Intent.NOT_UNDERSTOOD, texts.get("notUnderstood"));
  }

  // ---- reading the message

  private static List<String> tablesNamed(RequestText text, WorkspaceCatalog catalog) {
    List<String> names = catalog.tables().stream().map(WorkspaceCatalog.Table::name).toList();
    return NameMatcher.find(text.words(), names, notAName(text, names)).stream().map(NameMatcher.Match::name).toList();
  }

  /** Grammar and request words are never names, unless the catalog really has a table or column so named. */
  private static Predicate<String> notAName(RequestText text, List<String> names) {
    Set<String> exact = new HashSet<>();
    for (String name : names) {
      String local = name.substring(name.lastIndexOf('.') + 1);
      exact.add(NameMatcher.normalize(local));
    }
    return word -> text.isNotAName(word) && !exact.contains(word) && !exact.contains(NameMatcher.singular(word));
  }

  private static ModelKind kindNamed(RequestText text) {
    if (text.has("vault", "datavault", "hub", "hubs", "satellite", "satellites") || text.hasPhrase("dv", "dv2")) {
      return ModelKind.DATA_VAULT;
    }
    boolean fact = text.has("fact", "facts");
    boolean dimension = text.has("dimension", "dimensions", "dim", "scd") || text.hasPhrase("slowly changing");
    if (text.has("star") || (fact && dimension)) {
      return ModelKind.STAR;
    }
    if (fact) {
      return ModelKind.FACT;
    }
    return dimension || text.scdType() != null ? ModelKind.DIMENSION : null;
  }

  private static boolean asksForEstimate(RequestText text) {
    return text.has("estimate", "estimated", "fast", "faster", "speed", "quick", "quickly", "slow", "latency")
        || text.hasPhrase("how long", "files scanned", "bytes scanned", "data skipping", "scan cost");
  }

  private static boolean asksForScripts(RequestText text) {
    return text.has("script", "scripts", "ddl", "sql", "etl", "dml", "deploy", "deployment", "template", "templates", "pipeline", "pipelines", "merge");
  }

  private static List<String> templateTypes(RequestText text) {
    List<String> types = new ArrayList<>();
    if (text.has("ddl") || text.hasPhrase("create table", "table definitions")) {
      types.add("ddl");
    }
    if (text.has("etl", "merge", "pipeline", "pipelines", "load", "loads", "loading")) {
      types.add("etl");
    }
    if (text.has("dml") || text.hasPhrase("insert")) {
      types.add("dml");
    }
    if (text.has("test", "tests") || text.hasPhrase("quality checks")) {
      types.add("test");
    }
    return types.isEmpty() ? List.of("ddl", "etl") : types;
  }

  private static String optimization(RequestText text) {
    if (text.has("streaming", "realtime") || text.hasPhrase("real time", "near real time")) {
      return "real_time";
    }
    if (text.hasPhrase("high volume", "large volume", "big data", "billions")) {
      return "high_volume";
    }
    if (text.has("general", "generic", "portable")) {
      return "general";
    }
    return "databricks";
  }

  private static ModelRequest newRequest(ModelKind kind, List<String> tables, RequestText text) {
    Integer scd = kind == ModelKind.DIMENSION ? (text.scdType() == null ? 2 : text.scdType()) : null;
    if (kind == ModelKind.STAR && text.scdType() != null) {
      scd = text.scdType();
    }
    String grain = kind == ModelKind.FACT || kind == ModelKind.STAR ? text.grain() : null;
    return new ModelRequest(kind, tables, modelName(tables.get(0)), scd, List.of(), List.of(), grain, optimization(text));
  }

  /** {@code Production.ProductCategory} → {@code product_category}; {@code customers} → {@code customer}. */
  static String modelName(String table) {
    String local = table.substring(table.lastIndexOf('.') + 1);
    String snake = local.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT);
    String trimmed = snake.replaceAll("^_+|_+$", "");
    if (trimmed.isEmpty() || !Character.isLetter(trimmed.charAt(0))) {
      trimmed = "t_" + trimmed;
    }
    return NameMatcher.singular(trimmed);
  }

  // ---- plans

  private Plan create(ModelRequest request, WorkspaceCatalog catalog, RequestText text, boolean scripts) {
    List<PlannedCall> calls = new ArrayList<>();
    calls.add(call("get_table_metadata", o -> {
      o.set("table_names", array(request.sourceTables()));
      o.put("include_stats", true);
    }));
    if (request.kind() == ModelKind.DATA_VAULT) {
      request.sourceTables().forEach(t -> calls.add(call("suggest_keys", o -> o.put("table_name", t))));
    }
    if (request.kind() == ModelKind.STAR) {
      calls.add(call("analyze_schema", o -> o.set("tables", array(request.sourceTables()))));
    } else {
      calls.addAll(relationshipCalls(request.sourceTables()));
    }
    boolean explicitScd = text.has("scd") || text.hasPhrase("slowly changing") || text.scdType() != null;
    String patternType =
        request.kind() == ModelKind.DIMENSION && explicitScd ? "slowly_changing_dimension" : request.kind().patternType();
    calls.add(call("get_pattern", o -> {
      o.put("pattern_type", patternType);
      o.put("optimization", request.optimization());
      if (request.kind() == ModelKind.DIMENSION) {
        o.put("scd_type", request.scdType());
      }
    }));
    calls.addAll(generation(request, calls.size()));
    int model = calls.size() - 2;
    if (request.kind() == ModelKind.DATA_VAULT) {
      calls.add(optimizations(request, catalog, text));
    } else if (request.kind() != ModelKind.STAR) {
      String table = (request.kind() == ModelKind.FACT ? "fact_" : "dim_") + request.name();
      calls.add(call("recommend_clustering", o -> o.put("table_name", table)));
    }
    if (scripts) {
      calls.add(templates(model, templateTypes(text)));
    }
    return new Plan(Intent.CREATE_MODEL, calls, request, null);
  }

  private Plan changeScdType(ModelRequest last, int type) {
    if (last.kind() != ModelKind.DIMENSION && last.kind() != ModelKind.STAR) {
      return note(Intent.NEEDS_DETAIL, texts.format("scdNeedsDimension", last.kind().label()));
    }
    return regenerate(Intent.CHANGE_SCD_TYPE, last.withScdType(type));
  }

  private Plan add(ModelRequest last, RequestText text, WorkspaceCatalog catalog) {
    List<String> columns = columnsNamed(text, last, catalog);
    if (columns.isEmpty()) {
      if (text.hasPhrase("more attributes", "more columns", "all attributes", "all columns", "every column", "all the columns")) {
        return regenerate(Intent.ADD_ATTRIBUTES, last.includingAll());
      }
      return note(Intent.NEEDS_DETAIL, texts.format("whichColumns", columnList(last, catalog)));
    }
    ModelRequest added = last.including(columns);
    if (added.equals(last)) {
      return note(Intent.NEEDS_DETAIL, texts.format("alreadyIncluded", String.join(", ", columns)));
    }
    return regenerate(Intent.ADD_ATTRIBUTES, added);
  }

  private Plan remove(ModelRequest last, RequestText text, WorkspaceCatalog catalog) {
    List<String> columns = columnsNamed(text, last, catalog);
    if (columns.isEmpty()) {
      return note(Intent.NEEDS_DETAIL, texts.format("whichColumns", columnList(last, catalog)));
    }
    return regenerate(Intent.REMOVE_ATTRIBUTES, last.excluding(columns));
  }

  private Plan regenerate(Intent intent, ModelRequest request) {
    return new Plan(intent, generation(request, 0), request, null);
  }

  private Plan explain(ModelKind kind, ModelRequest last, RequestText text) {
    ModelKind subject = kind != null ? kind : last != null ? last.kind() : null;
    if (subject == null) {
      return note(Intent.NEEDS_DETAIL, texts.get("explainWhat"));
    }
    Integer scdType = text.scdType() != null ? text.scdType() : last != null ? last.scdType() : null;
    boolean scd = subject == ModelKind.DIMENSION && scdType != null;
    String patternType = scd ? "slowly_changing_dimension" : subject.patternType();
    List<PlannedCall> calls =
        List.of(
            call("get_pattern", o -> {
              o.put("pattern_type", patternType);
              o.put("optimization", last != null ? last.optimization() : "databricks");
              if (scd) {
                o.put("scd_type", scdType);
              }
            }),
            call("get_databricks_optimizations", o -> o.put("pattern_type", patternType)));
    return new Plan(Intent.EXPLAIN, calls, last, null);
  }

  private Plan recommend(List<String> tables, WorkspaceCatalog catalog, RequestText text) {
    List<PlannedCall> calls = new ArrayList<>();
    calls.add(call("get_table_metadata", o -> {
      o.set("table_names", array(tables));
      o.put("include_stats", true);
    }));
    calls.add(call("recommend_pattern", o -> {
      o.set("table_names", array(tables));
      o.put("scale", scale(tables, catalog));
      o.put("use_case", text.original().length() > 1000 ? text.original().substring(0, 1000) : text.original());
    }));
    return new Plan(Intent.RECOMMEND_PATTERN, calls, null, null);
  }

  private Plan optimizeTables(List<String> tables, WorkspaceCatalog catalog) {
    List<PlannedCall> calls = new ArrayList<>();
    for (String name : tables) {
      WorkspaceCatalog.Table table = catalog.table(name).orElseThrow();
      calls.add(call("recommend_clustering", o -> {
        o.put("table_name", name);
        ObjectNode cardinality = o.putObject("cardinality");
        table.columns().stream().filter(c -> c.distinctCount() >= 0).forEach(c -> cardinality.put(c.name(), c.distinctCount()));
      }));
      calls.add(call("recommend_partitioning", o -> {
        o.put("table_name", name);
        if (table.rowCount() >= 0) {
          o.put("row_count", table.rowCount());
        }
        o.set("date_columns", array(table.columns().stream().filter(c -> isTemporal(c.type())).map(WorkspaceCatalog.Column::name).toList()));
      }));
      calls.add(call("recommend_delta_features", o -> o.put("table_name", name)));
    }
    return new Plan(Intent.OPTIMIZE, calls, null, null);
  }

  /**
   * An estimate of a filtered query's scan on one table. Tables and columns are matched together, so "customer
   * id" names the column CustomerID rather than the table customer; each column is a partition, clustering or
   * filter column by the nearest layout word before (or right after) it.
   */
  private Plan estimate(RequestText text, WorkspaceCatalog catalog, ModelRequest last) {
    Map<String, String[]> targets = new java.util.LinkedHashMap<>();
    for (int t = 0; t < catalog.tables().size(); t++) {
      WorkspaceCatalog.Table table = catalog.tables().get(t);
      targets.put(table.name(), new String[] {table.name(), null});
      for (WorkspaceCatalog.Column c : table.columns()) {
        targets.putIfAbsent("#" + t + "." + c.name(), new String[] {table.name(), c.name()});
      }
    }
    List<String> candidates = new ArrayList<>(targets.keySet());
    List<String> locals = candidates.stream().map(n -> n.substring(n.lastIndexOf('.') + 1)).toList();
    List<NameMatcher.Match> matches = NameMatcher.find(text.words(), candidates, notAName(text, locals));
    String subject = matches.stream().map(m -> targets.get(m.name())).filter(x -> x[1] == null).map(x -> x[0])
        .findFirst()
        .or(() -> last == null ? java.util.Optional.empty() : java.util.Optional.of(last.sourceTables().get(0)))
        .or(() -> matches.stream().map(m -> targets.get(m.name())[0]).findFirst())
        .orElse(null);
    if (subject == null) {
      return note(Intent.NEEDS_DETAIL, texts.format("whichTables", "performance estimate", someTables(catalog)));
    }
    WorkspaceCatalog.Table table = catalog.table(subject).orElseThrow();
    List<String> partition = new ArrayList<>();
    List<String> clustering = new ArrayList<>();
    List<String> filters = new ArrayList<>();
    for (NameMatcher.Match m : matches) {
      String[] target = targets.get(m.name());
      String columnName = target[1] != null ? target[1] : target[0];
      java.util.Optional<WorkspaceCatalog.Column> column =
          table.columns().stream().filter(c -> NameMatcher.normalize(c.name()).equals(NameMatcher.normalize(columnName))).findFirst();
      if (column.isEmpty() || (target[1] == null && target[0].equals(subject))) {
        continue;
      }
      String name = column.get().name();
      List<String> into = switch (layoutWord(text.words(), m)) {
        case "partition" -> partition;
        case "clustering" -> clustering;
        default -> filters;
      };
      if (!partition.contains(name) && !clustering.contains(name) && !filters.contains(name)) {
        into.add(name);
      }
    }
    Long rows = text.rowCount();
    boolean zOrder = text.has("zorder") || text.hasPhrase("z order");
    PlannedCall call = call("estimate_performance", o -> {
      o.put("table_name", table.name());
      if (!filters.isEmpty()) {
        o.put("filter_column", filters.get(0));
      }
      if (!partition.isEmpty()) {
        o.set("partition_columns", array(partition.subList(0, Math.min(4, partition.size()))));
      }
      if (!clustering.isEmpty()) {
        o.set("clustering_columns", array(clustering.subList(0, Math.min(4, clustering.size()))));
        if (zOrder) {
          o.put("clustering_method", "z_order");
        }
      }
      if (rows != null) {
        o.put("projected_row_count", rows);
      }
    });
    return new Plan(Intent.ESTIMATE_PERFORMANCE, List.of(call), null, null);
  }

  /** partition, clustering or filter: the nearest layout word before the name, else the word right after it. */
  private static String layoutWord(List<String> words, NameMatcher.Match m) {
    for (int i = m.firstWord() - 1; i >= 0; i--) {
      String kind = layoutKind(words, i);
      if (kind != null) {
        return kind;
      }
    }
    String after = m.lastWord() + 1 < words.size() ? layoutKind(words, m.lastWord() + 1) : null;
    return after == null ? "filter" : after;
  }

  private static String layoutKind(List<String> words, int i) {
    String w = words.get(i);
    if (w.startsWith("partition")) {
      return "partition";
    }
    if (w.startsWith("cluster") || w.equals("zorder") || (w.equals("order") && i > 0 && words.get(i - 1).equals("z"))) {
      return "clustering";
    }
    if (w.startsWith("filter") || w.equals("where") || w.startsWith("lookup")) {
      return "filter";
    }
    return null;
  }

  private Plan analyze(List<String> tables, RequestText text) {
    List<PlannedCall> calls = new ArrayList<>();
    calls.add(call("analyze_schema", o -> o.set("tables", array(tables))));
    if (text.has("key", "keys")) {
      tables.forEach(t -> calls.add(call("suggest_keys", o -> o.put("table_name", t))));
    }
    if (text.has("relationship", "relationships", "related")) {
      if (tables.size() == 1) {
        calls.add(call("find_relationships", o -> o.put("source_table", tables.get(0))));
      } else {
        calls.addAll(relationshipCalls(tables));
      }
    }
    return new Plan(Intent.ANALYZE, calls, null, null);
  }

  private static List<PlannedCall> scriptCalls(ModelRequest request, List<String> types) {
    List<PlannedCall> calls = new ArrayList<>(List.of(generationCall(request)));
    calls.add(templates(0, types));
    calls.add(new PlannedCall("generate_yaml_metadata", Json.mapper().createObjectNode(), Map.of("model", 0)));
    return calls;
  }

  /** Generating a model, then its canvas nodes: {@code first} is the index the generation call will have. */
  private static List<PlannedCall> generation(ModelRequest request, int first) {
    ObjectNode layout = Json.mapper().createObjectNode().put("layout", "hierarchical");
    return List.of(generationCall(request), new PlannedCall("generate_reactflow_nodes", layout, Map.of("model_spec", first)));
  }

  private static PlannedCall generationCall(ModelRequest request) {
    if (request.kind() == ModelKind.DATA_VAULT) {
      return call("generate_data_vault_model", o -> {
        o.set("source_tables", array(request.sourceTables()));
        o.put("optimization", request.optimization());
      });
    }
    return call("generate_dimensional_model", o -> {
      o.set("source_tables", array(request.sourceTables()));
      o.put("model_type", switch (request.kind()) {
        case FACT -> "fact";
        case STAR -> "star";
        default -> "dimension";
      });
      o.put("dimension_name", request.name());
      if (request.scdType() != null) {
        o.put("scd_type", request.scdType());
      }
      if (!request.attributes().isEmpty()) {
        ArrayNode attributes = o.putArray("dimension_attributes");
        request.attributes().forEach(a -> attributes.addObject()
            .put("name", a.substring(a.lastIndexOf('.') + 1))
            .put("source_table", a.substring(0, a.lastIndexOf('.'))));
      }
      if (!request.excluded().isEmpty()) {
        o.set("exclude_attributes", array(request.excluded()));
      }
      if (request.grain() != null) {
        o.put("grain", request.grain());
      }
      o.put("optimization", request.optimization());
    });
  }

  private static PlannedCall templates(int modelStep, List<String> types) {
    ObjectNode input = Json.mapper().createObjectNode();
    input.set("template_types", array(types));
    return new PlannedCall("generate_templates", input, Map.of("model", modelStep));
  }

  private static PlannedCall optimizations(ModelRequest request, WorkspaceCatalog catalog, RequestText text) {
    String pattern = request.kind() == ModelKind.DIMENSION && request.scdType() != null ? "slowly_changing_dimension" : request.kind().patternType();
    return call("get_databricks_optimizations", o -> {
      o.put("pattern_type", pattern);
      o.put("data_volume", scale(request.sourceTables(), catalog));
      o.put("access_pattern", "real_time".equals(request.optimization()) || text.has("streaming") ? "streaming" : "batch");
    });
  }

  private static List<PlannedCall> relationshipCalls(List<String> tables) {
    List<PlannedCall> calls = new ArrayList<>();
    for (int i = 0; i < tables.size(); i++) {
      for (int j = i + 1; j < tables.size(); j++) {
        String source = tables.get(i);
        String target = tables.get(j);
        calls.add(call("find_relationships", o -> {
          o.put("source_table", source);
          o.put("target_table", target);
        }));
      }
    }
    return calls;
  }

  // ---- helpers

  /** Columns of the model's source tables named in the text, as {@code table.column}. */
  private static List<String> columnsNamed(RequestText text, ModelRequest request, WorkspaceCatalog catalog) {
    List<String> qualified = new ArrayList<>();
    for (String t : request.sourceTables()) {
      catalog.table(t).ifPresent(table -> table.columns().forEach(c -> qualified.add(table.name() + "." + c.name())));
    }
    List<String> locals = qualified.stream().map(q -> q.substring(q.lastIndexOf('.') + 1)).toList();
    Predicate<String> ignored = notAName(text, locals);
    return NameMatcher.find(text.words(), qualified, ignored).stream().map(NameMatcher.Match::name).toList();
  }

  private static String columnList(ModelRequest request, WorkspaceCatalog catalog) {
    List<String> names = new ArrayList<>();
    for (String t : request.sourceTables()) {
      catalog.table(t).ifPresent(table -> table.columns().forEach(c -> names.add(c.name())));
    }
    return names.size() > MAX_NAMED_IN_NOTE
        ? String.join(", ", names.subList(0, MAX_NAMED_IN_NOTE)) + ", …"
        : String.join(", ", names);
  }

  private static String someTables(WorkspaceCatalog catalog) {
    List<String> names = catalog.tables().stream().map(WorkspaceCatalog.Table::name).toList();
    if (names.isEmpty()) {
      return "(this workspace has no tables yet: upload a dataset first)";
    }
    return names.size() > MAX_NAMED_IN_NOTE ? String.join(", ", names.subList(0, MAX_NAMED_IN_NOTE)) + ", …" : String.join(", ", names);
  }

  /** Volume class of the largest table: small below 1M rows, medium below 100M, large below 1B. */
  static String scale(List<String> tables, WorkspaceCatalog catalog) {
    long rows = tables.stream().map(catalog::table).flatMap(java.util.Optional::stream).mapToLong(WorkspaceCatalog.Table::rowCount).max().orElse(0);
    if (rows < 1_000_000L) {
      return "small";
    }
    if (rows < 100_000_000L) {
      return "medium";
    }
    return rows < 1_000_000_000L ? "large" : "xlarge";
  }

  private static boolean isTemporal(String type) {
    String t = type.toUpperCase(Locale.ROOT);
    return t.startsWith("DATE") || t.startsWith("TIMESTAMP");
  }

  private static Plan note(Intent intent, String note) {
    return new Plan(intent, List.of(), null, note);
  }

  private static PlannedCall call(String tool, java.util.function.Consumer<ObjectNode> fill) {
    ObjectNode input = Json.mapper().createObjectNode();
    fill.accept(input);
    return new PlannedCall(tool, input);
  }

  private static ArrayNode array(List<String> values) {
    ArrayNode array = Json.mapper().createArrayNode();
    values.forEach(array::add);
    return array;
  }
}
