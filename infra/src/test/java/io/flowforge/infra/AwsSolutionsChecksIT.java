package io.flowforge.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.adapters.bedrock.BedrockSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.Validations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;
import software.amazon.awscdk.services.s3.Bucket;

/**
 * cdk-nag's AwsSolutions pack runs as a CDK policy-validation plugin: synthesis fails on any finding that
 * is not acknowledged. Synthesizes the full stack once, with a built web app so the upload of the static
 * files is checked too, and with the assistant on Bedrock so its grants are checked as well.
 */
class AwsSolutionsChecksIT {
  private static Path assembly;
  private static Template template;

  @BeforeAll
  static void synthesize() throws IOException {
    Path dist = Files.createDirectories(Synth.outdir("nag-frontend-dist"));
    Files.writeString(dist.resolve("index.html"), "<!doctype html><title>FlowForge</title>");
    App app = Synth.app("nag");
    FlowForgeStack stack =
        FlowForgeApp.build(
            app,
            new StackSettings(
                Synth.lambdaJar(), Optional.of(dist), Optional.of(BedrockSettings.DEFAULT_MODEL_ID)));
    template = Template.fromStack(stack);
    assembly = Synth.outdir("nag");
  }

  @Test
  void reportsNoUnacknowledgedFinding() {
    JsonNode plugins = Synth.readJson(assembly.resolve("validation-report.json")).path("pluginReports");

    List<String> names = new ArrayList<>();
    for (JsonNode plugin : plugins) {
      names.add(plugin.path("pluginName").asText());
      assertEquals("success", plugin.path("conclusion").asText(), plugin.toString());
      assertEquals(0, plugin.path("violations").size(), plugin.path("violations").toString());
    }
    assertTrue(names.contains("AwsSolutions"), "the AwsSolutions pack did not run: " + names);
  }

  @Test
  void failsSynthesis_whenAFindingIsNotAcknowledged() {
    App app = Synth.app("nag-control");
    FlowForgeApp.addChecks(app);
    new Bucket(new Stack(app, "Control"), "PlainBucket");

    RuntimeException failure = assertThrows(RuntimeException.class, app::synth);

    assertTrue(failure.getMessage().contains("Validation failed"), failure.getMessage());
    Path report = Synth.outdir("nag-control").resolve("validation-report.json");
    assertTrue(
        Synth.readJson(report).toString().contains("AwsSolutions-S10"),
        "expected the bucket without a TLS policy to be reported");
  }

  @Test
  void uploadsTheBuiltWebApp_whenTheFrontendIsBuilt_withTheAssistantSocketUrlInItsRuntimeConfig() {
    template.resourceCountIs("Custom::CDKBucketDeployment", 1);
    Map<String, Object> deployment =
        Synth.properties(template.findResources("Custom::CDKBucketDeployment").values().iterator().next());
    String socketApi =
        template
            .findResources(
                "AWS::ApiGatewayV2::Api",
                Match.objectLike(Map.of("Properties", Match.objectLike(Map.of("ProtocolType", "WEBSOCKET")))))
            .keySet()
            .iterator()
            .next();

    assertEquals(2, Synth.list(deployment.get("SourceObjectKeys")).size(), deployment.toString());
    String markers = String.valueOf(deployment.get("SourceMarkers"));
    assertTrue(markers.contains(socketApi), "runtime-config.json names the socket URL: " + markers);
  }

  @Test
  void givesEveryAcknowledgmentAReasonThatTheInfrastructureDocExplains() throws IOException {
    String doc = Files.readString(Path.of("..", "docs", "infrastructure.md"));
    Map<String, String> acknowledged = acknowledgedRules(false);

    assertFalse(acknowledged.isEmpty());
    acknowledged.forEach(
        (rule, reason) -> {
          assertTrue(reason.length() > 30, rule + ": " + reason);
          String ruleId = rule.replaceFirst("^Annotation::", "").replaceFirst("\\[.*$", "");
          if (ruleId.startsWith("AwsSolutions-")) {
            assertTrue(doc.contains(ruleId), ruleId + " is not explained in docs/infrastructure.md");
          }
        });
  }

  @Test
  void acknowledgesNoFindingForTheWholeStack() {
    assertEquals(Map.of(), acknowledgedRules(true));
  }

  /** Acknowledged rule ids with their reasons, over the whole stack or only on the stack itself. */
  private static Map<String, String> acknowledgedRules(boolean stackLevelOnly) {
    JsonNode metadata = Synth.readJson(assembly.resolve(FlowForgeApp.STACK_NAME + ".metadata.json"));
    Map<String, String> rules = new TreeMap<>();
    metadata
        .fields()
        .forEachRemaining(
            path -> {
              boolean stackLevel = path.getKey().equals("/" + FlowForgeApp.STACK_NAME);
              if (stackLevelOnly && !stackLevel) {
                return;
              }
              for (JsonNode entry : path.getValue()) {
                if (entry.path("type").asText().equals(Validations.ACKNOWLEDGED_RULES_METADATA_KEY)) {
                  entry
                      .path("data")
                      .fields()
                      .forEachRemaining(rule -> rules.put(rule.getKey(), rule.getValue().asText()));
                }
              }
            });
    return rules;
  }
}
