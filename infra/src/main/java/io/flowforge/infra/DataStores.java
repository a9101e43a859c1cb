package io.flowforge.infra;

import io.flowforge.adapters.dynamodb.TableDefinition;
import io.flowforge.adapters.dynamodb.Tables;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.services.dynamodb.Attribute;
import software.amazon.awscdk.services.dynamodb.AttributeType;
import software.amazon.awscdk.services.dynamodb.BillingMode;
import software.amazon.awscdk.services.dynamodb.GlobalSecondaryIndexProps;
import software.amazon.awscdk.services.dynamodb.ITable;
import software.amazon.awscdk.services.dynamodb.PointInTimeRecoverySpecification;
import software.amazon.awscdk.services.dynamodb.ProjectionType;
import software.amazon.awscdk.services.dynamodb.Table;
import software.amazon.awscdk.services.dynamodb.TableEncryption;
import software.amazon.awscdk.services.s3.BlockPublicAccess;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.s3.BucketEncryption;
import software.amazon.awscdk.services.s3.CorsRule;
import software.amazon.awscdk.services.s3.HttpMethods;
import software.amazon.awscdk.services.s3.IBucket;
import software.amazon.awscdk.services.s3.LifecycleRule;
import software.amazon.awscdk.services.s3.ObjectOwnership;
import software.constructs.Construct;

/**
 * Everything that holds data: one DynamoDB table per {@link Tables} entry, the bucket that receives dataset
 * uploads through presigned URLs, and the bucket that collects S3 and CloudFront access logs. All of it is
 * retained when the stack is deleted.
 */
final class DataStores extends Construct {
  private final Map<Tables, ITable> tables = new EnumMap<>(Tables.class);
  private final Bucket uploads;
  private final Bucket accessLogs;

  DataStores(Construct scope, String id) {
    super(scope, id);
    for (Tables table : Tables.values()) {
      tables.put(table, table(table));
    }
    accessLogs = accessLogBucket();
    uploads =
        Bucket.Builder.create(this, "Uploads")
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .encryption(BucketEncryption.S3_MANAGED)
            .enforceSsl(true)
            .objectOwnership(ObjectOwnership.BUCKET_OWNER_ENFORCED)
            .serverAccessLogsBucket(accessLogs)
            .serverAccessLogsPrefix("uploads/")
            .lifecycleRules(
                List.of(
                    LifecycleRule.builder()
                        .id("abort-incomplete-uploads")
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
  }

  /** The DynamoDB tables, one per {@link Tables} entry. */
  Map<Tables, ITable> tables() {
    return Map.copyOf(tables);
  }

  IBucket uploads() {
    return uploads;
  }

  IBucket accessLogs() {
    return accessLogs;
  }

  /**
   * Lets the browser PUT a file straight to a presigned URL from the web app's origin; nothing else is
   * allowed cross-origin.
   */
  void allowBrowserUploadsFrom(String origin) {
    uploads.addCorsRule(
        CorsRule.builder()
            .allowedMethods(List.of(HttpMethods.PUT))
            .allowedOrigins(List.of(origin))
            .allowedHeaders(List.of("*"))
            .exposedHeaders(List.of("ETag"))
            .maxAge(3000)
            .build());
  }

  private Table table(Tables table) {
    TableDefinition definition = table.definition();
    Table.Builder builder =
        Table.Builder.create(this, definition.logicalName())
            .partitionKey(stringKey(definition.partitionKey()))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .pointInTimeRecoverySpecification(
                PointInTimeRecoverySpecification.builder().pointInTimeRecoveryEnabled(true).build())
            .encryption(TableEncryption.AWS_MANAGED)
            .deletionProtection(true)
            .removalPolicy(RemovalPolicy.RETAIN);
    if (definition.sortKey() != null) {
      builder.sortKey(stringKey(definition.sortKey()));
    }
    definition.timeToLiveAttribute().ifPresent(builder::timeToLiveAttribute);
    Table created = builder.build();
    for (TableDefinition.GlobalIndex index : definition.globalIndexes()) {
      GlobalSecondaryIndexProps.Builder gsi =
          GlobalSecondaryIndexProps.builder()
              .indexName(index.name())
              .partitionKey(stringKey(index.partitionKey()))
              .projectionType(ProjectionType.ALL);
      if (index.sortKey() != null) {
        gsi.sortKey(stringKey(index.sortKey()));
      }
      created.addGlobalSecondaryIndex(gsi.build());
    }
    return created;
  }

  // CloudFront standard logging writes with an ACL grant, so this bucket alone keeps ACLs enabled.
  private Bucket accessLogBucket() {
    Bucket bucket =
        Bucket.Builder.create(this, "AccessLogs")
            .blockPublicAccess(BlockPublicAccess.BLOCK_ALL)
            .encryption(BucketEncryption.S3_MANAGED)
            .enforceSsl(true)
            .objectOwnership(ObjectOwnership.OBJECT_WRITER)
            .lifecycleRules(
                List.of(
                    LifecycleRule.builder()
                        .id("expire-access-logs")
                        .expiration(Duration.days(365))
                        .abortIncompleteMultipartUploadAfter(Duration.days(1))
                        .build()))
            .removalPolicy(RemovalPolicy.RETAIN)
            .build();
    Nag.acknowledge(
        bucket,
        "AwsSolutions-S1",
        "This is the access-log destination itself; logging its own access would log every log delivery.");
    return bucket;
  }

  private static Attribute stringKey(String name) {
    return Attribute.builder().name(name).type(AttributeType.STRING).build();
  }
}
