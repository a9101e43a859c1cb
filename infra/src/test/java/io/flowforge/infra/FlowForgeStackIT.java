package io.flowforge.infra;

import static io.flowforge.infra.Synth.list;
import static io.flowforge.infra.Synth.map;
import static io.flowforge.infra.Synth.properties;
import static io.flowforge.infra.Synth.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.adapters.bedrock.BedrockSettings;
import io.flowforge.adapters.dynamodb.TableDefinition;
import io.flowforge.adapters.dynamodb.Tables;
import io.flowforge.api.Feature;
import io.flowforge.api.Route;
import io.flowforge.api.RouteCatalog;
import io.flowforge.api.Schedule;
import io.flowforge.api.ScheduleCatalog;
import io.flowforge.infra.FunctionPlan.Access;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.assertions.Template;

/** Synthesizes the stack once (it takes seconds) and checks the template against the shared contract. */
class FlowForgeStackIT {
  private static final Set<String> DYNAMODB_READ_ACTIONS =
      Set.of(
          "dynamodb:BatchGetItem",
          "dynamodb:GetRecords",
          "dynamodb:GetShardIterator",
          "dynamodb:Query",
          "dynamodb:GetItem",
          "dynamodb:Scan",
          "dynamodb:ConditionCheckItem",
          "dynamodb:DescribeTable");
  private static final Set<String> S3_READ_ACTIONS = Set.of("s3:GetObject", "s3:ListBucket");

  private static final String SCHEDULED = "FlowForge scheduled ";
  private static final String MODEL = BedrockSettings.DEFAULT_MODEL_ID;
  private static Template template;
  private static List<FunctionPlan> plans;

  /** The stack with the assistant on Bedrock, so the opt-in grants are checked too. */
  @BeforeAll
  static void synthesize() {
    FlowForgeStack stack =
        FlowForgeApp.build(
            Synth.app("stack"),
            new StackSettings(Synth.lambdaJar(), Optional.empty(), Optional.of(MODEL)));
    template = Template.fromStack(stack);
    plans = FunctionPlan.forRoutes(RouteCatalog.all());
  }

  @Test
  void createsExactlyTheCatalogRoutes() {
    Set<String> deployed =
        httpRoutes().values().stream()
            .map(route -> (String) properties(route).get("RouteKey"))
            .collect(Collectors.toSet());

    Set<String> catalog = RouteCatalog.all().stream().map(Route::routeKey).collect(Collectors.toSet());
    assertEquals(catalog, deployed);
    assertEquals(RouteCatalog.all().size(), httpRoutes().size());
  }

  @Test
  void putsTheCognitoJwtAuthorizerOnEveryAuthenticatedRoute_andNoneOnPublicOnes() {
    String authorizer = template.getResourceId("AWS::ApiGatewayV2::Authorizer");
    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Authorizer",
        Map.of(
            "AuthorizerType", "JWT",
            "IdentitySource", List.of("$request.header.Authorization"),
            "JwtConfiguration",
                Map.of(
                    "Audience",
                    List.of(Map.of("Ref", template.getResourceId("AWS::Cognito::UserPoolClient"))))));
    Map<String, Route> byKey =
        RouteCatalog.all().stream().collect(Collectors.toMap(Route::routeKey, Function.identity()));

