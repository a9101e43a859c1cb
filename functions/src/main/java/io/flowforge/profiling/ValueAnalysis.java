package io.flowforge.profiling;

import java.util.List;

/**
 * What the values of one column look like, judged on a bounded sample.
 *
 * @param inferredType semantic type: INTEGER, DECIMAL, BOOLEAN, DATE, TIMESTAMP or STRING
 * @param format how the values are written when stored as text ({@code DD/MM/YYYY}, {@code EPOCH_SECONDS},
 *     {@code NUMBER_WITH_GROUPING}, {@code CURRENCY}), else null
 * @param formatShare share of non-empty sample values that match {@code format} or the inferred type
 * @param shapes most common value shapes ({@code AAA-9999}: letters as A, digits as 9)
 * @param pii likely personal-data class, or null
 * @param piiShare share of non-empty sample values that match the PII class
 */
public record ValueAnalysis(
    String inferredType, String format, double formatShare, List<ValueCount> shapes, PiiClass pii, double piiShare) {}
