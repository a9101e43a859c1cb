package io.flowforge.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ./flowforge} command line. Each feature contributes one subcommand class listed here; every
 * subcommand gets {@code --help} and, where it prints results, {@code --json}.
 */
@Command(
    name = "flowforge",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "FlowForge AI data architect: profile data, suggest configurations, design models.",
    subcommands = {
      CommandLine.HelpCommand.class,
      UpCommand.class,
      KeysCommand.class,
      ProfileCommand.class,
      SuggestCommand.class,
      AnomaliesCommand.class,
      McpCommand.class,
      ModelCommand.class,
      ChatCommand.class,
    })
public final class FlowForgeCli implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the CLI without exiting, so tests can call it. */
  public static int execute(String... args) {
    return new CommandLine(new FlowForgeCli()).execute(args);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
