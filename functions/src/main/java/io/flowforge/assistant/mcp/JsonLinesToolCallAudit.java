package io.flowforge.assistant.mcp;

import io.flowforge.assistant.ToolContext;
import io.flowforge.core.Json;
import java.io.PrintStream;
import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * The audit of {@code ./flowforge mcp} over a folder of files, which has no stored workspace and so no
 * audit table: one JSON line per tool call on the given stream (stderr, which MCP clients keep as the
 * server's log; stdout carries the protocol). Same fields as an audit log entry, no data values.
 */
public final class JsonLinesToolCallAudit implements ToolCallAudit {
  private final PrintStream out;
  private final Clock clock;

  public JsonLinesToolCallAudit(PrintStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  @Override
  public synchronized void toolCalled(ToolContext context, String tool, String outcome) {
    out.println(
        Json.mapper()
            .createObjectNode()
            .put("audit", "tool_call")
            .put("at", clock.instant().truncatedTo(ChronoUnit.MILLIS).toString())
            .put("channel", "mcp")
            .put("workspace", context.workspaceId())
            .put("tool", tool)
            .put("outcome", outcome)
            .toString());
    out.flush();
  }
}
