package io.flowforge.infra;

import io.flowforge.adapters.dynamodb.Tables;
import io.flowforge.api.Schedule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.events.Rule;
import software.amazon.awscdk.services.events.targets.LambdaFunction;
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
import software.constructs.Construct;

/**
 * One scheduled handler from {@code ScheduleCatalog}: a Lambda function with its own role (read and write
 * on exactly the schedule's tables), log group and tracing, and an EventBridge rule invoking its {@code
 * live} alias at the schedule's rate.
 */
final class ScheduledFunction extends Construct {
  private static final int MEMORY_MB = 1024;
  /** Lambda's ceiling: a scheduled check fans out over every monitored series and waits for its alerts. */
  static final Duration TIMEOUT = Duration.minutes(15);
  private static final String JVM_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1";

  ScheduledFunction(
      Construct scope, Schedule schedule, Code code, Map<Tables, ITable> tables, RetentionDays logRetention) {
    super(scope, id(schedule));
    LogGroup logs = LogGroup.Builder.create(this, "Logs").retention(logRetention).build();
    Role role =
        Role.Builder.create(this, "Role")
            .assumedBy(new ServicePrincipal("lambda.amazonaws.com"))
            .description("Runs FlowForge " + id(schedule))
            .build();
    logs.grantWrite(role);

    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("JAVA_TOOL_OPTIONS", JVM_OPTIONS);
    for (Tables table : Tables.values()) {
      if (schedule.tables().contains(table)) {
        environment.put(table.environmentVariable(), tables.get(table).getTableName());
        tables.get(table).grantReadWriteData(role);
        Nag.acknowledge(
            role,
            "AwsSolutions-IAM5[Resource::<" + Nag.logicalId(tables.get(table)) + ".Arn>/index/*]",
            "Queries on the global secondary indexes of this one table ("
                + table.definition().logicalName()
                + "); DynamoDB names index ARNs under the table ARN.");
      }
    }
    Function function =
        Function.Builder.create(this, "Function")
            .description("FlowForge scheduled " + schedule.name() + ", every " + schedule.every())
            .runtime(Runtime.JAVA_17)
            .architecture(FeatureFunction.ARCHITECTURE)
            .handler(schedule.handlerClass() + "::handleRequest")
            .code(code)
            .memorySize(MEMORY_MB)
            .timeout(TIMEOUT)
            .role(role)
            .logGroup(logs)
            .tracing(Tracing.ACTIVE)
            .snapStart(SnapStartConf.ON_PUBLISHED_VERSIONS)
            .environment(environment)
            .build();
    Nag.acknowledgeJavaFunction(function, role);
    Alias live = Alias.Builder.create(this, "Live").aliasName("live").version(function.getCurrentVersion()).build();

    Rule.Builder.create(this, "Rule")
        .description("Runs FlowForge " + schedule.name() + " every " + schedule.every())
        .schedule(software.amazon.awscdk.services.events.Schedule.rate(Duration.seconds(schedule.every().toSeconds())))
        .targets(List.of(LambdaFunction.Builder.create(live).retryAttempts(2).build()))
        .build();
  }

  /** Construct id, e.g. {@code ScheduleMonitoringCheck}. */
  static String id(Schedule schedule) {
    StringBuilder out = new StringBuilder("Schedule");
    for (String word : schedule.name().toLowerCase(Locale.ROOT).split("-")) {
      out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
    }
    return out.toString();
  }
}
