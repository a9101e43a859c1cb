package io.flowforge.cli;

import picocli.CommandLine;

/** Reports the version recorded in the jar manifest, or "dev" when run from classes. */
final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = FlowForgeCli.class.getPackage().getImplementationVersion();
    return new String[] {"flowforge " + (version == null ? "dev" : version)};
  }
}
