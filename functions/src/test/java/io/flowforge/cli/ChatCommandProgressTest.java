package io.flowforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How {@code ./flowforge chat} prints an answer that streams in as many small text deltas. */
class ChatCommandProgressTest {
  private static List<String> event(String name, String json) {
    return List.of("event: " + name, "data: " + json, "");
  }

  @Test
  void runsTextDeltasOnInOneParagraph_thatAToolCallEnds() {
    List<String> lines = new ArrayList<>();
    lines.addAll(event("text", "{\"delta\":\"Let me \"}"));
    lines.addAll(event("text", "{\"delta\":\"check.\"}"));
    lines.addAll(event("tool_call", "{\"tool\":\"get_table_metadata\",\"status\":\"OK\"}"));
    lines.addAll(event("text", "{\"delta\":\"product has \"}"));
    lines.addAll(event("text", "{\"delta\":\"15,247 rows.\"}"));
    lines.addAll(event("done", "{\"answer\":{\"text\":\"product has 15,247 rows.\"}}"));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();

    ChatCommand.follow(lines.iterator(), new PrintStream(printed, true, StandardCharsets.UTF_8));

    assertEquals(String.join(System.lineSeparator(),
            "", "Let me check.", "  [get_table_metadata: OK]", "", "product has 15,247 rows.", ""),
        printed.toString(StandardCharsets.UTF_8));
  }
}
