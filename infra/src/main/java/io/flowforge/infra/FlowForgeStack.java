package io.flowforge.infra;

import io.flowforge.api.Feature;
import io.flowforge.api.Route;
import io.flowforge.api.RouteCatalog;
import io.flowforge.api.ScheduleCatalog;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * FlowForge in one AWS account: the HTTP API with its Cognito JWT authorizer, two Lambda functions per
 * feature (read routes, write routes), the DynamoDB tables, the upload bucket and the web app on
 * CloudFront, plus the assistant's WebSocket API ({@link AssistantSocket}). Everything variable comes
 * from the shared contract ({@link RouteCatalog}, {@code Feature}, {@code Tables}); a new feature, route
 * or table needs no change here.
 */
public final class FlowForgeStack extends Stack {
  static final RetentionDays LOG_RETENTION = RetentionDays.ONE_MONTH;

  public FlowForgeStack(Construct scope, String id, StackProps props, StackSettings settings) {
    super(scope, id, props);
    DataStores data = new DataStores(this, "Data");
    Api api = new Api(this, "Api", LOG_RETENTION);

    Code code = Code.fromAsset(settings.lambdaJar().toString());
    List<Route> routes = RouteCatalog.all();
    Map<Route, HttpLambdaIntegration> integrations = new HashMap<>();
    Optional<BedrockAccess> bedrock = settings.bedrockModelId().map(BedrockAccess::new);
    for (FunctionPlan plan : FunctionPlan.forRoutes(routes)) {
      FeatureFunction function =
          new FeatureFunction(this, plan, code, data.tables(), data.uploads(), LOG_RETENTION);
      if (plan.feature() == Feature.CONVERSATIONS) {
        // GET routes report the configured model; only the function posting messages invokes it.
        bedrock.ifPresent(model -> function.useBedrock(model, plan.access() == FunctionPlan.Access.WRITE));
      }
      HttpLambdaIntegration integration = Api.integration(plan.id() + "Integration", function.live());
      plan.routes().forEach(route -> integrations.put(route, integration));
    }
    // Catalog order keeps the template stable from one synth to the next.
    routes.forEach(route -> api.addRoute(route, integrations.get(route)));
    ScheduleCatalog.all().forEach(schedule -> new ScheduledFunction(this, schedule, code, data.tables(), LOG_RETENTION));
    AssistantSocket socket =
        new AssistantSocket(this, "AssistantSocket", code, data.tables(), data.uploads(), bedrock, LOG_RETENTION);

    StaticSite site =
        new StaticSite(
            this,
            "Site",
            api.httpApi(),
            data.accessLogs(),
            settings.frontendDist(),
            Map.of("assistantSocketUrl", socket.url()),
            LOG_RETENTION);
    data.allowBrowserUploadsFrom(site.origin());

    output("AppUrl", site.origin(), "The web app; /api/* on the same origin reaches the HTTP API");
    output("ApiUrl", api.url(), "The HTTP API's own endpoint");
    output("UploadBucket", data.uploads().getBucketName(), "Receives dataset uploads");
    api.identifiers().forEach((name, value) -> output(name, value, "Cognito sign-in for the web app"));
    output("AssistantSocketUrl", socket.url(), "The assistant's WebSocket; connect with a ticket from the API");
  }

  private void output(String id, String value, String description) {
    CfnOutput.Builder.create(this, id).value(value).description(description).build();
  }
}
