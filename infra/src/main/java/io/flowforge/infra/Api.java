package io.flowforge.infra;

import io.flowforge.api.Route;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizer;
import software.amazon.awscdk.aws_apigatewayv2_authorizers.HttpUserPoolAuthorizerProps;
import software.amazon.awscdk.aws_apigatewayv2_integrations.HttpLambdaIntegration;
import software.amazon.awscdk.services.apigateway.AccessLogFormat;
import software.amazon.awscdk.services.apigatewayv2.AddRoutesOptions;
import software.amazon.awscdk.services.apigatewayv2.HttpApi;
import software.amazon.awscdk.services.apigatewayv2.HttpMethod;
import software.amazon.awscdk.services.apigatewayv2.HttpNoneAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.HttpRoute;
import software.amazon.awscdk.services.apigatewayv2.HttpStage;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogDestination;
import software.amazon.awscdk.services.apigatewayv2.IAccessLogSettings;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.apigatewayv2.IHttpRouteAuthorizer;
import software.amazon.awscdk.services.apigatewayv2.LogGroupLogDestination;
import software.amazon.awscdk.services.apigatewayv2.ThrottleSettings;
import software.amazon.awscdk.services.cognito.AccountRecovery;
import software.amazon.awscdk.services.cognito.AuthFlow;
import software.amazon.awscdk.services.cognito.AutoVerifiedAttrs;
import software.amazon.awscdk.services.cognito.Mfa;
import software.amazon.awscdk.services.cognito.MfaSecondFactor;
import software.amazon.awscdk.services.cognito.PasswordPolicy;
import software.amazon.awscdk.services.cognito.SignInAliases;
import software.amazon.awscdk.services.cognito.UserPool;
import software.amazon.awscdk.services.cognito.UserPoolClient;
import software.amazon.awscdk.services.cognito.UserPoolClientOptions;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The HTTP API and who may call it: a Cognito user pool with an app client for the web app, and a JWT
 * authorizer that accepts that client's tokens on every route marked {@link Route#authenticated()}.
 */
final class Api extends Construct {
  // Fields HTTP APIs define for access logs ($context.identity.caller and friends exist only in REST APIs).
  private static final String ACCESS_LOG_FORMAT =
      """
      {"requestId":"$context.requestId","ip":"$context.identity.sourceIp",\
      "requestTime":"$context.requestTime","routeKey":"$context.routeKey","status":"$context.status",\
      "protocol":"$context.protocol","responseLength":"$context.responseLength",\
      "latency":"$context.responseLatency","integrationError":"$context.integrationErrorMessage",\
      "authorizerError":"$context.authorizer.error"}""";

  private final UserPool users;
  private final UserPoolClient webClient;
  private final HttpApi httpApi;
  private final HttpStage stage;
  private final IHttpRouteAuthorizer jwt;

  Api(Construct scope, String id, RetentionDays logRetention) {
    super(scope, id);
    users =
        UserPool.Builder.create(this, "Users")
            .selfSignUpEnabled(false)
            .signInAliases(SignInAliases.builder().email(true).build())
            .autoVerify(AutoVerifiedAttrs.builder().email(true).build())
            .accountRecovery(AccountRecovery.EMAIL_ONLY)
            .mfa(Mfa.REQUIRED)
            .mfaSecondFactor(MfaSecondFactor.builder().otp(true).sms(false).build())
            .passwordPolicy(
                PasswordPolicy.builder()
                    .minLength(12)
                    .requireLowercase(true)
                    .requireUppercase(true)
                    .requireDigits(true)
                    .requireSymbols(true)
                    .tempPasswordValidity(Duration.days(3))
                    .build())
            .deletionProtection(true)
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    Nag.acknowledge(
        users,
        "AwsSolutions-COG8",
        "The Plus feature plan is billed per active user; sign-up is closed, MFA is required and passwords"
            + " are strong. Move to PLUS when its threat protection is worth the cost.");
    Nag.acknowledge(
        users,
        "AwsSolutions-COG3",
        "Threat protection (advanced security) needs the Cognito Plus feature plan, billed per active user;"
            + " sign-up is closed, MFA is required and passwords are strong. Switch featurePlan to PLUS to"
            + " enforce it.");
    // A browser app cannot keep a secret, so the client has none and signs in with SRP.
    webClient =
        users.addClient(
            "WebApp",
            UserPoolClientOptions.builder()
                .generateSecret(false)
                .authFlows(AuthFlow.builder().userSrp(true).build())
                .preventUserExistenceErrors(true)
                .accessTokenValidity(Duration.hours(1))
                .idTokenValidity(Duration.hours(1))
                .refreshTokenValidity(Duration.days(30))
                .build());
    jwt =
        new HttpUserPoolAuthorizer(
            "CognitoJwt",
            users,
            HttpUserPoolAuthorizerProps.builder().userPoolClients(List.of(webClient)).build());

    httpApi =
        HttpApi.Builder.create(this, "Http")
            .apiName("flowforge")
            .description("FlowForge HTTP API")
            .createDefaultStage(false)
            .build();
    LogGroup accessLogs = LogGroup.Builder.create(this, "AccessLogs").retention(logRetention).build();
    stage =
        HttpStage.Builder.create(this, "DefaultStage")
            .httpApi(httpApi)
            .stageName("$default")
            .autoDeploy(true)
            .throttle(ThrottleSettings.builder().rateLimit(50).burstLimit(100).build())
            .accessLogSettings(accessLogSettings(new LogGroupLogDestination(accessLogs)))
            .build();
  }

  /** Adds {@code route}, served by {@code integration}, behind the JWT authorizer unless it is public. */
  void addRoute(Route route, HttpLambdaIntegration integration) {
    AddRoutesOptions options =
        AddRoutesOptions.builder()
            .path(route.path())
            .methods(List.of(HttpMethod.valueOf(route.method())))
            .integration(integration)
            .authorizer(route.authenticated() ? jwt : new HttpNoneAuthorizer())
            .build();
    for (HttpRoute added : httpApi.addRoutes(options)) {
      if (!route.authenticated()) {
        Nag.acknowledge(
            added,
            "AwsSolutions-APIG4",
            "The route catalog marks "
                + route.routeKey()
                + " public: it must answer without a token (health) or verifies its own signature"
                + " (webhooks).");
      }
    }
  }

  static HttpLambdaIntegration integration(String id, IFunction function) {
    return new HttpLambdaIntegration(id, function);
  }

  IHttpApi httpApi() {
    return httpApi;
  }

  String url() {
    return stage.getUrl();
  }

  Map<String, String> identifiers() {
    return Map.of(
        "UserPoolId", users.getUserPoolId(), "UserPoolClientId", webClient.getUserPoolClientId());
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
