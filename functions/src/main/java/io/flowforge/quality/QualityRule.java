package io.flowforge.quality;

import java.util.List;
import java.util.Map;

/**
 * A data quality rule with the evidence it was derived from.
 *
 * @param id stable name, usable as a constraint name ({@code amount_range})
 * @param kind NOT_NULL, UNIQUE, RANGE, ALLOWED_VALUES, PATTERN, REFERENTIAL or FRESHNESS
 * @param columns the columns the rule checks
 * @param params kind-specific parameters ({@code min}, {@code max}, {@code values}, {@code regex}, {@code
 *     references}, {@code maxAgeDays})
 * @param severity ERROR (drop or stop) or WARN (report only)
 * @param confidence 0–1
 * @param evidence the measurements that justify the rule
 */
public record QualityRule(
    String id, String kind, List<String> columns, Map<String, Object> params, String severity, double confidence, String evidence) {}
