package io.flowforge.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.adapters.dynamodb.DynamoDbTables;
import io.flowforge.adapters.dynamodb.Tables;
import io.flowforge.core.Caller;
import io.flowforge.dataset.CreateDatasetRequest;
import io.flowforge.dataset.Dataset;
import io.flowforge.dataset.DatasetStatus;
import io.flowforge.dataset.DatasetUpload;
import io.flowforge.workspace.CreateWorkspaceRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The dataset flow against LocalStack's DynamoDB and S3 with the AWS wiring (presigned S3 upload). Runs
 * where Docker exists; reported skipped elsewhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackDatasetFlowIT {
  private static final String BUCKET = "flowforge-uploads";

  @Container
  static final LocalStackContainer LOCALSTACK =
      new LocalStackContainer("localstack/localstack:4.4").withServices("s3", "dynamodb");

  @Test
  void uploadsThroughAPresignedUrl_andValidatesTheFile() throws Exception {
    System.setProperty("aws.accessKeyId", LOCALSTACK.getAccessKey());
    System.setProperty("aws.secretAccessKey", LOCALSTACK.getSecretKey());
    Settings settings = settings();
    S3Client s3 =
        S3Client.builder()
            .httpClient(UrlConnectionHttpClient.create())
            .region(Region.of(LOCALSTACK.getRegion()))
            .endpointOverride(LOCALSTACK.getEndpoint())
            .forcePathStyle(true)
            .build();
    s3.createBucket(request -> request.bucket(BUCKET));
    DynamoDbTables.createMissing(Wiring.dynamoDb(settings), settings.tableNames());
    Wiring wiring =
        Wiring.create(settings, Wiring.dynamoDb(settings), Wiring.s3BlobStore(settings), Clock.systemUTC());
    Caller caller = new Caller("cognito-user-1");
    byte[] csv = "id,amount\n1,2.5\n2,3.5\n3,4.5\n".getBytes(StandardCharsets.UTF_8);

    String workspace = wiring.workspaces().create(caller, new CreateWorkspaceRequest("Cloud")).id();
    DatasetUpload upload =
        wiring.datasets().create(caller, workspace, new CreateDatasetRequest("amounts", "a.csv", "csv", (long) csv.length));
    HttpRequest.Builder put =
        HttpRequest.newBuilder(URI.create(upload.upload().url())).PUT(HttpRequest.BodyPublishers.ofByteArray(csv));
    upload.upload().headers().forEach(put::header);
    HttpResponse<String> stored = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
    Dataset ready = wiring.datasets().complete(caller, workspace, upload.dataset().id());
    wiring.datasets().delete(caller, workspace, ready.id());

    assertEquals(200, stored.statusCode(), stored.body());
    assertEquals(DatasetStatus.READY, ready.status());
    assertEquals(3, ready.rowCount());
    assertTrue(s3.listObjectsV2(request -> request.bucket(BUCKET)).contents().isEmpty());
  }

  private static Settings settings() {
    Map<Tables, String> names = new EnumMap<>(Tables.class);
    for (Tables table : Tables.values()) {
      names.put(table, "it-" + table.definition().logicalName());
    }
    return new Settings(
        "aws",
        names,
        Optional.of(BUCKET),
        Optional.of(LOCALSTACK.getRegion()),
        Optional.of(LOCALSTACK.getEndpoint().toString()),
        Optional.of(LOCALSTACK.getEndpoint().toString()),
        Settings.DEFAULT_MAX_UPLOAD_BYTES,
        Settings.DEFAULT_MAX_COLUMNS,
        Settings.DEFAULT_UPLOAD_URL_TTL,
        Optional.empty());
  }
}
