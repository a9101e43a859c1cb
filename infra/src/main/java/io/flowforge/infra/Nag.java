package io.flowforge.infra;

import java.util.Map;
import software.amazon.awscdk.Acknowledgment;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.lambda.Function;
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
   * What every FlowForge Lambda function shares: its Java 17 runtime, X-Ray's unscoped actions on its role,
   * and SnapStart's wish for a published version (each deployment publishes one behind the live alias).
   */
  static void acknowledgeJavaFunction(Function function, Role role) {
    acknowledge(
        function,
        "AwsSolutions-L1",
        "Java 17 is the runtime the whole build targets (bytecode 17); newer Java runtimes follow when the"
            + " reactor moves.");
    acknowledge(
        role,
        "AwsSolutions-IAM5[Resource::*]",
        "X-Ray's PutTraceSegments and PutTelemetryRecords support no resource-level permissions; CDK adds"
            + " them for active tracing.");
    Annotations.of(function)
        .acknowledgeWarning(
            "@aws-cdk/aws-lambda:snapStartRequirePublish",
            "Every deployment publishes a version (currentVersion) and the live alias points at it.");
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
