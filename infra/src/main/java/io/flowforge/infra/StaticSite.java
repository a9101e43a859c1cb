package io.flowforge.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awscdk.DefaultStackSynthesizer;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.apigatewayv2.IHttpApi;
import software.amazon.awscdk.services.cloudfront.AllowedMethods;
import software.amazon.awscdk.services.cloudfront.BehaviorOptions;
import software.amazon.awscdk.services.cloudfront.CachePolicy;
import software.amazon.awscdk.services.cloudfront.Distribution;
import software.amazon.awscdk.services.cloudfront.FunctionAssociation;
import software.amazon.awscdk.services.cloudfront.FunctionCode;
import software.amazon.awscdk.services.cloudfront.FunctionEventType;
import software.amazon.awscdk.services.cloudfront.FunctionRuntime;
import software.amazon.awscdk.services.cloudfront.HttpVersion;
import software.amazon.awscdk.services.cloudfront.OriginProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.OriginRequestPolicy;
import software.amazon.awscdk.services.cloudfront.OriginSslPolicy;
import software.amazon.awscdk.services.cloudfront.PriceClass;
import software.amazon.awscdk.services.cloudfront.ResponseHeadersPolicy;
import software.amazon.awscdk.services.cloudfront.ViewerProtocolPolicy;
import software.amazon.awscdk.services.cloudfront.origins.HttpOrigin;
import software.amazon.awscdk.services.cloudfront.origins.S3BucketOrigin;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.amazon.awscdk.services.s3.deployment.BucketDeployment;
import software.amazon.awscdk.services.s3.deployment.Source;
import software.constructs.Construct;
import software.constructs.IConstruct;

/**
 * The web app: a private bucket that only this CloudFront distribution may read (origin access control),
 * and {@code /api/*} forwarded to the HTTP API so the app calls its API on its own origin, exactly as it
 * does against the local stack. The built app is uploaded only when {@code frontend/dist} exists at synth
 * time.
 */
final class StaticSite extends Construct {
  // Paths without a file extension are app routes; the single page app answers them from index.html.
  private static final String SPA_FALLBACK =
      """
      function handler(event) {
        var request = event.request;
        if (request.uri.indexOf('.') === -1) {
          request.uri = '/index.html';
        }
        return request;
      }
      """;

  static final String RUNTIME_CONFIG = "runtime-config.json";
  private static final String BOOTSTRAP_QUALIFIER_CONTEXT = "@aws-cdk/core:bootstrapQualifier";
  private static final String BASIC_EXECUTION_ROLE =
      "arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole";

  private final Distribution distribution;

  StaticSite(
      Construct scope,
      String id,
      IHttpApi api,
      IBucket accessLogs,
      Optional<Path> frontendDist,
      Map<String, String> runtimeConfig,
      RetentionDays logRetention) {
    super(scope, id);
    Bucket content =
        Bucket.Builder.create(this, "Content")
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .encryption(BucketEncryption.S3_MANAGED)
            .enforceSsl(true)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
            .serverAccessLogsBucket(accessLogs)
            .serverAccessLogsPrefix("site/")
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();

    software.amazon.awscdk.services.cloudfront.Function spaFallback =
        software.amazon.awscdk.services.cloudfront.Function.Builder.create(this, "SpaFallback")
            .runtime(FunctionRuntime.JS_2_0)
            .code(FunctionCode.fromInline(SPA_FALLBACK))
            .build();

    distribution =
        Distribution.Builder.create(this, "Distribution")
            .comment("FlowForge web app and API")
            .defaultRootObject("index.html")
            .httpVersion(HttpVersion.HTTP2_AND_3)
            .priceClass(PriceClass.PRICE_CLASS_100)
            .enableLogging(true)
            .logBucket(accessLogs)
            .logFilePrefix("cloudfront/")
            .defaultBehavior(
                BehaviorOptions.builder()
                    .origin(S3BucketOrigin.withOriginAccessControl(content))
                    .viewerProtocolPolicy(ViewerProtocolPolicy.REDIRECT_TO_HTTPS)
                    .cachePolicy(CachePolicy.CACHING_OPTIMIZED)
                    .responseHeadersPolicy(ResponseHeadersPolicy.SECURITY_HEADERS)
                    .functionAssociations(
                        List.of(
                            FunctionAssociation.builder()
                                .eventType(FunctionEventType.VIEWER_REQUEST)
                                .function(spaFallback)
                                .build()))
                    .build())
            .additionalBehaviors(Map.of("/api/*", apiBehavior(api)))
            .build();
    acknowledgeFindings(distribution);

    frontendDist.ifPresent(dist -> deploy(dist, runtimeConfig, content, logRetention));
  }

