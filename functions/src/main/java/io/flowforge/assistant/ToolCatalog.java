package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every tool FlowForge can offer, read from resource files: {@code <root>/index.json} lists the tool
 * groups and the tools that need confirmation, and {@code <root>/<name>.schema.json} holds each tool's
 * description and input schema. A tool is only callable once an implementation is registered for it in a
 * {@link ToolRegistry}.
 */
public final class ToolCatalog {
  public static final String DEFAULT_ROOT = "tools";

  private final Map<String, ToolDefinition> definitions;

  private ToolCatalog(Map<String, ToolDefinition> definitions) {
    this.definitions = definitions;
  }

  /** The catalog shipped with FlowForge. */
  public static ToolCatalog standard() {
    return load(DEFAULT_ROOT);
  }

  public static ToolCatalog load(String root) {
    JsonNode index = readResource(root + "/index.json");
    Set<String> confirm = new TreeSet<>();
    index.path("requiresConfirmation").forEach(n -> confirm.add(n.asText()));
    Map<String, ToolDefinition> definitions = new LinkedHashMap<>();
    index
        .path("groups")
        .properties()
        .forEach(
            group ->
                group
                    .getValue()
                    .forEach(
                        toolName -> {
                          String name = toolName.asText();
                          JsonNode schema = readResource(root + "/" + name + ".schema.json");
                          definitions.put(
                              name,
                              new ToolDefinition(
                                  name,
                                  group.getKey(),
                                  schema.path("description").asText(),
                                  schema,
                                  confirm.contains(name)));
                        }));
    return new ToolCatalog(Map.copyOf(definitions));
  }

  public Optional<ToolDefinition> find(String name) {
    return Optional.ofNullable(definitions.get(name));
  }

  public Set<String> names() {
    return new TreeSet<>(definitions.keySet());
  }

  private static JsonNode readResource(String path) {
    try (InputStream in = ToolCatalog.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing tool resource " + path + " on the classpath");
      }
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("Unreadable tool resource " + path, e);
    }
  }
}
