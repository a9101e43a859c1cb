package io.flowforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class UpCommandTest {
  @Test
  void documentsPortDataDirAndJsonOptions() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new FlowForgeCli());
    cli.setOut(new PrintWriter(out));

    int exit = cli.execute("up", "--help");

    assertEquals(0, exit);
    assertTrue(out.toString().contains("--port"), out.toString());
    assertTrue(out.toString().contains("--data-dir"), out.toString());
    assertTrue(out.toString().contains("--json"), out.toString());
  }

  @Test
  void defaultsToPort8080() {
    UpCommand up = new UpCommand();
    new CommandLine(up).parseArgs();

    assertEquals(8080, up.port);
  }
}
