package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The embedded default architect and Bedrock's fallback: plans with {@link RequestPlanner}, runs the plan
 * through the tool registry and explains the outcome. It reports plainly what it could not do.
 */
public final class OfflineArchitect implements Architect {
  public static final String NAME = "offline-architect";

  private final RequestPlanner planner;
  private final PlanRunner runner;
  private final ArchitectTexts texts;

  public OfflineArchitect(ToolRegistry registry) {
    this(registry, ArchitectTexts.standard());
  }

  public OfflineArchitect(ToolRegistry registry, ArchitectTexts texts) {
    this.planner = new RequestPlanner(texts);
    this.runner = new PlanRunner(registry);
    this.texts = texts;
  }

  /** The plan alone, without running it. */
  public Plan plan(WorkspaceCatalog catalog, ConversationState state, String message) {
    return planner.plan(message, catalog, state);
  }

  @Override
  public AssistantReply reply(ToolContext context, ConversationState state, String message, ReplyListener listener) {
    Plan plan = planner.plan(message, context.catalog(), state);
    List<ToolOutcome> outcomes = runner.run(plan, context, listener::onToolCall);
    ConversationState next = plan.request() != null ? new ConversationState(plan.request()) : state;
    String text = text(plan, outcomes, context.catalog());
    listener.onText(text);
    return new AssistantReply(
        text,
        plan.intent() == Intent.EXPLAIN ? null : Suggestions.from(plan.request(), outcomes),
        outcomes, next, NAME, Usage.NONE, null);
  }

  private String text(Plan plan, List<ToolOutcome> outcomes, WorkspaceCatalog catalog) {
    if (plan.calls().isEmpty()) {
      return plan.note();
    }
    StringBuilder text = new StringBuilder(opening(plan)).append('\n');
    if (plan.intent() == Intent.CREATE_MODEL && plan.request() != null) {
      text.append("\nFrom your workspace:\n");
      for (String t : plan.request().sourceTables()) {
        catalog.table(t).ifPresent(table -> text.append("- ").append(describe(table)).append('\n'));
      }
    }
    String why = rationale(plan);
    if (why != null) {
      text.append('\n').append(why).append('\n');
    }
    appendOutcomes(text, outcomes);
    if (plan.request() != null && plan.intent() != Intent.EXPLAIN) {
      text.append("\nWould you like me to:\n1. add or remove attributes?\n");
      if (plan.request().kind() == ModelKind.DIMENSION) {
        text.append("2. change the SCD type (Type 1, Type 2, Type 3)?\n3. generate the deployment scripts?");
      } else {
        text.append("2. generate the deployment scripts?");
      }
    }
    return text.toString().strip();
  }

  private static String opening(Plan plan) {
    ModelRequest r = plan.request();
    return switch (plan.intent()) {
      case CREATE_MODEL -> "I'll design " + modelLabel(r) + " from " + String.join(" and ", r.sourceTables()) + ".";
      case CHANGE_SCD_TYPE -> "I'll regenerate the model as " + modelLabel(r) + ".";
      case ADD_ATTRIBUTES, REMOVE_ATTRIBUTES -> "I'll regenerate " + modelLabel(r) + " with "
          + (r.attributes().isEmpty() ? "every descriptive column" : "the attributes " + String.join(", ", r.attributes()))
          + (r.excluded().isEmpty() ? "" : ", leaving out " + String.join(", ", r.excluded())) + ".";
      case GENERATE_SCRIPTS -> "I'll generate the deployment scripts (" + scriptTypes(plan) + ") for " + modelLabel(r) + ".";
      case RECOMMEND_PATTERN -> "I'll ask the pattern library which pattern fits " + tablesOf(plan) + ".";
      case OPTIMIZE -> "I'll look for Databricks optimizations.";
      case ESTIMATE_PERFORMANCE -> "I'll estimate how much a typical filtered query on " + tablesOf(plan)
          + " reads, without a layout and with one.";
      case ANALYZE -> "I'll analyze " + tablesOf(plan) + ".";
      case EXPLAIN -> "Here is the reasoning.";
      default -> "";
    };
  }

  private static String modelLabel(ModelRequest r) {
    return switch (r.kind()) {
      case DIMENSION -> "a Type " + r.scdType() + " slowly changing dimension dim_" + r.name();
      case FACT -> "a fact table fact_" + r.name() + (r.grain() == null ? "" : " (grain: " + r.grain() + ")");
      case STAR -> "a star schema around " + r.name();
      case DATA_VAULT -> "a Data Vault 2.0 model (hubs, links, satellites)";
    };
  }

  private String rationale(Plan plan) {
    ModelRequest r = plan.request();
    if (r == null) {
      return plan.intent() == Intent.EXPLAIN ? explainFromPattern(plan) : null;
    }
    String kind = r.kind() == ModelKind.DIMENSION && r.scdType() != null
        ? texts.get("explain.slowly_changing_dimension." + r.scdType())
        : texts.get("explain." + r.kind().patternType());
    return plan.intent() == Intent.EXPLAIN ? kind + "\n" + texts.get("explain.databricks") : kind;
  }

  private String explainFromPattern(Plan plan) {
    JsonNode input = plan.call("get_pattern").input();
    String key = "explain." + input.path("pattern_type").asText();
    String kind = input.has("scd_type") ? texts.get(key + "." + input.get("scd_type").asInt()) : texts.get(key);
    return kind + "\n" + texts.get("explain.databricks");
  }

