package io.flowforge.modeling;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.optimizer.DatabricksOptimizer;
import io.flowforge.optimizer.OptimizationPlan;
import io.flowforge.optimizer.TableFacts;
import io.flowforge.patterns.PatternLibrary;
import io.flowforge.patterns.RenderedPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Designs a Kimball or Data Vault model from source tables and renders it: every entity is one pattern of the
 * library rendered with the parameters the designer chose and the optimizer tuned, so the generated SQL is
 * exactly what the golden cases and the Spark suite prove.
 */
public final class ModelGenerator {
  private final PatternLibrary library;
  private final DatabricksOptimizer optimizer;

  public ModelGenerator(PatternLibrary library, DatabricksOptimizer optimizer) {
    this.library = library;
    this.optimizer = optimizer;
  }

  public ModelGenerator() {
    this(PatternLibrary.builtIn(), new DatabricksOptimizer());
  }

  public GeneratedModel generate(ModelRequest request) {
    if (request == null || request.style() == null) {
      throw FlowForgeException.invalid("/style", "Choose a model style: kimball or data_vault.");
    }
    SchemaGraph graph = new SchemaGraph(request.source());
    boolean kimball = request.style() == ModelRequest.ModelStyle.KIMBALL;
    DesignContext ctx = new DesignContext(graph, request.options(), kimball ? "mart" : "vault");
    if (kimball) {
      new KimballDesigner(ctx).design();
    } else {
      new DataVaultDesigner(ctx).design();
    }
    if (ctx.entities.isEmpty()) {
      throw FlowForgeException.invalid(
          "/source/tables",
          "No table could be modelled: " + ctx.decisions.stream().map(d -> d.subject() + ": " + d.reason()).toList());
    }
    List<ModelSpec.Entity> entities = new ArrayList<>();
    for (ModelSpec.Entity entity : ctx.entities.values()) {
      entities.add(optimize(entity, ctx));
    }
    ModelSpec spec = new ModelSpec(kimball ? "kimball" : "data_vault", ctx.targetSchema, entities);
    Map<String, String> files = render(spec);
    String yaml = toYaml(spec, ctx.decisions);
    files.put("model.yaml", yaml);
    return new GeneratedModel(spec, yaml, FlowLayout.layout(entities), files, List.copyOf(ctx.decisions));
  }

  /** Sets layout and Delta feature parameters from the optimizer and records why. */
  private ModelSpec.Entity optimize(ModelSpec.Entity entity, DesignContext ctx) {
    TableFacts.TableRole role = roleOf(entity);
    if (role == null) {
      return entity;
    }
    List<TableFacts.ColumnFacts> columns = new ArrayList<>();
    for (ModelSpec.Column column : entity.columns()) {
      columns.add(new TableFacts.ColumnFacts(column.name(), column.type(), null));
    }
    List<String> filters = filterColumns(entity);
    OptimizationPlan plan =
        optimizer.recommend(
            new TableFacts(
                entity.name(), role, ctx.rowCounts.get(entity.name()), null, columns, filters,
                ctx.options.runtime(), false));
    Map<String, Object> parameters = new LinkedHashMap<>(entity.parameters());
    if (plan.layout().strategy().equals("liquid_clustering")) {
      parameters.put("cluster_by", plan.layout().columns());
    } else if (plan.layout().strategy().equals("partitioning")) {
      parameters.put("partition_by", plan.layout().columns());
    }
    for (OptimizationPlan.Feature feature : plan.features()) {
      if (feature.enabled()) {
        parameters.put(feature.feature(), true);
      }
    }
    ctx.decide(entity.name(), "layout: " + plan.layout().strategy()
            + (plan.layout().columns().isEmpty() ? "" : " " + plan.layout().columns()),
        plan.layout().reason(), 0.7);
    for (OptimizationPlan.Feature feature : plan.features()) {
      if (feature.enabled()) {
        ctx.decide(entity.name(), feature.feature(), feature.reason(), 0.75);
      }
    }
    return new ModelSpec.Entity(entity.name(), entity.kind(), entity.pattern(), entity.label(), parameters,
        entity.loads(), entity.dependsOn(), entity.columns());
  }

  private static TableFacts.TableRole roleOf(ModelSpec.Entity entity) {
    return switch (entity.kind()) {
      case "hub", "link" -> TableFacts.TableRole.INSERT_ONLY;
      case "satellite", "dimension" -> entity.pattern().equals("kimball/scd0")
          ? TableFacts.TableRole.INSERT_ONLY : TableFacts.TableRole.MERGED;
      case "fact" -> entity.parameters().containsKey("grain_key")
          ? TableFacts.TableRole.INSERT_ONLY : TableFacts.TableRole.REBUILT;
      case "pit", "bridge", "date_dimension" -> TableFacts.TableRole.REBUILT;
      default -> null;
    };
  }

  private static List<String> filterColumns(ModelSpec.Entity entity) {
    List<String> filters = new ArrayList<>();
    for (ModelSpec.Column column : entity.columns()) {
      if (List.of("hk", "nk", "fk", "pk").contains(column.key()) && filters.size() < 4) {
        filters.add(column.name());
      }
    }
    return filters;
  }

  /**
   * Renders every entity of a spec with its pattern: files keyed {@code <kind>/<order>_<entity>.<ext>}
   * ({@code ddl/0010_dim_product.sql}), in load order.
   */
  public Map<String, String> render(ModelSpec spec) {
    Map<String, String> files = new LinkedHashMap<>();
    int index = 0;
    for (ModelSpec.Entity entity : spec.entities()) {
      index++;
      String prefix = String.format("%04d_%s", index * 10, entity.name());
      RenderedPattern rendered = library.render(entity.pattern(), entity.parameters());
      StringBuilder etl = new StringBuilder(rendered.files().getOrDefault("etl.sql", ""));
      for (Map<String, Object> load : entity.loads()) {
        String extra = library.render(entity.pattern(), load).files().get("etl.sql");
        etl.append('\n').append(extra);
      }
      for (Map.Entry<String, String> file : rendered.files().entrySet()) {
        String kind = file.getKey().substring(0, file.getKey().indexOf('.'));
        String extension = file.getKey().substring(file.getKey().indexOf('.'));
        String content = kind.equals("etl") ? etl.toString() : file.getValue();
        files.put(kind + "/" + prefix + extension, content);
      }
    }
    return files;
  }

  /** The {@code model.yaml} document of a spec and the decisions behind it. */
  public static String toYaml(ModelSpec spec, List<Decision> decisions) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("model", Json.mapper().convertValue(spec, Map.class));
    document.put("decisions", Json.mapper().convertValue(decisions, List.class));
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setWidth(120);
    options.setAllowUnicode(true);
    return "# generated by FlowForge model generator; regenerate with changed options instead of editing\n"
        + new Yaml(options).dump(document);
  }
}
