package io.flowforge.infra;

import io.flowforge.adapters.dynamodb.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.aws_apigatewayv2_integrations.WebSocketLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.apigatewayv2.WebSocketApi;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRoute;
import software.amazon.awscdk.services.apigatewayv2.WebSocketRouteOptions;
import software.amazon.awscdk.services.apigatewayv2.WebSocketStage;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * Streaming the assistant in AWS, where the HTTP API cannot stream: a WebSocket API whose {@code
 * $connect}, {@code $disconnect}, {@code sendMessage} and {@code $default} routes invoke one function
 * running {@code ConversationSocketHandler}. Browsers cannot set headers on a WebSocket, so {@code
 * $connect} carries a single-use ticket from the authenticated HTTP API, checked by the handler. The
 * function follows {@link FeatureFunction}'s pattern: its own role with exactly its grants (the
 * tables and uploads a conversation reads, the conversations table it writes, posting to this API's
 * connections, and Bedrock when the assistant uses it), its own log group, tracing and SnapStart.
 */
final class AssistantSocket extends Construct {
  static final String HANDLER = "io.flowforge.api.ConversationSocketHandler";
  static final String STAGE = "live";
  static final String DESCRIPTION = "FlowForge assistant WebSocket";
  static final List<String> ROUTES = List.of("$connect", "$disconnect", "sendMessage", "$default");

  static final Set<Tables> READS = Set.of(Tables.WORKSPACES, Tables.DATASETS);
  static final Set<Tables> WRITES = Set.of(Tables.CONVERSATIONS);

  private static final int MEMORY_MB = 1024;
  // API Gateway stops waiting for a WebSocket integration after 29 seconds, but the invocation goes on
  // and keeps posting the answer's events to the connection itself; the answer (tool rounds against
  // Bedrock, each call with its own timeout) must finish and be stored, so the limit is well past 29 s.
  static final Duration TIMEOUT = Duration.minutes(5);
  private static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";
  private static final String ACCESS_LOG_FORMAT =
      """
      {"requestId":"$context.requestId","ip":"$context.identity.sourceIp",\
      "requestTime":"$context.requestTime","routeKey":"$context.routeKey","status":"$context.status",\
      "eventType":"$context.eventType","connectionId":"$context.connectionId",\
      "integrationError":"$context.integrationErrorMessage"}""";

  private final WebSocketStage stage;

