package io.flowforge.assistant;

import io.flowforge.modeling.ModelGenerator;
import io.flowforge.optimizer.DatabricksOptimizer;
import io.flowforge.patterns.PatternLibrary;

/**
 * The tool registry FlowForge ships: every tool whose engine is present. Claude, the offline architect, the
 * MCP server and the HTTP API all get their tools from here.
 */
public final class StandardTools {
  private StandardTools() {}

  public static ToolRegistry registry() {
    ToolRegistry registry = new ToolRegistry(ToolCatalog.standard());
    CatalogTools.register(registry);
    ProfilingTools.register(registry);
    PatternLibrary library = PatternLibrary.builtIn();
    PatternTools.register(registry, library);
    PatternAdviceTools.register(registry, library);
    ModelingTools.register(registry, new ModelGenerator(library, new DatabricksOptimizer()));
    OptimizerTools.register(registry, new DatabricksOptimizer());
    ConfigurationAssistantTools.register(registry);
    QualityTools.register(registry);
    return registry;
  }
}
