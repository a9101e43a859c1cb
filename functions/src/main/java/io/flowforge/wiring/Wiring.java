package io.flowforge.wiring;

/**
 * Builds FlowForge's clients and services once per process. Lambda handlers call {@link
 * #fromEnvironment()} from their no-argument constructor (so SnapStart snapshots a warm graph); the local
 * stack builds one {@code Wiring} and hands it to every handler.
 */
public final class Wiring {
  private static Wiring environment;

  private final Settings settings;

  private Wiring(Settings settings) {
    this.settings = settings;
  }

  /** The process-wide wiring configured from environment variables, built on first use. */
  public static synchronized Wiring fromEnvironment() {
    if (environment == null) {
      environment = new Wiring(Settings.fromEnvironment());
    }
    return environment;
  }

  public Settings settings() {
    return settings;
  }
}
