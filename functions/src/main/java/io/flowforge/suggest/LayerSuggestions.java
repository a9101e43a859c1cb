package io.flowforge.suggest;

import io.flowforge.quality.QualityRule;
import java.util.List;

/**
 * Everything suggested for one table and layer.
 *
 * @param table table name
 * @param layer bronze, silver or gold
 * @param rowCount rows profiled
 * @param sampleSize rows in the value-analysis sample
 * @param suggestions the suggestions, in wizard order
 * @param qualityRules quality rules (silver only; empty elsewhere)
 */
public record LayerSuggestions(
    String table, String layer, long rowCount, int sampleSize, List<Suggestion> suggestions, List<QualityRule> qualityRules) {}
