package io.flowforge.profiles;

import java.util.List;
import java.util.Optional;

/** Port: the stored, versioned profiles of a workspace's datasets. */
public interface ProfileStore {
  /**
   * Stores a new profile version. A version that already exists is a conflict (two profile runs raced);
   * nothing is overwritten.
   */
  void create(String workspaceId, StoredProfile profile);

  /** The highest version of the dataset's profile, if it was ever profiled. */
  Optional<StoredProfile> latest(String workspaceId, String datasetId);

  /** Summaries of every stored version, newest first. */
  List<ProfileVersion> versions(String workspaceId, String datasetId);
}
