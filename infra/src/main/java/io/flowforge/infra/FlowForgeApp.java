package io.flowforge.infra;

import io.flowforge.adapters.bedrock.BedrockSettings;
import io.github.cdklabs.cdknag.AwsSolutionsChecks;
import java.nio.file.Path;
import java.util.Optional;
import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.Validations;

/**
 * The CDK app {@code cdk synth} runs (see {@code infra/cdk.json}). Paths come from the context keys {@code
 * flowforge:lambdaJar} and {@code flowforge:frontendDist}, relative to {@code infra/}. The assistant uses
 * Claude on Bedrock only with {@code -c flowforge:ai=bedrock} (model: {@code flowforge:bedrockModelId},
 * default {@link BedrockSettings#DEFAULT_MODEL_ID}).
 */
public final class FlowForgeApp {
  static final String STACK_NAME = "FlowForge";

  private FlowForgeApp() {}

  public static void main(String[] args) {
    App app = new App();
    StackSettings settings =
        new StackSettings(
            Path.of(context(app, "flowforge:lambdaJar", "../functions/target/flowforge-lambda.jar")),
            Optional.of(Path.of(context(app, "flowforge:frontendDist", "../frontend/dist"))),
            bedrockModel(app));
    build(app, settings);
    app.synth();
  }

  /**
   * Adds the stack and cdk-nag's AwsSolutions checks to {@code app}; synthesis then fails on any finding
   * that is not acknowledged with a reason. Tests build the app through here too, so they check exactly
   * what is deployed.
   */
  public static FlowForgeStack build(App app, StackSettings settings) {
    addChecks(app);
    return new FlowForgeStack(
        app,
        STACK_NAME,
        StackProps.builder().description("FlowForge: AI data architect for lakehouse engineers").build(),
        settings);
  }

  /** Registers cdk-nag's AwsSolutions pack; any finding not acknowledged with a reason fails synthesis. */
  static void addChecks(App app) {
    Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  }

  /** The Bedrock model when {@code flowforge:ai} is {@code bedrock}; any other value keeps AI off. */
  static Optional<String> bedrockModel(App app) {
    if (!"bedrock".equalsIgnoreCase(context(app, "flowforge:ai", "offline"))) {
      return Optional.empty();
    }
    return Optional.of(context(app, "flowforge:bedrockModelId", BedrockSettings.DEFAULT_MODEL_ID));
  }

  private static String context(App app, String key, String fallback) {
    Object value = app.getNode().tryGetContext(key);
    return value == null ? fallback : value.toString();
  }
}