    for (Map<String, Object> resource : httpRoutes().values()) {
      Map<String, Object> route = properties(resource);
      Route declared = byKey.get((String) route.get("RouteKey"));
      if (declared.authenticated()) {
        assertEquals("JWT", route.get("AuthorizationType"), declared.routeKey());
        assertEquals(authorizer, target(route.get("AuthorizerId")), declared.routeKey());
      } else {
        assertEquals("NONE", route.get("AuthorizationType"), declared.routeKey());
        assertTrue(!route.containsKey("AuthorizerId"), declared.routeKey());
      }
    }
  }

  @Test
  void issuesTokensFromTheStacksOwnUserPool() {
    Map<String, Object> authorizer =
        properties(resources("AWS::ApiGatewayV2::Authorizer").values().iterator().next());

    String issuer = map(authorizer.get("JwtConfiguration")).get("Issuer").toString();
    assertTrue(issuer.contains("cognito-idp"), issuer);
    assertTrue(issuer.contains(template.getResourceId("AWS::Cognito::UserPool")), issuer);
  }

  @Test
  void routesEachRequestToItsFeaturesFunction_throughTheLiveAlias() {
    Map<String, Map<String, Object>> integrations = resources("AWS::ApiGatewayV2::Integration");
    Map<String, Map<String, Object>> aliases = resources("AWS::Lambda::Alias");

    for (Map<String, Object> resource : httpRoutes().values()) {
      Map<String, Object> route = properties(resource);
      String integrationId = route.get("Target").toString().replaceAll(".*Ref=([A-Za-z0-9]+).*", "$1");
      Map<String, Object> integration = properties(integrations.get(integrationId));
      String alias = target(integration.get("IntegrationUri"));
      assertTrue(aliases.containsKey(alias), route.get("RouteKey") + " -> " + alias);
      String function = target(properties(aliases.get(alias)).get("FunctionName"));
      FunctionPlan plan = planOf(function);
      assertTrue(
          plan.routes().stream().anyMatch(r -> r.routeKey().equals(route.get("RouteKey"))),
          route.get("RouteKey") + " served by " + plan.id());
    }
  }

  @Test
  void createsOneFunctionPerFeatureAndAccess() {
    Map<String, Map<String, Object>> functions = routeFunctions();

    assertEquals(plans.size(), functions.size());
    Set<String> ids = new HashSet<>();
    functions.keySet().forEach(id -> ids.add(planOf(id).id()));
    assertEquals(plans.stream().map(FunctionPlan::id).collect(Collectors.toSet()), ids);
  }

  @Test
  void runsEveryFunctionOnJava17WithSnapStartTracingAndItsOwnLogGroup() {
    Map<String, Map<String, Object>> logGroups = resources("AWS::Logs::LogGroup");

    for (Map.Entry<String, Map<String, Object>> entry : routeFunctions().entrySet()) {
      Map<String, Object> function = properties(entry.getValue());
      assertEquals("java17", function.get("Runtime"), entry.getKey());
      assertEquals(List.of("arm64"), function.get("Architectures"), entry.getKey());
      assertEquals(Map.of("ApplyOn", "PublishedVersions"), function.get("SnapStart"), entry.getKey());
      assertEquals(Map.of("Mode", "Active"), function.get("TracingConfig"), entry.getKey());
      String handler = planOf(entry.getKey()).feature().handlerClass() + "::handleRequest";
      assertEquals(handler, function.get("Handler"), entry.getKey());
      String logGroup = target(map(function.get("LoggingConfig")).get("LogGroup"));
      assertEquals(30, properties(logGroups.get(logGroup)).get("RetentionInDays"), entry.getKey());
    }
  }

  @Test
  void passesEachFunctionTheNamesOfExactlyTheTablesItUses() {
    for (FunctionPlan plan : plans) {
      Set<String> expected = new HashSet<>();
      expected.add("JAVA_TOOL_OPTIONS");
      plan.tables().forEach(table -> expected.add(table.environmentVariable()));
      if (plan.bucket() != FunctionPlan.BucketAccess.NONE) {
        expected.add(FeatureFunction.UPLOAD_BUCKET_VARIABLE);
      }
      if (plan.feature() == Feature.CONVERSATIONS) {
        expected.addAll(Set.of("FLOWFORGE_AI", "FLOWFORGE_BEDROCK_MODEL_ID"));
      }

      assertEquals(expected, environment(functionOf(plan)).keySet(), plan.id());
    }
  }

  @Test
  void grantsReadFunctionsNoWriteAction() {
    for (FunctionPlan plan : plans) {
      if (plan.access() != Access.READ) {
        continue;
      }
      for (String action : actions(functionOf(plan))) {
        if (action.startsWith("dynamodb:")) {
          assertTrue(DYNAMODB_READ_ACTIONS.contains(action), plan.id() + " may " + action);
        } else if (action.startsWith("s3:")) {
          assertTrue(S3_READ_ACTIONS.contains(action), plan.id() + " may " + action);
        } else {
          assertTrue(action.startsWith("logs:") || action.startsWith("xray:"), plan.id() + " may " + action);
        }
      }
    }
  }

  @Test
  void grantsWriteActionsOnlyOnTheFeaturesWriteTables() {
    for (FunctionPlan plan : plans) {
      String function = functionOf(plan);
      Map<String, Tables> tableById = new HashMap<>();
      environment(function)
          .forEach(
              (variable, value) ->
                  plan.tables().stream()
                      .filter(table -> table.environmentVariable().equals(variable))
                      .forEach(table -> tableById.put(target(value), table)));

      Set<Tables> written = new HashSet<>();
      for (Map<String, Object> statement : statements(function)) {
        if (list(statement.get("Action")).contains("dynamodb:PutItem")) {
          for (Object resource : list(statement.get("Resource"))) {
            if (map(resource).containsKey("Fn::GetAtt")) {
              written.add(tableById.get(target(resource)));
            }
          }
        }
      }

      assertEquals(plan.writeTables(), written, plan.id());
    }
  }

  @Test
  void runsEveryScheduledHandlerFromAnEventBridgeRule_withGrantsOnExactlyItsTables() {
    Map<String, Map<String, Object>> scheduled = new HashMap<>(resources("AWS::Lambda::Function"));
    scheduled.keySet().removeAll(routeFunctions().keySet());
    scheduled.remove(socketFunction());
    Map<String, Map<String, Object>> rules = resources("AWS::Events::Rule");
    Map<String, Map<String, Object>> aliases = resources("AWS::Lambda::Alias");

    assertEquals(ScheduleCatalog.all().size(), scheduled.size());
    assertEquals(ScheduleCatalog.all().size(), rules.size());
    for (Schedule schedule : ScheduleCatalog.all()) {
      String functionId =
          scheduled.entrySet().stream()
              .filter(e -> properties(e.getValue()).get("Handler").equals(schedule.handlerClass() + "::handleRequest"))
              .map(Map.Entry::getKey)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no function for " + schedule.name()));
      Map<String, Object> function = properties(scheduled.get(functionId));
      assertEquals("java17", function.get("Runtime"));
      assertEquals(Map.of("Mode", "Active"), function.get("TracingConfig"));
      Set<String> expected = new HashSet<>(Set.of("JAVA_TOOL_OPTIONS"));
      schedule.tables().forEach(table -> expected.add(table.environmentVariable()));
      assertEquals(expected, environment(functionId).keySet(), schedule.name());

      Map<String, Object> rule =
          rules.values().stream()
              .map(Synth::properties)
              .filter(r -> r.get("Description").toString().contains(schedule.name()))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no rule for " + schedule.name()));
      assertEquals(rateExpression(schedule.every()), rule.get("ScheduleExpression"));
      String alias = target(map(list(rule.get("Targets")).get(0)).get("Arn"));
      assertTrue(aliases.containsKey(alias), "the rule invokes the live alias: " + alias);
      assertEquals(functionId, target(properties(aliases.get(alias)).get("FunctionName")));
    }
  }

  @Test
  void createsEveryTableOnDemandWithPointInTimeRecoveryAndEncryption() {
    assertEquals(Tables.values().length, resources("AWS::DynamoDB::Table").size());
    for (Tables table : Tables.values()) {
      TableDefinition definition = table.definition();
      Map<String, Object> expected = new HashMap<>();
      expected.put("KeySchema", keySchema(definition.partitionKey(), definition.sortKey()));
      expected.put("BillingMode", "PAY_PER_REQUEST");
      expected.put(
          "PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true));
      expected.put("SSESpecification", Map.of("SSEEnabled", true));
      expected.put(
          "TimeToLiveSpecification",
          definition
              .timeToLiveAttribute()
              .<Object>map(attribute -> Map.of("AttributeName", attribute, "Enabled", true))
              .orElse(Match.absent()));
      expected.put(
          "GlobalSecondaryIndexes",
          definition.globalIndexes().isEmpty()
              ? Match.absent()
              : Match.arrayWith(
                  definition.globalIndexes().stream()
                      .<Object>map(
                          index ->
                              Match.objectLike(
                                  Map.of(
                                      "IndexName", index.name(),
                                      "KeySchema", keySchema(index.partitionKey(), index.sortKey()))))
                      .toList()));

      template.hasResource(
          "AWS::DynamoDB::Table",
          Map.of("Properties", Match.objectLike(expected), "DeletionPolicy", "Retain"));
    }
  }

  @Test
  void blocksPublicAccessAndRequiresTlsOnEveryBucket() {
    Map<String, Object> blockAll =
        Map.of(
            "BlockPublicAcls", true,
            "BlockPublicPolicy", true,
            "IgnorePublicAcls", true,
            "RestrictPublicBuckets", true);
    template.allResourcesProperties(
        "AWS::S3::Bucket",
        Match.objectLike(
            Map.of("PublicAccessBlockConfiguration", blockAll, "BucketEncryption", Match.anyValue())));

    Map<String, Map<String, Object>> buckets = resources("AWS::S3::Bucket");
    Set<String> tlsOnly = new HashSet<>();
    for (Map<String, Object> policy : resources("AWS::S3::BucketPolicy").values()) {
      for (Object statement : list(map(properties(policy).get("PolicyDocument")).get("Statement"))) {
        if ("Deny".equals(map(statement).get("Effect"))
            && map(statement).toString().contains("aws:SecureTransport=false")) {
          tlsOnly.add(target(properties(policy).get("Bucket")));
        }
      }
    }
    assertEquals(buckets.keySet(), tlsOnly);
  }

  @Test
  void letsTheBrowserPutUploadsFromTheAppOrigin_andAbortsIncompleteUploads() {
    template.hasResourceProperties(
        "AWS::S3::Bucket",
        Match.objectLike(
            Map.of(
                "CorsConfiguration",
                    Map.of(
                        "CorsRules",
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "AllowedMethods", List.of("PUT"),
                                    "AllowedOrigins", List.of(Match.anyValue()))))),
                "LifecycleConfiguration",
                    Map.of(
                        "Rules",
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "AbortIncompleteMultipartUpload",
                                    Map.of("DaysAfterInitiation", 1))))))));
  }

  @Test
  void servesTheAppFromAPrivateBucketThroughCloudFrontOriginAccessControl() {
    String oac = template.getResourceId("AWS::CloudFront::OriginAccessControl");
    template.hasResourceProperties(
        "AWS::CloudFront::OriginAccessControl",
        Map.of(
            "OriginAccessControlConfig",
            Match.objectLike(
                Map.of(
                    "OriginAccessControlOriginType", "s3",
                    "SigningBehavior", "always",
                    "SigningProtocol", "sigv4"))));
    template.hasResourceProperties(
        "AWS::CloudFront::Distribution",
        Map.of(
            "DistributionConfig",
            Match.objectLike(
                Map.of(
                    "Origins",
                    Match.arrayWith(
                        List.of(
                            Match.objectLike(
                                Map.of(
                                    "OriginAccessControlId",
                                    Map.of("Fn::GetAtt", List.of(oac, "Id")),
                                    "S3OriginConfig",
                                    Map.of("OriginAccessIdentity", ""))))),
                    "DefaultCacheBehavior",
                    Match.objectLike(Map.of("ViewerProtocolPolicy", "redirect-to-https")),
                    "CacheBehaviors",
                    List.of(
                        Match.objectLike(
                            Map.of("PathPattern", "/api/*", "ViewerProtocolPolicy", "https-only")))))));
    Object sourceArnCondition =
        Match.objectLike(
            Map.of("StringEquals", Match.objectLike(Map.of("AWS:SourceArn", Match.anyValue()))));
    template.hasResourceProperties(
        "AWS::S3::BucketPolicy",
        Map.of(
            "PolicyDocument",
            Map.of(
                "Statement",
                Match.arrayWith(
                    List.of(
                        Match.objectLike(
                            Map.of(
                                "Effect", "Allow",
                                "Principal", Map.of("Service", "cloudfront.amazonaws.com"),
                                "Condition", sourceArnCondition)))))));
  }

  @Test
  void uploadsNoWebApp_whenTheFrontendIsNotBuilt() {
    template.resourceCountIs("Custom::CDKBucketDeployment", 0);
  }

  @Test
  void servesTheAssistantOverAWebSocketApi_everyRouteOnTheSocketFunctionsLiveAlias() {
    String api = apiOf("WEBSOCKET");
    assertEquals("$request.body.action", properties(resources("AWS::ApiGatewayV2::Api").get(api)).get("RouteSelectionExpression"));
    Map<String, Map<String, Object>> routes = routesOf(api);
    Map<String, Map<String, Object>> integrations = resources("AWS::ApiGatewayV2::Integration");
    Map<String, Map<String, Object>> aliases = resources("AWS::Lambda::Alias");

    Set<String> keys = new HashSet<>();
    for (Map<String, Object> resource : routes.values()) {
      Map<String, Object> route = properties(resource);
      keys.add((String) route.get("RouteKey"));
      String integrationId = route.get("Target").toString().replaceAll(".*Ref=([A-Za-z0-9]+).*", "$1");
      Map<String, Object> integration = properties(integrations.get(integrationId));
      assertEquals("AWS_PROXY", integration.get("IntegrationType"));
      String alias = integration.get("IntegrationUri").toString().replaceAll(".*\\{Ref=([A-Za-z0-9]+)\\}.*", "$1");
      assertTrue(aliases.containsKey(alias), route.get("RouteKey") + " -> " + integration.get("IntegrationUri"));
      assertEquals(socketFunction(), target(properties(aliases.get(alias)).get("FunctionName")));
    }
    assertEquals(Set.copyOf(AssistantSocket.ROUTES), keys);
    assertEquals(Set.of("$connect", "$disconnect", "sendMessage", "$default"), keys);

    template.hasResourceProperties(
        "AWS::ApiGatewayV2::Stage",
        Match.objectLike(
            Map.of(
                "ApiId", Map.of("Ref", api),
                "StageName", AssistantSocket.STAGE,
                "AccessLogSettings", Match.objectLike(Map.of("DestinationArn", Match.anyValue())))));
    Map<String, Object> output = map(template.findOutputs("AssistantSocketUrl").get("AssistantSocketUrl"));
    assertTrue(output.get("Value").toString().contains("wss://"), output.toString());
  }

  @Test
  void runsTheSocketFunctionPast29Seconds_withExactlyTheTablesAndBucketAConversationNeeds() {
    Map<String, Object> function = function(socketFunction());
    assertEquals(AssistantSocket.HANDLER + "::handleRequest", function.get("Handler"));
    assertEquals("java17", function.get("Runtime"));
    assertEquals(Map.of("ApplyOn", "PublishedVersions"), function.get("SnapStart"));
    assertTrue(((Number) function.get("Timeout")).intValue() > 29, function.get("Timeout").toString());

    Set<String> expected =
        new HashSet<>(
            Set.of(
                "JAVA_TOOL_OPTIONS",
                FeatureFunction.UPLOAD_BUCKET_VARIABLE,
                "FLOWFORGE_AI",
                "FLOWFORGE_BEDROCK_MODEL_ID"));
    AssistantSocket.READS.forEach(table -> expected.add(table.environmentVariable()));
    AssistantSocket.WRITES.forEach(table -> expected.add(table.environmentVariable()));
    assertEquals(expected, environment(socketFunction()).keySet());
    assertEquals(MODEL, environment(socketFunction()).get("FLOWFORGE_BEDROCK_MODEL_ID"));

    Set<String> written = new HashSet<>();
    for (Map<String, Object> statement : statements(socketFunction())) {
      if (list(statement.get("Action")).contains("dynamodb:PutItem")) {
        list(statement.get("Resource")).stream()
            .filter(resource -> map(resource).containsKey("Fn::GetAtt"))
            .forEach(resource -> written.add(target(resource)));
      }
      if (list(statement.get("Action")).contains("s3:PutObject")) {
        throw new AssertionError("the socket function may not write uploads: " + statement);
      }
    }
    String conversations =
        target(environment(socketFunction()).get(Tables.CONVERSATIONS.environmentVariable()));
    assertEquals(Set.of(conversations), written);
  }

  @Test
  void letsTheSocketFunctionPostOnlyToItsOwnStagesConnections() {
    List<Map<String, Object>> manage =
        resources("AWS::IAM::Policy").values().stream()
            .flatMap(policy -> list(map(properties(policy).get("PolicyDocument")).get("Statement")).stream())
            .map(Synth::map)
            .filter(statement -> list(statement.get("Action")).toString().contains("execute-api:"))
            .toList();

    assertEquals(1, manage.size(), manage.toString());
    assertEquals(List.of("execute-api:ManageConnections"), list(manage.get(0).get("Action")));
    String resource = manage.get(0).get("Resource").toString();
    assertTrue(resource.contains("Ref=" + apiOf("WEBSOCKET")), resource);
    assertTrue(resource.endsWith("/" + AssistantSocket.STAGE + "/POST/@connections/*]]}"), resource);
    assertTrue(
        statements(socketFunction()).stream().anyMatch(s -> s.equals(manage.get(0))),
        "the grant is the socket function's");
  }

  @Test
  void grantsBedrockInvokeOnTheConfiguredModelOnly_toTheFunctionsThatAnswerMessages() {
    Map<String, List<Map<String, Object>>> bedrock = bedrockStatements();
    FunctionPlan write =
        plans.stream()
            .filter(p -> p.feature() == Feature.CONVERSATIONS && p.access() == Access.WRITE)
            .findFirst()
            .orElseThrow();

    assertEquals(Set.of(functionOf(write), socketFunction()), bedrock.keySet());
    String foundationModel = MODEL.substring(MODEL.indexOf('.') + 1);
    for (List<Map<String, Object>> statements : bedrock.values()) {
      assertEquals(2, statements.size(), statements.toString());
      for (Map<String, Object> statement : statements) {
        assertEquals(Set.copyOf(BedrockAccess.INVOKE_ACTIONS), Set.copyOf(list(statement.get("Action"))));
        assertEquals(1, list(statement.get("Resource")).size(), statement.toString());
      }
      String profile = statements.get(0).get("Resource").toString();
      assertTrue(profile.contains(":inference-profile/" + MODEL), profile);
      String model = statements.get(1).get("Resource").toString();
      assertTrue(model.contains(":bedrock:*::foundation-model/" + foundationModel + "]"), model);
      String condition = statements.get(1).get("Condition").toString();
      assertTrue(condition.contains("bedrock:InferenceProfileArn"), condition);
      assertTrue(condition.contains(":inference-profile/" + MODEL), condition);
    }
    plans.stream()
        .filter(p -> p.feature() == Feature.CONVERSATIONS)
        .forEach(p -> assertEquals("bedrock", environment(functionOf(p)).get("FLOWFORGE_AI"), p.id()));
  }

  @Test
  void keepsTheAssistantOffBedrock_unlessTheStackOptsIn() {
    Template offline =
        Template.fromStack(
            FlowForgeApp.build(
                Synth.app("stack-offline"), new StackSettings(Synth.lambdaJar(), Optional.empty())));

    String json = offline.toJSON().toString();
    assertFalse(json.contains("bedrock:"), "no Bedrock grant without opting in");
    assertFalse(json.contains("FLOWFORGE_AI"), "no AI configuration without opting in");
    assertTrue(json.contains(AssistantSocket.HANDLER), "the socket streams the offline architect too");
  }

  private static Map<String, Map<String, Object>> resources(String type) {
    return template.findResources(type);
  }

  private static Map<String, Object> function(String functionId) {
    return properties(resources("AWS::Lambda::Function").get(functionId));
  }

  private static FunctionPlan planOf(String functionId) {
    String description = (String) function(functionId).get("Description");
    return plans.stream()
        .filter(plan -> description.startsWith("FlowForge " + plan.id() + ":"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no plan for " + functionId + " (" + description + ")"));
  }

  /** The functions serving HTTP routes; scheduled and WebSocket functions are checked on their own. */
  private static Map<String, Map<String, Object>> routeFunctions() {
    Map<String, Map<String, Object>> functions = new HashMap<>(resources("AWS::Lambda::Function"));
    functions.values().removeIf(function -> properties(function).get("Description").toString().startsWith(SCHEDULED));
    functions.remove(socketFunction());
    return functions;
  }

  private static String socketFunction() {
    return resources("AWS::Lambda::Function").entrySet().stream()
        .filter(e -> properties(e.getValue()).get("Description").toString().startsWith(AssistantSocket.DESCRIPTION))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no assistant socket function"));
  }

  /** The API of one protocol ({@code HTTP} or {@code WEBSOCKET}); the stack has one of each. */
  private static String apiOf(String protocol) {
    return resources("AWS::ApiGatewayV2::Api").entrySet().stream()
        .filter(e -> protocol.equals(properties(e.getValue()).get("ProtocolType")))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + protocol + " API"));
  }

  private static Map<String, Map<String, Object>> routesOf(String apiId) {
    Map<String, Map<String, Object>> routes = new HashMap<>(resources("AWS::ApiGatewayV2::Route"));
    routes.values().removeIf(route -> !target(properties(route).get("ApiId")).equals(apiId));
    return routes;
  }

  private static Map<String, Map<String, Object>> httpRoutes() {
    return routesOf(apiOf("HTTP"));
  }

  /** Functions whose policies allow any Bedrock action, with those statements. */
  private static Map<String, List<Map<String, Object>>> bedrockStatements() {
    Map<String, List<Map<String, Object>>> byFunction = new HashMap<>();
    for (String function : resources("AWS::Lambda::Function").keySet()) {
      Optional<Map<String, Object>> role =
          Optional.ofNullable(function(function).get("Role")).map(Synth::map);
      if (role.isEmpty() || !role.get().containsKey("Fn::GetAtt")) {
        continue;
      }
      List<Map<String, Object>> bedrock =
          statements(function).stream()
              .filter(s -> list(s.get("Action")).stream().anyMatch(a -> a.toString().startsWith("bedrock:")))
              .toList();
      if (!bedrock.isEmpty()) {
        byFunction.put(function, bedrock);
      }
    }
    return byFunction;
  }

  private static String functionOf(FunctionPlan plan) {
    return routeFunctions().keySet().stream()
        .filter(id -> planOf(id).equals(plan))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no function for " + plan.id()));
  }

  private static Map<String, Object> environment(String functionId) {
    return map(map(function(functionId).get("Environment")).get("Variables"));
  }

  private static List<Map<String, Object>> statements(String functionId) {
    String role = target(function(functionId).get("Role"));
    List<Map<String, Object>> statements = new ArrayList<>();
    for (Map<String, Object> policy : resources("AWS::IAM::Policy").values()) {
      boolean attached =
          list(properties(policy).get("Roles")).stream().anyMatch(ref -> target(ref).equals(role));
      if (attached) {
        list(map(properties(policy).get("PolicyDocument")).get("Statement"))
            .forEach(statement -> statements.add(map(statement)));
      }
    }
    assertTrue(!statements.isEmpty(), "no policy on " + role);
    return statements;
  }

  private static Set<String> actions(String functionId) {
    Set<String> actions = new HashSet<>();
    for (Map<String, Object> statement : statements(functionId)) {
      list(statement.get("Action")).forEach(action -> actions.add((String) action));
    }
    return actions;
  }

  /** EventBridge's rate expression, in the largest whole unit as CDK writes it. */
  private static String rateExpression(java.time.Duration every) {
    long minutes = every.toMinutes();
    if (minutes % 1440 == 0) {
      return "rate(" + minutes / 1440 + (minutes == 1440 ? " day)" : " days)");
    }
    if (minutes % 60 == 0) {
      return "rate(" + minutes / 60 + (minutes == 60 ? " hour)" : " hours)");
    }
    return "rate(" + minutes + (minutes == 1 ? " minute)" : " minutes)");
  }

  private static List<Object> keySchema(String partitionKey, String sortKey) {
    List<Object> schema = new ArrayList<>();
    schema.add(Map.of("AttributeName", partitionKey, "KeyType", "HASH"));
    if (sortKey != null) {
      schema.add(Map.of("AttributeName", sortKey, "KeyType", "RANGE"));
    }
    return schema;
  }
}
