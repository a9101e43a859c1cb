package io.flowforge.cli;

import io.flowforge.core.FlowForgeException;

/** Shared error handling for subcommands: expected failures print their detail, not a stack trace. */
final class CliSupport {
  /** Exit code for input the command cannot process. */
  static final int INPUT_ERROR = 2;

  private CliSupport() {}

  interface Body {
    void run() throws Exception;
  }

  static int run(Body body) throws Exception {
    try {
      body.run();
      return 0;
    } catch (FlowForgeException e) {
      System.err.println("error (" + e.type().slug() + "): " + e.getMessage());
      return INPUT_ERROR;
    }
  }
}
