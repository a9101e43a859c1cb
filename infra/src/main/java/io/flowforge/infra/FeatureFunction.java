package io.flowforge.infra;

import io.flowforge.adapters.dynamodb.Tables;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.Role;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.lambda.Alias;
import software.amazon.awscdk.services.lambda.Architecture;
import software.amazon.awscdk.services.lambda.Code;
import software.amazon.awscdk.services.lambda.Function;
import software.amazon.awscdk.services.lambda.IFunction;
import software.amazon.awscdk.services.lambda.Runtime;
import software.amazon.awscdk.services.lambda.SnapStartConf;
import software.amazon.awscdk.services.lambda.Tracing;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.s3.IBucket;
import software.constructs.Construct;

/**
 * One Lambda function from a {@link FunctionPlan}: its own role holding only the plan's grants, its own
 * log group with a retention, X-Ray tracing, and SnapStart on a published version that the {@code live}
 * alias points at. API Gateway invokes the alias, never {@code $LATEST}, because SnapStart only applies to
 * published versions.
 *
 * <p>Tenancy is decided in code: every key starts with the workspace id, and the handler checks the
 * caller's membership before it reads. IAM cannot narrow a role to one tenant here with a {@code
 * dynamodb:LeadingKeys} condition, because one function serves every workspace and the workspace is not
 * part of the credentials Lambda runs with; a condition on a fixed prefix would only pretend to isolate.
 */
final class FeatureFunction extends Construct {
  /** Environment variable that carries the upload bucket's name to handlers that use it. */
  static final String UPLOAD_BUCKET_VARIABLE = "FLOWFORGE_UPLOAD_BUCKET";

  /**
   * Graviton. The Lambda jar keeps only DuckDB's linux-arm64 native library (see functions/pom.xml), so the
   * two must change together; LambdaJarIT checks it.
   */
  static final Architecture ARCHITECTURE = Architecture.ARM_64;

  /** DuckDB's native library name inside the Lambda jar for {@link #ARCHITECTURE}. */
  static final String DUCKDB_NATIVE_LIBRARY = "libduckdb_java.so_linux_arm64";

  private static final int MEMORY_MB = 1024;
  // API Gateway HTTP APIs stop waiting for an integration after 30 seconds.
  private static final Duration TIMEOUT = Duration.seconds(29);
  // C1 only: handlers are short request/response calls, where full JIT tiers cost more than they save.
  private static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  private final Alias live;
  private final Function function;
  private final Role role;

  FeatureFunction(
      Construct scope,
      FunctionPlan plan,
      Code code,
      Map<Tables, ITable> tables,
      IBucket uploads,
      RetentionDays logRetention) {
    super(scope, plan.id());
    LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(logRetention).build();
    // No AWS managed policy: besides the plan's grants, the role may only write its own logs and traces.
    role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description("Runs FlowForge " + plan.id())
            .build();
    logs.grantWrite(role);

    function =
        Function.Builder.create(this, "Function")
            .description(description(plan))
            .runtime(Runtime.JAVA_17)
            .architecture(ARCHITECTURE)
            .handler(plan.feature().handlerClass() + "::handleRequest")
            .code(code)
            .memorySize(MEMORY_MB)
            .timeout(TIMEOUT)
            .role(role)
            .logGroup(logs)
            .tracing(Tracing.ACTIVE)
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .environment(environment(plan, tables, uploads))
            .build();

    for (Tables table : plan.readTables()) {
      tables.get(table).grantReadData(role);
    }
    for (Tables table : plan.writeTables()) {
      tables.get(table).grantReadWriteData(role);
    }
    grantUploads(role, plan.bucket(), uploads);
    acknowledgeIndexQueries(role, plan, tables);
    Nag.acknowledgeJavaFunction(function, role);

    live =
        Alias.Builder.create(this, "Live")
            .aliasName("live")
            .version(function.getCurrentVersion())
            .build();
  }

  /** The alias API Gateway invokes: the latest published version, restored from its SnapStart snapshot. */
  IFunction live() {
    return live;
  }

  /**
   * Configures the handler for Claude on Bedrock. Only a function that answers messages may invoke the
   * model; the others get the configuration alone, so they report the same language model.
   */
  void useBedrock(BedrockAccess bedrock, boolean invokes) {
    bedrock.environment().forEach(function::addEnvironment);
    if (invokes) {
      bedrock.grantInvoke(role);
    }
  }

  private static Map<String, String> environment(
      FunctionPlan plan, Map<Tables, ITable> tables, IBucket uploads) {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("JAVA_TOOL_OPTIONS", JVM_OPTIONS);
    for (Tables table : plan.tables()) {
      environment.put(table.environmentVariable(), tables.get(table).getTableName());
    }
    if (plan.bucket() != FunctionPlan.BucketAccess.NONE) {
      environment.put(UPLOAD_BUCKET_VARIABLE, uploads.getBucketName());
    }
    return environment;
  }

  // Lambda caps descriptions at 256 characters, so routes are counted rather than listed.
  private static String description(FunctionPlan plan) {
    String kind = plan.access() == FunctionPlan.Access.READ ? "GET" : "non-GET";
    return "FlowForge " + plan.id() + ": " + plan.routes().size() + " " + kind + " route(s)";
  }

  /**
   * Exact object actions rather than CDK's bucket grants, whose wildcards ({@code s3:GetObject*}, {@code
   * s3:DeleteObject*}, {@code s3:Abort*}) would also allow ACL, tagging and version operations. ListBucket
   * makes a missing key answer 404 instead of 403.
   */
  static void grantUploads(Role role, FunctionPlan.BucketAccess access, IBucket uploads) {
    if (access == FunctionPlan.BucketAccess.NONE) {
      return;
    }
    List<String> objectActions =
        access == FunctionPlan.BucketAccess.READ
            ? List.of("s3:GetObject")
            : List.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject");
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(List.of("s3:ListBucket"))
            .resources(List.of(uploads.getBucketArn()))
            .build());
    role.addToPolicy(
        PolicyStatement.Builder.create()
            .actions(objectActions)
            .resources(List.of(uploads.arnForObjects("*")))
            .build());
    Nag.acknowledge(
        role,
        "AwsSolutions-IAM5[Resource::<" + Nag.logicalId(uploads) + ".Arn>/*]",
        "Upload keys start with the workspace id and one function serves every workspace, so the grant"
            + " covers the bucket's objects; the handler checks workspace membership before it signs or"
            + " reads a key.");
  }

  private static void acknowledgeIndexQueries(Role role, FunctionPlan plan, Map<Tables, ITable> tables) {
    for (Tables table : plan.tables()) {
      Nag.acknowledge(
          role,
          "AwsSolutions-IAM5[Resource::<" + Nag.logicalId(tables.get(table)) + ".Arn>/index/*]",
          "Queries on the global secondary indexes of this one table ("
              + table.definition().logicalName()
              + "); DynamoDB names index ARNs under the table ARN.");
    }
  }
}
