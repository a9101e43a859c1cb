package io.flowforge.cli;

import io.flowforge.core.Json;
import io.flowforge.local.LocalStack;
import io.flowforge.wiring.Settings;
import java.net.BindException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code flowforge up}: runs the whole product locally until interrupted. */
@Command(
    name = "up",
    mixinStandardHelpOptions = true,
    description = "Start FlowForge locally on 127.0.0.1 (API, web app, DynamoDB Local, scheduler, demo workspace).")
final class UpCommand implements Callable<Integer> {
  @Option(names = "--port", defaultValue = "8080", description = "Port to listen on (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--data-dir",
      description = "Keep tables and uploads in this folder across restarts (default: in memory).")
  Path dataDir;

  @Option(names = "--json", description = "Print the address, token and persistence as one JSON line.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    LocalStack stack;
    try {
      stack =
          LocalStack.start(
              port, Optional.ofNullable(dataDir).map(Path::toAbsolutePath), Settings.local(Optional.empty()));
    } catch (BindException e) {
      System.err.println("Port " + port + " on 127.0.0.1 is in use. Stop the other process or pass --port N.");
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      stack.close();
      stopped.countDown();
    }, "flowforge-shutdown"));
    if (json) {
      Map<String, Object> started = new LinkedHashMap<>();
      started.put("url", stack.browserUri().toString());
      started.put("token", stack.devToken());
      started.put("persistent", stack.persistent());
      started.put("dataDir", stack.dataDir().map(Path::toString).orElse(null));
      started.put("demoWorkspaceId", stack.demoWorkspaceId());
      System.out.println(Json.mapper().writeValueAsString(started));
    } else {
      System.out.println("FlowForge is running: " + stack.browserUri());
      System.out.println("Dev token: " + stack.devToken());
      System.out.println(
          "MCP over streamable HTTP: " + stack.mcpUri() + " (Authorization: Bearer <dev token>)");
      System.out.println(
          stack.persistent()
              ? "Data persists in " + stack.dataDir().orElseThrow()
              : "Data is in memory and is lost on exit (use --data-dir DIR to keep it).");
      System.out.println("Press Ctrl+C to stop.");
    }
    System.out.flush();
    stopped.await();
    return 0;
  }
}
