package io.flowforge.quality;

import java.util.List;
import java.util.Map;

/**
 * The outcome of one rule on a dataset.
 *
 * @param ruleId the rule
 * @param checked rows (or keys) checked
 * @param failed rows (or keys) failing
 * @param passRate share passing, 0–1
 * @param failingRows up to five failing rows, personal data masked
 */
public record RuleResult(String ruleId, long checked, long failed, double passRate, List<Map<String, String>> failingRows) {}
