package io.flowforge.profiles;

import io.flowforge.profiling.Relationship;
import io.flowforge.profiling.TableRole;
import java.util.List;

/**
 * Foreign-key candidates and role hints across a workspace's profiled datasets. Table names in
 * relationships and roles are the names in {@code tables}.
 *
 * @param tables the datasets compared, each with the table name used for it
 * @param relationships foreign-key candidates
 * @param roles fact / dimension / bridge hints
 * @param unprofiled ready datasets left out because they have no profile yet
 */
public record WorkspaceRelationships(
    List<Table> tables, List<Relationship> relationships, List<TableRole> roles, List<String> unprofiled) {

  /** A dataset and the table name it appears under. */
  public record Table(String datasetId, String name, int profileVersion) {}
}
