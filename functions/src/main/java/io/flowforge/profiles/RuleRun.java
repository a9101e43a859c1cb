package io.flowforge.profiles;

import io.flowforge.quality.QualityRule;
import io.flowforge.quality.RuleResult;
import java.util.List;

/**
 * Quality rules run on a dataset's file.
 *
 * @param datasetId the dataset
 * @param profileVersion the profile the rules were derived from
 * @param results each rule with its pass rate and a few failing rows (personal data masked)
 */
public record RuleRun(String datasetId, int profileVersion, List<Outcome> results) {

  /** One rule and how the data fared. */
  public record Outcome(QualityRule rule, RuleResult result) {}
}
