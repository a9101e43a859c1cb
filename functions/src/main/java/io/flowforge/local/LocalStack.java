package io.flowforge.local;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import com.sun.net.httpserver.HttpServer;
import io.flowforge.adapters.blob.LocalFolderBlobStore;
import io.flowforge.adapters.dynamodb.DynamoDbTables;
import io.flowforge.api.ScheduleCatalog;
import io.flowforge.local.demo.DemoWorkspace;
import io.flowforge.wiring.Settings;
import io.flowforge.wiring.Wiring;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * FlowForge on one machine, in one JVM: DynamoDB Local in-process, blobs in a folder, the HTTP server
 * calling the Lambda handler classes, the scheduler, and a seeded demo workspace. With a data directory
 * everything survives a restart; without one it lives in memory and a temporary folder.
 */
public final class LocalStack implements AutoCloseable {
  private final AmazonDynamoDBLocal dynamoDbLocal;
  private final LocalServer server;
  private final LocalScheduler scheduler;
  private final Wiring wiring;
  private final String devToken;
  private final Optional<Path> dataDir;
  private final Path blobRoot;
  private final String demoWorkspaceId;

  private LocalStack(
      AmazonDynamoDBLocal dynamoDbLocal,
      LocalServer server,
      LocalScheduler scheduler,
      Wiring wiring,
      String devToken,
      Optional<Path> dataDir,
      Path blobRoot,
      String demoWorkspaceId) {
    this.dynamoDbLocal = dynamoDbLocal;
    this.server = server;
    this.scheduler = scheduler;
    this.wiring = wiring;
    this.devToken = devToken;
    this.dataDir = dataDir;
    this.blobRoot = blobRoot;
    this.demoWorkspaceId = demoWorkspaceId;
  }

  /**
   * Starts the stack on 127.0.0.1.
   *
   * @param port 0 picks a free port
   * @param dataDir where to persist tables and blobs; empty keeps everything in memory
   * @param settings limits and the dev token ({@link Settings#local}); a random token when it has none
   */
  public static LocalStack start(int port, Optional<Path> dataDir, Settings settings) throws IOException {
    String devToken = settings.devToken().orElseGet(LocalStack::randomToken);
    AmazonDynamoDBLocal dynamoDbLocal = startDynamoDb(dataDir);
    try {
      DynamoDbClient dynamoDb = dynamoDbLocal.dynamoDbClient();
      DynamoDbTables.createMissing(dynamoDb, settings.tableNames());
      Path blobRoot =
          dataDir.isPresent()
              ? Files.createDirectories(dataDir.get().resolve("blobs"))
              : Files.createTempDirectory("flowforge-blobs-");
      HttpServer bound = LocalServer.bind(port);
      URI uploadBase = LocalServer.baseUri(bound).resolve(LocalServer.UPLOAD_PREFIX);
      byte[] signingKey = new byte[32];
      new SecureRandom().nextBytes(signingKey);
      LocalFolderBlobStore blobs =
          new LocalFolderBlobStore(blobRoot, uploadBase, signingKey, settings.maxUploadBytes(), Clock.systemUTC());
      Clock clock = Clock.systemUTC();
      Wiring wiring = Wiring.create(settings, dynamoDb, blobs, clock);
      String demoWorkspaceId = DemoWorkspace.seedIfAbsent(wiring, blobs, clock);
      LocalServer server =
          LocalServer.start(bound, wiring, devToken, Optional.of(blobs::receive), demoWorkspaceId);
      LocalScheduler scheduler = LocalScheduler.start(ScheduleCatalog.all(), wiring);
      return new LocalStack(
          dynamoDbLocal, server, scheduler, wiring, devToken, dataDir, blobRoot, demoWorkspaceId);
    } catch (IOException | RuntimeException e) {
      dynamoDbLocal.shutdownNow();
      throw e;
    }
  }

  public URI baseUri() {
    return server.baseUri();
  }

  /** Where MCP clients reach the tools over streamable HTTP, with the dev token as a bearer token. */
  public URI mcpUri() {
    return baseUri().resolve(McpHttpEndpoint.PATH);
  }

  /** The address to open in a browser: the web app reads the token from the fragment. */
  public URI browserUri() {
    return URI.create(baseUri() + "/#token=" + devToken);
  }

  public String devToken() {
    return devToken;
  }

  public boolean persistent() {
    return dataDir.isPresent();
  }

  public Optional<Path> dataDir() {
    return dataDir;
  }

  public Wiring wiring() {
    return wiring;
  }

  public String demoWorkspaceId() {
    return demoWorkspaceId;
  }

  public LocalScheduler scheduler() {
    return scheduler;
  }

  /** Folder holding uploaded files. */
  public Path blobRoot() {
    return blobRoot;
  }

  @Override
  public void close() {
    server.close();
    scheduler.close();
    dynamoDbLocal.shutdownNow();
    if (dataDir.isEmpty()) {
      deleteTree(blobRoot);
    }
  }

  private static AmazonDynamoDBLocal startDynamoDb(Optional<Path> dataDir) throws IOException {
    if (dataDir.isEmpty()) {
      return DynamoDBEmbedded.create();
    }
    Files.createDirectories(dataDir.get());
    return DynamoDBEmbedded.create(dataDir.get().resolve("dynamodb.db").toFile());
  }

  private static String randomToken() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static void deleteTree(Path root) {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
