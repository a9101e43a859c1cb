package io.flowforge.assistant;

/**
 * The tool registry FlowForge ships: every tool whose engine is present. Claude, the offline architect, the
 * MCP server and the HTTP API all get their tools from here.
 */
public final class StandardTools {
  private StandardTools() {}

  public static ToolRegistry registry() {
    return CatalogTools.register(new ToolRegistry(ToolCatalog.standard()));
  }
}
