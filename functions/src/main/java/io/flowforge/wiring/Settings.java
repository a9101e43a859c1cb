package io.flowforge.wiring;

import io.flowforge.adapters.bedrock.BedrockSettings;
import io.flowforge.adapters.dynamodb.Tables;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything FlowForge reads from its environment, read in this one place. Lambda gets these variables
 * from the CDK stack; the local stack builds a {@code Settings} from its command line instead.
 *
 * @param mode {@code local} or {@code aws}, reported by the health route
 * @param tableNames physical DynamoDB table name per logical table
 * @param uploadBucket the S3 bucket for uploads (AWS only)
 * @param region AWS region (AWS only)
 * @param dynamoDbEndpoint optional endpoint override (LocalStack)
 * @param s3Endpoint optional endpoint override (LocalStack)
 * @param maxUploadBytes largest dataset file accepted
 * @param maxColumns most columns a dataset may have
 * @param uploadUrlTtl how long an upload URL stays valid
 * @param devToken the bearer token the local stack accepts (local only)
 */
public record Settings(
    String mode,
    Map<Tables, String> tableNames,
    Optional<String> uploadBucket,
    Optional<String> region,
    Optional<String> dynamoDbEndpoint,
    Optional<String> s3Endpoint,
    long maxUploadBytes,
    int maxColumns,
    Duration uploadUrlTtl,
    Optional<String> devToken) {

  public static final long DEFAULT_MAX_UPLOAD_BYTES = 100L * 1024 * 1024;
  public static final int DEFAULT_MAX_COLUMNS = 2_000;
  public static final Duration DEFAULT_UPLOAD_URL_TTL = Duration.ofMinutes(15);

  public Settings {
    tableNames = Map.copyOf(tableNames);
  }

  /** Settings of a Lambda function (or any process configured purely by environment variables). */
  public static Settings fromEnvironment() {
    return from(System::getenv);
  }

  static Settings from(Function<String, String> env) {
    Map<Tables, String> names = new EnumMap<>(Tables.class);
    for (Tables table : Tables.values()) {
      names.put(table, value(env, table.environmentVariable()).orElse(table.definition().logicalName()));
    }
    return new Settings(
        value(env, "FLOWFORGE_MODE").orElse("aws"),
        names,
        value(env, "FLOWFORGE_UPLOAD_BUCKET"),
        value(env, "AWS_REGION"),
        value(env, "FLOWFORGE_DYNAMODB_ENDPOINT"),
        value(env, "FLOWFORGE_S3_ENDPOINT"),
        value(env, "FLOWFORGE_MAX_UPLOAD_BYTES").map(Long::parseLong).orElse(DEFAULT_MAX_UPLOAD_BYTES),
        value(env, "FLOWFORGE_MAX_COLUMNS").map(Integer::parseInt).orElse(DEFAULT_MAX_COLUMNS),
        DEFAULT_UPLOAD_URL_TTL,
        value(env, "FLOWFORGE_DEV_TOKEN"));
  }

  /** Settings of the local stack: logical table names, limits from the environment when set. */
  public static Settings local(Optional<String> devToken) {
    Settings env = fromEnvironment();
    Map<Tables, String> names = new EnumMap<>(Tables.class);
    for (Tables table : Tables.values()) {
      names.put(table, table.definition().logicalName());
    }
    return new Settings(
        "local",
        names,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        env.maxUploadBytes(),
        env.maxColumns(),
        DEFAULT_UPLOAD_URL_TTL,
        devToken.or(env::devToken));
  }

  public Settings withMaxUploadBytes(long bytes) {
    return new Settings(
        mode, tableNames, uploadBucket, region, dynamoDbEndpoint, s3Endpoint, bytes, maxColumns,
        uploadUrlTtl, devToken);
  }

  public String tableName(Tables table) {
    return tableNames.get(table);
  }

  /** Scratch space for files being validated; Lambda allows writing only under /tmp. */
  public Path scratchDirectory() {
    return Path.of(System.getProperty("java.io.tmpdir"), "flowforge");
  }

  /**
   * Claude on Bedrock when {@code FLOWFORGE_AI=bedrock} (see {@link BedrockSettings#from}), else empty: the
   * offline architect answers.
   */
  public static Optional<BedrockSettings> bedrockFromEnvironment() {
    return BedrockSettings.from(System::getenv);
  }

  private static Optional<String> value(Function<String, String> env, String name) {
    return Optional.ofNullable(env.apply(name)).filter(v -> !v.isBlank());
  }
}
