package io.flowforge.assistant;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import java.util.List;

/**
 * Validates a tool input against its JSON Schema. The validator library speaks Jackson 3 while FlowForge
 * uses Jackson 2, so the input crosses as JSON text; inputs are small, so that costs little.
 */
final class ToolInputValidator {
  private static final SchemaRegistry REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  private final String toolName;
  private final Schema schema;

  ToolInputValidator(ToolDefinition definition) {
    this.toolName = definition.name();
    this.schema = REGISTRY.getSchema(definition.inputSchema().toString(), InputFormat.JSON);
  }

  /** Throws a validation error naming the first offending field, with its JSON pointer. */
  void validate(JsonNode input) {
    String text;
    try {
      text = Json.mapper().writeValueAsString(input);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw FlowForgeException.badRequest("The input of tool '" + toolName + "' is not JSON.");
    }
    List<Error> errors = schema.validate(text, InputFormat.JSON);
    if (errors.isEmpty()) {
      return;
    }
    Error first = errors.get(0);
    String pointer = pointer(first);
    String field = pointer.isEmpty() ? "the input" : "field '" + pointer.substring(1) + "'";
    throw FlowForgeException.invalid(
        pointer.isEmpty() ? "/" : pointer,
        "Invalid input for tool '"
            + toolName
            + "': "
            + field
            + " "
            + reason(first)
            + ". Fix that field to match the tool's input schema and call it again.");
  }

  private static String pointer(Error error) {
    StringBuilder pointer = new StringBuilder();
    NodePath path = error.getInstanceLocation();
    for (int i = 0; i < path.getNameCount(); i++) {
      pointer.append('/').append(path.getName(i));
    }
    // For "required" and "additionalProperties" the offending name is the property, not the location.
    if (error.getProperty() != null) {
      pointer.append('/').append(error.getProperty());
    }
    return pointer.toString();
  }

  private static String reason(Error error) {
    String message = error.getMessage();
    // The library prefixes messages with the instance path ("$.tables: ..."); the field is named already.
    int colon = message.indexOf(": ");
    String reason = message.startsWith("$") && colon > 0 ? message.substring(colon + 2) : message;
    return switch (error.getKeyword()) {
      case "required" -> "is required but missing";
      case "additionalProperties" -> "is not a known field of this tool";
      default -> reason;
    };
  }
}
