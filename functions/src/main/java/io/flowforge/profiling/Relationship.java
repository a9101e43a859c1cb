package io.flowforge.profiling;

import java.util.List;

/**
 * A foreign-key candidate: every value of {@code fromColumn} appears in the unique {@code toColumn}.
 *
 * @param fromTable referencing table
 * @param fromColumn referencing column
 * @param toTable referenced table
 * @param toColumn referenced unique column
 * @param cardinality MANY_TO_ONE or ONE_TO_ONE, seen from the referencing side
 * @param containment share of distinct referencing values found in the referenced column
 * @param distinctValues distinct non-null referencing values
 * @param confidence 0–1, from containment, name evidence and value support
 * @param reasons the evidence
 */
public record Relationship(
    String fromTable,
    String fromColumn,
    String toTable,
    String toColumn,
    String cardinality,
    double containment,
    long distinctValues,
    double confidence,
    List<String> reasons) {}
