package io.flowforge.profiling;

import java.util.List;

/**
 * A modelling role hint for a table.
 *
 * @param table table name
 * @param role FACT, DIMENSION, BRIDGE or STANDALONE
 * @param reasons the evidence
 */
public record TableRole(String table, String role, List<String> reasons) {}