  private static void appendOutcomes(StringBuilder text, List<ToolOutcome> outcomes) {
    String unavailable = outcomes.stream()
        .filter(o -> o.status() == ToolOutcome.Status.UNAVAILABLE)
        .map(ToolOutcome::tool)
        .distinct()
        .collect(Collectors.joining(", "));
    List<ToolOutcome> failed = outcomes.stream().filter(o -> o.status() == ToolOutcome.Status.FAILED).toList();
    long ran = outcomes.stream().filter(ToolOutcome::ok).count();
    if (ran > 0) {
      text.append("\nI ran ").append(ran).append(ran == 1 ? " tool: " : " tools: ")
          .append(outcomes.stream().filter(ToolOutcome::ok).map(ToolOutcome::tool).collect(Collectors.joining(", ")))
          .append(ran == 1 ? ". Its result is attached to this answer.\n" : ". Their results are attached to this answer.\n");
      outcomes.stream().filter(o -> o.ok() && o.tool().equals("generate_reactflow_nodes")).findFirst()
          .ifPresent(o -> text.append("The model has ").append(o.result().path("nodes").size()).append(" tables on the canvas preview.\n"));
      outcomes.stream().filter(o -> o.ok() && o.tool().equals("estimate_performance"))
          .forEach(o -> text.append('\n').append(summarizeEstimate(o.result())).append('\n'));
      outcomes.stream().filter(o -> o.ok() && o.tool().equals("recommend_pattern"))
          .forEach(o -> text.append('\n').append(summarizeRecommendations(o.result())));
      outcomes.stream().filter(o -> o.ok() && o.tool().equals("detect_modeling_patterns"))
          .forEach(o -> text.append('\n').append(summarizeDetections(o.result())));
    }
    failed.forEach(o -> text.append("\n").append(o.tool()).append(" failed: ").append(o.error()).append('\n'));
    if (!unavailable.isEmpty()) {
      text.append("\nThese tools are not available in this installation, so I could not run them: ")
          .append(unavailable).append(". Nothing below was invented to replace them.\n");
    }
  }

  /** One line per table: the pattern to build it with and why. */
  private static String summarizeRecommendations(JsonNode result) {
    StringBuilder s = new StringBuilder();
    for (JsonNode r : result.path("recommendations")) {
      s.append("- ").append(r.path("table").asText()).append(": ")
          .append(r.path("pattern").isNull() ? "no pattern yet" : r.path("name").asText() + " (" + r.path("pattern").asText() + ")")
          .append(". ").append(r.path("reason").asText()).append('\n');
    }
    return s.toString();
  }

  /** One line per table: the patterns it already follows. */
  private static String summarizeDetections(JsonNode result) {
    StringBuilder s = new StringBuilder();
    for (JsonNode t : result.path("tables")) {
      List<String> patterns = new java.util.ArrayList<>();
      t.path("patterns").forEach(p -> patterns.add(p.path("pattern").asText().replace('_', ' ')));
      s.append("- ").append(t.path("name").asText()).append(": ")
          .append(patterns.isEmpty() ? "no pattern recognised" : String.join(", ", patterns)).append('\n');
    }
    return s.toString();
  }

  /** The estimate in a few sentences; the full assumptions stay in the attached result. */
  private static String summarizeEstimate(JsonNode e) {
    JsonNode without = e.path("withoutLayout");
    JsonNode with = e.path("withLayout");
    String layout = with.path("layout").asText().replace('_', ' ');
    List<String> columns = new java.util.ArrayList<>();
    with.path("columns").forEach(c -> columns.add(c.asText()));
    return String.format(Locale.ROOT,
        "Estimate for %s (%,d rows, about %s), a query filtering %s on one value (%s):%n"
            + "- without a layout it reads %,d of %,d files (%s)%n"
            + "- with %s%s it reads %,d of %,d files (%s): %.1f times less data%n"
            + "- small-file risk %s: %s%n"
            + "This is an estimate from the profile statistics, not a measurement; its assumptions are listed in"
            + " the attached result.",
        e.path("table").asText(), e.path("rows").asLong(), size(e.path("bytes").asLong()),
        e.path("filterColumn").asText(), e.path("filterColumnChosenBecause").asText(),
        without.path("filesScanned").asLong(), without.path("files").asLong(),
        size(without.path("bytesScanned").asLong()),
        layout, columns.isEmpty() ? "" : " on " + String.join(", ", columns),
        with.path("filesScanned").asLong(), with.path("files").asLong(), size(with.path("bytesScanned").asLong()),
        e.path("ratio").asDouble(),
        e.path("smallFileRisk").path("level").asText(), e.path("smallFileRisk").path("reason").asText());
  }

  private static String size(long bytes) {
    String[] units = {"bytes", "KB", "MB", "GB", "TB", "PB"};
    double value = bytes;
    int unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    return unit == 0 ? bytes + " bytes" : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
  }

  private static String scriptTypes(Plan plan) {
    JsonNode types = plan.call("generate_templates").input().path("template_types");
    StringBuilder s = new StringBuilder();
    types.forEach(t -> s.append(s.length() == 0 ? "" : ", ").append(t.asText().toUpperCase(Locale.ROOT)));
    return s.toString();
  }

  private static String tablesOf(Plan plan) {
    PlannedCall first = plan.calls().get(0);
    JsonNode names = first.input().has("table_names") ? first.input().get("table_names") : first.input().path("tables");
    if (names.isMissingNode()) {
      return first.input().path("table_name").asText("the tables");
    }
    StringBuilder s = new StringBuilder();
    names.forEach(n -> s.append(s.length() == 0 ? "" : " and ").append(n.asText()));
    return s.toString();
  }

  private static String describe(WorkspaceCatalog.Table table) {
    String rows = table.rowCount() >= 0 ? String.format(Locale.ROOT, "%,d rows", table.rowCount()) : "row count unknown";
    return table.name() + ": " + rows + ", " + table.columns().size() + " columns";
  }
}
