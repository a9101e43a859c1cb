package io.flowforge.profiling;

import java.util.List;

/**
 * Profiles of a set of tables and what connects them.
 *
 * @param tables one profile per table, in input order
 * @param relationships foreign-key candidates
 * @param roles fact / dimension / bridge hints
 */
public record SchemaAnalysis(List<TableProfile> tables, List<Relationship> relationships, List<TableRole> roles) {}
