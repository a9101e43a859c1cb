package io.flowforge.assistant.mcp;

import io.flowforge.assistant.ToolContext;

/**
 * Port: where the MCP server records each tool call it ran. Only the tool's name and outcome cross it,
 * never the input or the result, which may hold data.
 */
@FunctionalInterface
public interface ToolCallAudit {
  /**
   * Records one finished tool call.
   *
   * @param context whom and which workspace the call ran for
   * @param tool the tool's name
   * @param outcome {@code ok}, or the problem slug the call failed with ({@code validation}, {@code
   *     forbidden}, {@code unprocessable}, {@code internal})
   */
  void toolCalled(ToolContext context, String tool, String outcome);
}
