package io.flowforge.profiles;

import io.flowforge.quality.QualityRule;
import java.util.List;

/**
 * A dataset's suggestions for one layer, as the wizard shows them.
 *
 * @param datasetId the dataset
 * @param layer bronze, silver or gold
 * @param profileVersion the latest profile version
 * @param rowCount rows in that profile
 * @param items the suggestions in wizard order
 * @param qualityRules for silver, the rules derived from the profile and the decisions so far
 */
public record LayerView(
    String datasetId, String layer, int profileVersion, long rowCount, List<StoredSuggestion> items,
    List<QualityRule> qualityRules) {}
