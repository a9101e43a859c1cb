package io.flowforge.profiles;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A stored profile without its measurements: what the version list shows.
 *
 * @param changes what differs from the previous version; null for the first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProfileVersion(
    String datasetId, int version, long rowCount, int columnCount, ProfileChanges changes, Instant createdAt,
    String createdBy) {}
