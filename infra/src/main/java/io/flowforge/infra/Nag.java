package io.flowforge.infra;

import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/** Acknowledges a cdk-nag finding on one construct and its children, always with the reason it is accepted. */
final class Nag {
  private Nag() {}

  /**
   * @param rule a rule id such as {@code AwsSolutions-S1}, or a single finding such as {@code
   *     AwsSolutions-IAM5[Resource::*]}
   * @param reason why the finding is acceptable here; shown in reports and docs/infrastructure.md
   */
  static void acknowledge(IConstruct scope, String rule, String reason) {
    Validations.of(scope).acknowledge(Acknowledgment.builder().id(rule).reason(reason).build());
  }
}