  /** The app's origin, e.g. {@code https://d111111abcdef8.cloudfront.net}. */
  String origin() {
    return "https://" + distribution.getDistributionDomainName();
  }

  private BehaviorOptions apiBehavior(IHttpApi api) {
    Stack stack = Stack.of(this);
    String apiDomain =
        api.getApiId() + ".execute-api." + stack.getRegion() + "." + stack.getUrlSuffix();
    return BehaviorOptions.builder()
        .origin(
            HttpOrigin.Builder.create(apiDomain)
                .protocolPolicy(OriginProtocolPolicy.HTTPS_ONLY)
                .originSslProtocols(List.of(OriginSslPolicy.TLS_V1_2))
                .build())
        .viewerProtocolPolicy(ViewerProtocolPolicy.HTTPS_ONLY)
        .allowedMethods(AllowedMethods.ALLOW_ALL)
        // Never cached; every header but Host (API Gateway routes on its own host name) reaches the API,
        // the Authorization header included.
        .cachePolicy(CachePolicy.CACHING_DISABLED)
        .originRequestPolicy(OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER)
        .build();
  }

  /**
   * Uploads the app and, beside it, {@code runtime-config.json} with values known only at deploy time (the
   * assistant's WebSocket URL), which the app reads when it starts streaming.
   */
  private void deploy(
      Path dist, Map<String, String> runtimeConfig, Bucket content, RetentionDays logRetention) {
    BucketDeployment.Builder.create(this, "Deployment")
            .sources(
                List.of(
                    Source.asset(dist.toString()),
                    Source.jsonData(RUNTIME_CONFIG, runtimeConfig)))
            .destinationBucket(content)
            .distribution(distribution)
            .distributionPaths(List.of("/*"))
            .logGroup(LogGroup.Builder.create(this, "DeploymentLogs").retention(logRetention).build())
            .build();
    acknowledgeDeploymentFindings(content);
  }

  private static void acknowledgeFindings(Distribution distribution) {
    Nag.acknowledge(
        distribution,
        "AwsSolutions-CFR1",
        "The app serves its users wherever they are; no country is restricted.");
    Nag.acknowledge(
        distribution,
        "AwsSolutions-CFR2",
        "No AWS WAF web ACL by default: every API route but health needs a Cognito JWT and the stage is"
            + " throttled. Attach a web ACL with webAclId where traffic warrants its cost.");
    Nag.acknowledge(
        distribution,
        "AwsSolutions-CFR4",
        "The distribution uses the default *.cloudfront.net certificate, whose TLS policy CloudFront sets;"
            + " a minimum protocol version can only be chosen with a custom domain and certificate.");
  }

  /**
   * The upload is done by CDK's own BucketDeployment function, created once per stack outside this
   * construct, so its findings are acknowledged on that function. cdk-nag reports wildcard findings one by
   * one, so each is named.
   */
  private void acknowledgeDeploymentFindings(Bucket content) {
    Stack stack = Stack.of(this);
    Object qualifier = getNode().tryGetContext(BOOTSTRAP_QUALIFIER_CONTEXT);
    String assets =
        "arn:<AWS::Partition>:s3:::cdk-"
            + (qualifier == null ? DefaultStackSynthesizer.DEFAULT_QUALIFIER : qualifier)
            + "-assets-<AWS::AccountId>-<AWS::Region>";
    String copyReason =
        "CDK's BucketDeployment function copies the built app from the CDK asset bucket into the site"
            + " bucket and prunes what is gone, so it needs object-level wildcards on those two buckets;"
            + " it runs only during deployments.";
    for (IConstruct child : stack.getNode().getChildren()) {
      if (!child.getNode().getId().startsWith("Custom::CDKBucketDeployment")) {
        continue;
      }
      Nag.acknowledge(
          child,
          "AwsSolutions-IAM4[Policy::" + BASIC_EXECUTION_ROLE + "]",
          "CDK's BucketDeployment function writes its logs with AWSLambdaBasicExecutionRole; it runs only"
              + " during deployments.");
      for (String finding :
          List.of(
              "Action::s3:GetObject*",
              "Action::s3:GetBucket*",
              "Action::s3:List*",
              "Action::s3:DeleteObject*",
              "Action::s3:Abort*",
              "Resource::" + assets + "/*",
              "Resource::<" + Nag.logicalId(content) + ".Arn>/*")) {
        Nag.acknowledge(child, "AwsSolutions-IAM5[" + finding + "]", copyReason);
      }
      Nag.acknowledge(
          child,
          "AwsSolutions-L1",
          "CDK's BucketDeployment function pins its own Python runtime, which the CDK version decides.");
    }
  }
}