  AssistantSocket(
      Construct scope,
      String id,
      Code code,
      Map<Tables, ITable> tables,
      IBucket uploads,
      Optional<BedrockAccess> bedrock,
      RetentionDays logRetention) {
    super(scope, id);
    LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(logRetention).build();
    Role role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description("Runs " + DESCRIPTION)
            .build();
    logs.grantWrite(role);

    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("JAVA_TOOL_OPTIONS", JVM_OPTIONS);
    for (Tables table : Tables.values()) {
      if (READS.contains(table) || WRITES.contains(table)) {
        environment.put(table.environmentVariable(), tables.get(table).getTableName());
      }
      if (READS.contains(table)) {
        tables.get(table).grantReadData(role);
      } else if (WRITES.contains(table)) {
        tables.get(table).grantReadWriteData(role);
      } else {
        continue;
      }
      Nag.acknowledge(
          role,
          "AwsSolutions-IAM5[Resource::<" + Nag.logicalId(tables.get(table)) + ".Arn>/index/*]",
          "Queries on the global secondary indexes of this one table ("
              + table.definition().logicalName()
              + "); DynamoDB names index ARNs under the table ARN.");
    }
    // The catalog links the workspace's uploaded files while an answer runs; nothing is written.
    environment.put(FeatureFunction.UPLOAD_BUCKET_VARIABLE, uploads.getBucketName());
    FeatureFunction.grantUploads(role, FunctionPlan.BucketAccess.READ, uploads);
    bedrock.ifPresent(
        model -> {
          environment.putAll(model.environment());
          model.grantInvoke(role);
        });

    Function function =
        Function.Builder.create(this, "Function")
            .description(DESCRIPTION + ": " + String.join(", ", ROUTES))
            .runtime(Runtime.JAVA_17)
            .architecture(FeatureFunction.ARCHITECTURE)
            .handler(HANDLER + "::handleRequest")
            .code(code)
            .memorySize(MEMORY_MB)
            .timeout(TIMEOUT)
            .role(role)
            .logGroup(logs)
            .tracing(Tracing.ACTIVE)
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .environment(environment)
            .build();
    Alias live =
        Alias.Builder.create(this, "Live").aliasName("live").version(function.getCurrentVersion()).build();
    Nag.acknowledgeJavaFunction(function, role);

    WebSocketApi api =
        WebSocketApi.Builder.create(this, "Api")
            .apiName("flowforge-assistant")
            .description("Streams the FlowForge assistant's answers")
            .routeSelectionExpression("$request.body.action")
            .connectRouteOptions(route(live, "Connect"))
            .disconnectRouteOptions(route(live, "Disconnect"))
            .defaultRouteOptions(route(live, "Default"))
            .build();
    api.addRoute("sendMessage", route(live, "SendMessage"));
    LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs").retention(logRetention).build();
    stage =
        WebSocketStage.Builder.create(this, "Stage")
            .webSocketApi(api)
            .stageName(STAGE)
            .autoDeploy(true)
            .throttle(ThrottleSettings.builder().rateLimit(20).burstLimit(40).build())
            .accessLogSettings(accessLogSettings(new LogGroupLogDestination(accessLogs)))
            .build();

    // Only postToConnection (POST /@connections/{id}) on this API's one stage; ids come at $connect.
    String connections =
        "arn:"
            + Stack.of(this).getPartition()
            + ":execute-api:"
            + Stack.of(this).getRegion()
            + ":"
            + Stack.of(this).getAccount()
            + ":"
            + api.getApiId()
            + "/"
            + STAGE
            + "/POST/@connections/*";
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("execute-api:ManageConnections"))
            .resources(List.of(connections))
            .build());
    Nag.acknowledge(
        role,
        "AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:execute-api:<AWS::Region>:<AWS::AccountId>:<"
            + Nag.logicalId(api)
            + ">/"
            + STAGE
            + "/POST/@connections/*]",
        "API Gateway assigns connection ids when clients connect, so the grant covers posting to any"
            + " connection of this API's one stage and nothing else.");
    acknowledgeRoutes(api);
  }

  /** The stage's {@code wss://} URL the web app connects to. */
  String url() {
    return stage.getUrl();
  }

  private static WebSocketRouteOptions route(Alias live, String name) {
    return WebSocketRouteOptions.builder()
        .integration(new WebSocketLambdaIntegration(name + "Integration", live))
        .build();
  }

  /**
   * A WebSocket API can only authorise {@code $connect}; the handler does it with the ticket, and every
   * later frame is answered for the grant stored with the connection.
   */
  private static void acknowledgeRoutes(WebSocketApi api) {
    for (software.constructs.IConstruct child : api.getNode().getChildren()) {
      if (child instanceof WebSocketRoute route) {
        Nag.acknowledge(
            route,
            "AwsSolutions-APIG4",
            "Browsers cannot send an Authorization header on a WebSocket: $connect consumes a single-use"
                + " ticket (60 s) issued by the Cognito-authorised HTTP API, and other routes act only for"
                + " the grant stored with the connection at $connect.");
      }
    }
  }

  private static IAccessLogSettings accessLogSettings(IAccessLogDestination destination) {
    return new IAccessLogSettings() {
      @Override
      public IAccessLogDestination getDestination() {
        return destination;
      }

      @Override
      public AccessLogFormat getFormat() {
        return AccessLogFormat.custom(ACCESS_LOG_FORMAT);
      }
    };
  }
}
