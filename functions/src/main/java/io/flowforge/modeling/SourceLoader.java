package io.flowforge.modeling;

import io.flowforge.core.Caller;
import java.util.List;

/**
 * Port: the generator's input read from a workspace's datasets (profiled, keys and relationships inferred).
 * Checks the caller's membership and each dataset's existence; an unknown or foreign dataset is a 404.
 */
public interface SourceLoader {
  /** The source tables of {@code datasetIds}, one table per dataset, named after the dataset. */
  SourceSchema load(Caller caller, String workspaceId, List<String> datasetIds);
}
