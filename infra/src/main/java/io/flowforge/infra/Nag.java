package io.flowforge.infra;

import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.constructs.IConstruct;

/** Acknowledges a cdk-nag finding on one construct and its children, always with the reason it is fine. */
final class Nag {
  private Nag() {}

  /**
   * @param rule a rule id such as {@code AwsSolutions-S1}, or a single finding such as {@code
   *     AwsSolutions-IAM5[Resource::*]}
   * @param reason why the finding is acceptable here; shown in reports and docs/infrastructure.md
   */
  static void acknowledge(IConstruct scope, String rule, String reason) {
    if (rule.split("::", -1).length > 2) {
      // Validations.acknowledge rejects ids with more than one '::', yet findings that name an ARN
      // (arn:<AWS::Partition>:…) contain several. cdk-nag reads the same metadata entry that
      // acknowledge() would write, so it is written directly.
      scope.getNode().addMetadata(Validations.ACKNOWLEDGED_RULES_METADATA_KEY, Map.of(rule, reason));
      return;
    }
    Validations.of(scope).acknowledge(Acknowledgment.builder().id(rule).reason(reason).build());
  }

  /**
   * The CloudFormation logical id cdk-nag names in a finding's resource, e.g. {@code
   * AwsSolutions-IAM5[Resource::<DataUploads81D8EB70.Arn>/*]}.
   */
  static String logicalId(IConstruct resource) {
    CfnElement element = (CfnElement) resource.getNode().getDefaultChild();
    return Stack.of(resource).resolve(element.getLogicalId()).toString();
  }
}
