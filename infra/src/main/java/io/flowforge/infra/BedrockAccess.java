package io.flowforge.infra;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;

/**
 * Claude on Bedrock for the functions that answer the assistant's messages: the variables {@code
 * BedrockSettings.from} reads, and an invoke grant on exactly the configured model. A cross-region
 * inference profile ({@code us.anthropic…}) is invoked through the profile in the stack's region,
 * which routes the request to the foundation model in one of its regions, so the grant names the
 * profile and that foundation model in any region, the latter only when reached through the profile.
 *
 * @param modelId a model id or a cross-region inference profile id, e.g. {@code
 *     us.anthropic.claude-sonnet-4-5-20250929-v1:0}
 */
record BedrockAccess(String modelId) {
  static final List<String> INVOKE_ACTIONS =
      List.of("bedrock:InvokeModel", "bedrock:InvokeModelWithResponseStream");

  // Geography prefixes of system-defined cross-region inference profiles.
  private static final Pattern PROFILE = Pattern.compile("(us|eu|apac|us-gov|jp|au|ca|global)\\.(.+)");
  private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9.:_-]{0,199}");

  BedrockAccess {
    if (modelId == null || !MODEL_ID.matcher(modelId).matches()) {
      throw new IllegalArgumentException(
          "The Bedrock model id \""
              + modelId
              + "\" is not a model or inference profile id (lower-case letters, digits and . : _ -),"
              + " e.g. us.anthropic.claude-sonnet-4-5-20250929-v1:0.");
    }
  }

  /** What {@code BedrockSettings.from} reads; the region is the function's own ({@code AWS_REGION}). */
  Map<String, String> environment() {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("FLOWFORGE_AI", "bedrock");
    environment.put("FLOWFORGE_BEDROCK_MODEL_ID", modelId);
    return environment;
  }

  /** Lets {@code role} invoke the model, and nothing else on Bedrock. */
  void grantInvoke(Role role) {
    Stack stack = Stack.of(role);
    Matcher profile = PROFILE.matcher(modelId);
    if (!profile.matches()) {
      role.addToPolicy(
          PolicyStatement.Builder.create()
              .actions(INVOKE_ACTIONS)
              .resources(List.of(foundationModelArn(stack, stack.getRegion(), modelId)))
              .build());
      return;
    }
    String profileArn =
        "arn:"
            + stack.getPartition()
            + ":bedrock:"
            + stack.getRegion()
            + ":"
            + stack.getAccount()
            + ":inference-profile/"
            + modelId;
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(INVOKE_ACTIONS)
            .resources(List.of(profileArn))
            .build());
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(INVOKE_ACTIONS)
            .resources(List.of(foundationModelArn(stack, "*", profile.group(2))))
            .conditions(Map.of("StringEquals", Map.of("bedrock:InferenceProfileArn", profileArn)))
            .build());
    Nag.acknowledge(
        role,
        "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:bedrock:*::foundation-model/"
            + profile.group(2)
            + "]",
        "The cross-region inference profile "
            + modelId
            + " routes each request to this one foundation model in whichever of the profile's regions"
            + " has capacity, so the region is a wildcard; the condition bedrock:InferenceProfileArn"
            + " allows it only through this stack's profile.");
  }

  private static String foundationModelArn(Stack stack, String region, String foundationModel) {
    return "arn:" + stack.getPartition() + ":bedrock:" + region + "::foundation-model/" + foundationModel;
  }
}
