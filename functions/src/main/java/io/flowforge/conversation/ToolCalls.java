package io.flowforge.conversation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.assistant.ToolOutcome;
import io.flowforge.core.Json;
import java.util.List;

/** How tool calls are kept with a message. */
public final class ToolCalls {
  /**
   * Results above this many characters of JSON are summarised; the suggestion keeps what matters.
   */
  static final int MAX_STORED_RESULT_CHARS = 8_000;

  private ToolCalls() {}

  /**
   * The calls with large results replaced by a short note. A generated model and its layout are
   * kept whole in the suggestion, so storing them again per call would only bring a message nearer
   * DynamoDB's item size limit.
   */
  public static List<ToolOutcome> forStorage(List<ToolOutcome> calls) {
    return calls.stream().map(ToolCalls::summarised).toList();
  }

  private static ToolOutcome summarised(ToolOutcome call) {
    return new ToolOutcome(
        call.tool(),
        compactInput(call.input()),
        call.status(),
        compactResult(call.result()),
        call.error());
  }

  private static JsonNode compactResult(JsonNode result) {
    if (result == null) {
      return null;
    }
    int chars = result.toString().length();
    if (chars <= MAX_STORED_RESULT_CHARS) {
      return result;
    }
    ObjectNode note = Json.mapper().createObjectNode();
    note.put("summarised", true);
    note.put("chars", chars);
    note.put(
        "note",
        "The full result is in this answer's suggestion or can be produced again by the tool.");
    return note;
  }

  /**
   * Inputs that carry an earlier result (a model passed to the layout tool) are summarised the same
   * way.
   */
  private static JsonNode compactInput(JsonNode input) {
    if (input == null
        || input.toString().length() <= MAX_STORED_RESULT_CHARS
        || !input.isObject()) {
      return input;
    }
    ObjectNode compact = Json.mapper().createObjectNode();
    input
        .fields()
        .forEachRemaining(
            field -> {
              JsonNode value = field.getValue();
              if (value.toString().length() > MAX_STORED_RESULT_CHARS) {
                compact.put(
                    field.getKey(), "(summarised: " + value.toString().length() + " characters)");
              } else {
                compact.set(field.getKey(), value);
              }
            });
    return compact;
  }
}
