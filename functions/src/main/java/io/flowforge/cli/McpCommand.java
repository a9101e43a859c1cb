package io.flowforge.cli;

import io.flowforge.assistant.CsvFolderCatalog;
import io.flowforge.assistant.StandardTools;
import io.flowforge.assistant.ToolContext;
import io.flowforge.assistant.WorkspaceCatalog;
import io.flowforge.assistant.mcp.JsonLinesToolCallAudit;
import io.flowforge.assistant.mcp.McpToolServer;
import io.flowforge.assistant.mcp.ToolCallAudit;
import io.modelcontextprotocol.server.McpSyncServer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ./flowforge mcp}: serves FlowForge's tools to an MCP client over stdin/stdout. */
@Command(
    name = "mcp",
    mixinStandardHelpOptions = true,
    description = "Serve FlowForge's data architect tools to an MCP client over stdio.")
public final class McpCommand implements java.util.concurrent.Callable<Integer> {
  @Option(names = "--data", paramLabel = "DIR", description = "Folder of CSV files to serve as the workspace's tables.")
  Path data;

  @Option(names = "--workspace", paramLabel = "ID", defaultValue = "demo", description = "Workspace id (default: ${DEFAULT-VALUE}).")
  String workspace;

  @Override
  public Integer call() throws InterruptedException {
    WorkspaceCatalog catalog = data == null ? new WorkspaceCatalog(workspace, List.of(), false) : CsvFolderCatalog.read(workspace, data);
    String version = new VersionProvider().getVersion()[0].replace("flowforge ", "");
    // No stored workspace behind a folder of files, so no audit table: each call is logged on stderr.
    ToolCallAudit audit = new JsonLinesToolCallAudit(System.err, Clock.systemUTC());
    McpSyncServer server =
        McpToolServer.stdio(StandardTools.registry(), ToolContext.of(catalog), audit, System.in, System.out, version);
    // The transport reads stdin on its own threads; this one only keeps the process alive until the client ends it.
    Runtime.getRuntime().addShutdownHook(new Thread(server::closeGracefully));
    new CountDownLatch(1).await();
    return 0;
  }
}
