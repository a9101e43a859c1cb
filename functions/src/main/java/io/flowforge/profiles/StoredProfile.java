package io.flowforge.profiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.flowforge.profiling.TableProfile;
import java.time.Instant;

/**
 * One stored profile of a dataset.
 *
 * @param datasetId the dataset profiled
 * @param version 1 for the first profile, one more for each re-profile
 * @param profile the measurements
 * @param changes what differs from the previous version; null for the first
 * @param createdAt when the profile ran
 * @param createdBy who ran it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StoredProfile(
    String datasetId, int version, TableProfile profile, ProfileChanges changes, Instant createdAt, String createdBy) {

  /** The summary listed among a dataset's versions. */
  public ProfileVersion summary() {
    return new ProfileVersion(
        datasetId, version, profile.rowCount(), profile.columns().size(), changes, createdAt, createdBy);
  }
}
