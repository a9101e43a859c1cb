package io.flowforge.conversation;

import io.flowforge.assistant.WorkspaceCatalog;
import io.flowforge.core.Caller;

/**
 * Port: a workspace's tables as the assistant sees them, with their data files at hand while open.
 */
public interface CatalogSource {
  /**
   * Opens the caller's workspace catalog. Tools may read the data files until the handle is closed.
   *
   * @param allowSamples whether scrubbed sample values may reach a language model
   */
  OpenCatalog open(Caller caller, String workspaceId, boolean allowSamples);

  /** A catalog whose data files stay readable until it is closed. */
  interface OpenCatalog extends AutoCloseable {
    WorkspaceCatalog catalog();

    @Override
    void close();
  }
}
