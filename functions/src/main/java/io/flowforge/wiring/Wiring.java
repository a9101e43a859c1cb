package io.flowforge.wiring;

import io.flowforge.adapters.bedrock.BedrockArchitect;
import io.flowforge.adapters.bedrock.BedrockClients;
import io.flowforge.adapters.bedrock.BedrockSettings;
import io.flowforge.adapters.blob.S3BlobStore;
import io.flowforge.adapters.dynamodb.DynamoDbConversationStore;
import io.flowforge.adapters.dynamodb.DynamoDbDatasetStore;
import io.flowforge.adapters.dynamodb.DynamoDbMetricHistory;
import io.flowforge.adapters.dynamodb.DynamoDbModelStore;
import io.flowforge.adapters.dynamodb.DynamoDbMonitoringStore;
import io.flowforge.adapters.dynamodb.DynamoDbPatternStore;
import io.flowforge.adapters.dynamodb.DynamoDbProfileStore;
import io.flowforge.adapters.dynamodb.DynamoDbStreamSessionStore;
import io.flowforge.adapters.dynamodb.DynamoDbSuggestionStore;
import io.flowforge.adapters.dynamodb.DynamoDbWorkspaceStore;
import io.flowforge.adapters.dynamodb.Tables;
import io.flowforge.assistant.OfflineArchitect;
import io.flowforge.assistant.StandardTools;
import io.flowforge.assistant.ToolRegistry;
import io.flowforge.conversation.CatalogSource;
import io.flowforge.conversation.ConversationService;
import io.flowforge.conversation.DatasetCatalogSource;
import io.flowforge.conversation.StreamSessions;
import io.flowforge.conversation.SuggestionApplier;
import io.flowforge.dataset.BlobStore;
import io.flowforge.dataset.DatasetInspector;
import io.flowforge.dataset.DatasetService;
import io.flowforge.modeling.ModelGenerator;
import io.flowforge.modeling.ModelService;
import io.flowforge.modeling.WorkspaceSources;
import io.flowforge.monitoring.MonitoringService;
import io.flowforge.optimizer.DatabricksOptimizer;
import io.flowforge.optimizer.OptimizerService;
import io.flowforge.patterns.PatternLibrary;
import io.flowforge.patterns.PatternService;
import io.flowforge.profiles.ProfilingService;
import io.flowforge.webhooks.AlertDelivery;
import io.flowforge.webhooks.DeliveryPolicy;
import io.flowforge.webhooks.HostResolver;
import io.flowforge.webhooks.HttpSender;
import io.flowforge.webhooks.JdkHttpSender;
import io.flowforge.webhooks.MetricHistory;
import io.flowforge.webhooks.SsrfGuard;
import io.flowforge.workspace.WorkspaceService;
import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.function.Supplier;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClient;
import software.amazon.awssdk.services.apigatewaymanagementapi.ApiGatewayManagementApiClientBuilder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds FlowForge's clients and services once per process. Lambda handlers call {@link
 * #fromEnvironment()} from their no-argument constructor (so SnapStart snapshots a warm graph); the local
 * stack builds one {@code Wiring} with {@link #create} and hands it to every handler.
 */
public final class Wiring {
  /** Threads judging monitors and delivering alerts; checks are read-bound, so a few suffice. */
  private static final int MONITORING_THREADS = 4;
  private static Wiring environment;

  private final Settings settings;
  private final Clock clock;
  private final Supplier<DynamoDbEnhancedClient> dynamoDb;
  private final Supplier<BlobStore> blobs;
  private WorkspaceService workspaces;
  private DatasetService datasets;
  private ModelService models;
  private ConversationService conversations;
  private ProfilingService profiling;
  private MonitoringService monitoring;
  private PatternService patterns;
  private OptimizerService optimizer;
  private StreamSessions streamSessions;

  /**
   * Clients are built on first use so a function only pays for what its handler touches (the health
   * function has no table or bucket).
   */
  private Wiring(Settings settings, Supplier<DynamoDbClient> dynamoDb, Supplier<BlobStore> blobs, Clock clock) {
    this.settings = settings;
    this.clock = clock;
    this.dynamoDb = memoize(() -> DynamoDbEnhancedClient.builder().dynamoDbClient(dynamoDb.get()).build());
    this.blobs = memoize(blobs);
  }

  /** Wiring over the given DynamoDB client and blob store (the local stack, integration tests). */
  public static Wiring create(Settings settings, DynamoDbClient dynamoDb, BlobStore blobs, Clock clock) {
    return new Wiring(settings, () -> dynamoDb, () -> blobs, clock);
  }

  /** The process-wide wiring configured from environment variables, built on first use. */
  public static synchronized Wiring fromEnvironment() {
    if (environment == null) {
      Settings settings = Settings.fromEnvironment();
      environment =
          new Wiring(settings, () -> dynamoDb(settings), () -> s3BlobStore(settings), Clock.systemUTC());
    }
    return environment;
  }

  public Settings settings() {
    return settings;
  }

  public synchronized WorkspaceService workspaces() {
    if (workspaces == null) {
      workspaces =
          new WorkspaceService(
              new DynamoDbWorkspaceStore(dynamoDb.get(), settings.tableName(Tables.WORKSPACES)), clock);
    }
    return workspaces;
  }

  public synchronized DatasetService datasets() {
    if (datasets == null) {
      datasets =
          new DatasetService(
              workspaces(),
              new DynamoDbDatasetStore(dynamoDb.get(), settings.tableName(Tables.DATASETS)),
              blobs.get(),
              new DatasetInspector(settings.scratchDirectory().resolve("duckdb-extensions")),
              new DatasetService.Limits(
                  settings.maxUploadBytes(), settings.maxColumns(), settings.uploadUrlTtl()),
              clock);
    }
    return datasets;
  }

  public synchronized ModelService models() {
    if (models == null) {
      models =
          new ModelService(
              workspaces(),
              new WorkspaceSources(datasets(), settings.scratchDirectory().resolve("model-sources")),
              new ModelGenerator(),
              new DynamoDbModelStore(dynamoDb.get(), settings.tableName(Tables.MODELS)),
              clock);
    }
    return models;
  }

  /**
   * The assistant's conversations: answered by Claude on Bedrock when {@code FLOWFORGE_AI=bedrock} (falling
   * back to the offline architect), else by the offline architect.
   */
  public synchronized ConversationService conversations() {
    if (conversations == null) {
      ToolRegistry registry = StandardTools.registry();
      OfflineArchitect offline = new OfflineArchitect(registry);
      Optional<BedrockSettings> bedrock = Settings.bedrockFromEnvironment();
      ConversationService.Architects architects = bedrock
          .map(b -> new ConversationService.Architects(
              offline,
              // ConverseStream only where replies can stream (the local server): on AWS the HTTP API answers
              // a stream in one body, and the function's jar leaves the async HTTP client out.
              new BedrockArchitect(BedrockClients.create(b),
                  "local".equals(settings.mode()) ? BedrockClients.createStreaming(b) : null, b, registry),
              "bedrock:" + b.modelId()))
          .orElseGet(() -> new ConversationService.Architects(offline, offline, OfflineArchitect.NAME));
      conversations =
          new ConversationService(
              workspaces(),
              new DynamoDbConversationStore(dynamoDb.get(), settings.tableName(Tables.CONVERSATIONS)),
              new DatasetCatalogSource(
                  datasets(), blobs.get(), settings.scratchDirectory().resolve("catalogs")),
              architects,
              new SuggestionApplier(datasets(), models()),
              clock);
    }
    return conversations;
  }

  /** Stream tickets and the WebSocket connections opened with them (the assistant in AWS). */
  public synchronized StreamSessions streamSessions() {
    if (streamSessions == null) {
      streamSessions =
          new StreamSessions(
              conversations(),
              new DynamoDbStreamSessionStore(dynamoDb.get(), settings.tableName(Tables.CONVERSATIONS)),
              clock);
    }
    return streamSessions;
  }

  public synchronized ProfilingService profiling() {
    if (profiling == null) {
      String table = settings.tableName(Tables.DATASETS);
      profiling =
          new ProfilingService(
              workspaces(),
              datasets(),
              new DynamoDbProfileStore(dynamoDb.get(), table),
              new DynamoDbSuggestionStore(dynamoDb.get(), table),
              clock);
    }
    return profiling;
  }

  public synchronized MonitoringService monitoring() {
    if (monitoring == null) {
      DynamoDbEnhancedClient client = dynamoDb.get();
      MetricHistory history =
          new DynamoDbMetricHistory(client, settings.tableName(Tables.METRICS), MonitoringService.RETENTION);
      SsrfGuard guard = new SsrfGuard(HostResolver.system());
      HttpSender sender = new JdkHttpSender();
      AlertDelivery.Sleeper sleeper = duration -> Thread.sleep(duration.toMillis());
      MonitoringService.Delivery delivery =
          new MonitoringService.Delivery(
              new AlertDelivery(sender, guard, DeliveryPolicy.standard(), sleeper, clock),
              new AlertDelivery(sender, guard, MonitoringService.TEST_SEND_POLICY, sleeper, clock),
              guard);
      monitoring =
          new MonitoringService(
              workspaces(),
              new DynamoDbMonitoringStore(
                  client,
                  settings.tableName(Tables.MONITORING),
                  settings.tableName(Tables.METRICS),
                  MonitoringService.RETENTION,
                  clock),
              history,
              delivery,
              Executors.newFixedThreadPool(MONITORING_THREADS, daemonThreads("flowforge-monitoring")),
              clock,
              settings.mode().equals("local"));
    }
    return monitoring;
  }

  private static ThreadFactory daemonThreads(String name) {
    return runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    };
  }

  public synchronized PatternService patterns() {
    if (patterns == null) {
      patterns =
          new PatternService(
              workspaces(),
              PatternLibrary.builtIn(),
              new DynamoDbPatternStore(dynamoDb.get(), settings.tableName(Tables.MODELS)),
              settings.scratchDirectory().resolve("team-patterns"),
              clock);
    }
    return patterns;
  }

  public synchronized OptimizerService optimizer() {
    if (optimizer == null) {
      optimizer = new OptimizerService(new DatabricksOptimizer());
    }
    return optimizer;
  }

  /**
   * Workspaces' tables as the assistant's tools see them, for tool calls made outside a conversation (the
   * local MCP server over HTTP). Opening one holds nothing until it is used, so a new one per caller is
   * cheap.
   */
  public CatalogSource catalogs() {
    return new DatasetCatalogSource(datasets(), blobs.get(), settings.scratchDirectory().resolve("catalogs"));
  }

  private static <T> Supplier<T> memoize(Supplier<T> supplier) {
    return new Supplier<>() {
      private T value;

      @Override
      public synchronized T get() {
        if (value == null) {
          value = supplier.get();
        }
        return value;
      }
    };
  }

  /** A DynamoDB client on the lightweight URL-connection HTTP client (fast Lambda cold starts). */
  public static DynamoDbClient dynamoDb(Settings settings) {
    DynamoDbClientBuilder builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create());
    settings.region().map(Region::of).ifPresent(builder::region);
    settings.dynamoDbEndpoint().map(URI::create).ifPresent(builder::endpointOverride);
    return builder.build();
  }

  /**
   * A client that posts to the WebSocket connections of one API stage ({@code
   * https://<domain>/<stage>}), on the lightweight URL-connection HTTP client.
   */
  public static ApiGatewayManagementApiClient connections(Settings settings, URI stageEndpoint) {
    ApiGatewayManagementApiClientBuilder builder =
        ApiGatewayManagementApiClient.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .endpointOverride(stageEndpoint);
    settings.region().map(Region::of).ifPresent(builder::region);
    return builder.build();
  }

  /** The S3 upload store; path-style addressing when an endpoint override (LocalStack) is set. */
  public static BlobStore s3BlobStore(Settings settings) {
    String bucket =
        settings.uploadBucket().orElseThrow(() -> new IllegalStateException("FLOWFORGE_UPLOAD_BUCKET is not set"));
    S3Configuration s3Configuration =
        S3Configuration.builder().pathStyleAccessEnabled(settings.s3Endpoint().isPresent()).build();
    S3ClientBuilder client =
        S3Client.builder().httpClient(UrlConnectionHttpClient.create()).serviceConfiguration(s3Configuration);
    S3Presigner.Builder presigner = S3Presigner.builder().serviceConfiguration(s3Configuration);
    settings.region().map(Region::of).ifPresent(region -> {
      client.region(region);
      presigner.region(region);
    });
    settings.s3Endpoint().map(URI::create).ifPresent(endpoint -> {
      client.endpointOverride(endpoint);
      presigner.endpointOverride(endpoint);
    });
    return new S3BlobStore(client.build(), presigner.build(), bucket, settings.scratchDirectory().resolve("blobs"));
  }
}
