package io.flowforge.webhooks;

/** How a pipeline run ended (or that it is still running). */
public enum RunStatus {
  RUNNING,
  SUCCEEDED,
  FAILED,
  CANCELLED,
  SKIPPED
}
