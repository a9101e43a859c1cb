package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.core.Caller;
import io.flowforge.dataset.CreateDatasetRequest;
import io.flowforge.local.LocalApi.Answer;
import io.flowforge.wiring.Settings;
import io.flowforge.workspace.CreateWorkspaceRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local stack over real HTTP: routing, auth, bad input, the dataset flow and tenancy. */
class LocalApiIT {
  static final String TOKEN = "test-token-123";
  static final long MAX_UPLOAD = 512 * 1024;
  static LocalStack stack;
  static LocalApi api;

  @BeforeAll
  static void start() throws IOException {
    stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)).withMaxUploadBytes(MAX_UPLOAD));
    api = new LocalApi(stack.baseUri(), TOKEN);
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  @Test
  void healthAnswersWithoutToken() {
    Answer health = api.withToken(null).get("/api/health");

    assertEquals(200, health.status());
    assertEquals("ok", health.json().get("status").asText());
    assertEquals("local", health.json().get("mode").asText());
  }

  @Test
  void servesTheOpenApiDocument() {
    Answer document = api.withToken(null).get("/api/openapi.json");

    assertEquals(200, document.status());
    assertTrue(document.json().get("paths").has("/api/workspaces/{workspaceId}/datasets"));
  }

  @Test
  void refusesWith401_whenTokenIsMissingOrWrong() {
    Answer missing = api.withToken(null).get("/api/workspaces");
    Answer wrong = api.withToken("not-the-token").get("/api/workspaces");

    assertEquals(401, missing.status());
    assertEquals("application/problem+json", missing.contentType());
    assertEquals("https://flowforge.dev/problems/unauthorized", missing.json().get("type").asText());
    assertNotNull(missing.json().get("requestId").asText());
    assertEquals(401, wrong.status());
  }

  @Test
  void answers404And405AsProblems_forUnknownRoutesAndMethods() {
    Answer unknown = api.get("/api/nothing-here");
    Answer wrongMethod = api.method("PATCH", "/api/workspaces");

    assertEquals(404, unknown.status());
    assertEquals("/api/nothing-here", unknown.json().get("instance").asText());
    assertEquals(405, wrongMethod.status());
    assertTrue(wrongMethod.json().get("detail").asText().contains("GET"));
  }

  @Test
  void createsListsAndGetsWorkspaces() {
    String id = api.createWorkspace("Finance");

    Answer listed = api.get("/api/workspaces");
    Answer fetched = api.get("/api/workspaces/" + id);

    assertTrue(listed.text().contains(id));
    assertEquals(200, fetched.status());
    assertEquals("Finance", fetched.json().get("name").asText());
    assertEquals(1, fetched.json().get("version").asLong());
  }

  @Test
  void pointsAtTheField_whenBodyIsMalformedMistypedOrHasUnknownFields() {
    Answer malformed = api.post("/api/workspaces", "{\"name\": ");
    Answer mistyped = api.post("/api/workspaces", "{\"name\": 42}");
    Answer unknown = api.post("/api/workspaces", "{\"name\": \"x\", \"owner\": \"me\"}");
    Answer missing = api.post("/api/workspaces", "{}");

    assertEquals(400, malformed.status());
    assertTrue(malformed.json().get("detail").asText().contains("not valid JSON"));
    assertEquals(400, mistyped.status());
    assertEquals("/name", mistyped.json().get("pointer").asText());
    assertEquals(400, unknown.status());
    assertEquals("/owner", unknown.json().get("pointer").asText());
    assertEquals(400, missing.status());
    assertEquals("/name", missing.json().get("pointer").asText());
  }

  @Test
  void refusesOversizedApiBodies() {
    Answer answer = api.post("/api/workspaces", "{\"name\":\"" + "x".repeat(LocalServer.MAX_API_BODY_BYTES) + "\"}");

    assertEquals(413, answer.status());
  }

  @Test
  void uploadsValidatesListsAndDeletesADataset() {
    String workspace = api.createWorkspace("Uploads");
    byte[] csv = "id,amount,booked_at\n1,10.5,2024-01-01 10:00:00\n2,3.25,2024-01-02 11:00:00\n"
        .getBytes(StandardCharsets.UTF_8);

    Answer completed = api.upload(workspace, "payments", "csv", csv);
    String id = completed.json().get("id").asText();
    Answer listed = api.get("/api/workspaces/" + workspace + "/datasets");
    Answer deleted = api.delete(LocalApi.datasetPath(workspace, id));
    Answer afterDelete = api.get(LocalApi.datasetPath(workspace, id));

    assertEquals(200, completed.status(), completed.text());
    assertEquals("READY", completed.json().get("status").asText());
    assertEquals(2, completed.json().get("rowCount").asLong());
    assertEquals("amount", completed.json().at("/columns/1/name").asText());
    assertEquals("DOUBLE", completed.json().at("/columns/1/type").asText());
    assertEquals(2, completed.json().get("version").asLong());
    assertEquals(1, listed.json().get("items").size());
    assertEquals(204, deleted.status());
    assertEquals(404, afterDelete.status());
    assertFalse(blobExists(id));
  }

  @Test
  void acceptsJsonLinesAndParquet() throws IOException {
    String workspace = api.createWorkspace("Formats");
    byte[] jsonl = "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":null}\n".getBytes(StandardCharsets.UTF_8);
    byte[] parquet = Files.readAllBytes(Path.of("src/test/resources/datasets/two-rows.parquet"));

    Answer jsonAnswer = api.upload(workspace, "events", "jsonl", jsonl);
    Answer parquetAnswer = api.upload(workspace, "facts", "parquet", parquet);

    assertEquals(2, jsonAnswer.json().get("rowCount").asLong(), jsonAnswer.text());
    assertEquals(2, parquetAnswer.json().get("rowCount").asLong(), parquetAnswer.text());
  }

  @Test
  void refusesAnEmptyUpload_andLeavesNothingBehind() {
    String workspace = api.createWorkspace("Empty");
    Answer declaredEmpty = api.register(workspace, "empty", "empty.csv", "csv", 0);
    Answer registered = api.register(workspace, "empty", "empty.csv", "csv", 10);
    Answer put = api.put(registered.json().at("/upload/url").asText(), new byte[0]);
    Answer completed =
        api.post(LocalApi.datasetPath(workspace, registered.json().at("/dataset/id").asText()) + "/complete", null);

    assertEquals(400, declaredEmpty.status());
    assertEquals("/sizeBytes", declaredEmpty.json().get("pointer").asText());
    assertEquals(200, put.status());
    assertEquals(422, completed.status());
    assertTrue(completed.json().get("detail").asText().contains("empty"));
    assertNothingStoredIn(workspace);
  }

  @Test
  void refusesAHeaderOnlyCsv_andLeavesNothingBehind() {
    String workspace = api.createWorkspace("Header only");
    Answer answer = api.upload(workspace, "header", "csv", "a,b,c\n".getBytes(StandardCharsets.UTF_8));

    assertEquals(422, answer.status(), answer.text());
    assertTrue(answer.json().get("detail").asText().contains("no data rows"));
    assertNothingStoredIn(workspace);
  }

  @Test
  void refusesAFileThatIsNotItsDeclaredFormat_andLeavesNothingBehind() {
    String workspace = api.createWorkspace("Unparseable");
    Answer badJson = api.upload(workspace, "broken", "jsonl", "this is not json\n{".getBytes(StandardCharsets.UTF_8));
    Answer badParquet = api.upload(workspace, "broken", "parquet", "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));

    assertEquals(422, badJson.status(), badJson.text());
    assertTrue(badJson.json().get("detail").asText().contains("could not be read as jsonl"));
    assertFalse(badJson.text().contains(stack.blobRoot().toString()));
    assertEquals(422, badParquet.status(), badParquet.text());
    assertNothingStoredIn(workspace);
  }

  @Test
  void refusesOversizedUploads_andLeavesNothingBehind() {
    String workspace = api.createWorkspace("Oversized");
    Answer declaredTooLarge = api.register(workspace, "big", "big.csv", "csv", MAX_UPLOAD + 1);
    Answer registered = api.register(workspace, "sneaky", "sneaky.csv", "csv", 10);
    Answer putTooMuch = api.put(registered.json().at("/upload/url").asText(), new byte[4096]);
    Answer completed =
        api.post(LocalApi.datasetPath(workspace, registered.json().at("/dataset/id").asText()) + "/complete", null);

    assertEquals(413, declaredTooLarge.status());
    assertEquals(413, putTooMuch.status());
    assertEquals(422, completed.status());
    assertNothingStoredIn(workspace);
  }

  @Test
  void refusesHostileFileNames_andStoresNothing() {
    String workspace = api.createWorkspace("Hostile");
    Answer traversal = api.register(workspace, "x", "../../etc/passwd", "csv", 10);
    Answer control = api.register(workspace, "x", "evil\u0000name\n.csv", "csv", 10);
    Answer backslash = api.register(workspace, "x", "..\\..\\boot.ini", "csv", 10);

    assertEquals(400, traversal.status());
    assertEquals("/fileName", traversal.json().get("pointer").asText());
    assertEquals(400, control.status());
    assertEquals(400, backslash.status());
    assertNothingStoredIn(workspace);
  }

  @Test
  void refusesTenThousandColumns_andLeavesNothingBehind() {
    String workspace = api.createWorkspace("Wide");
    StringBuilder csv = new StringBuilder();
    for (int row = 0; row < 2; row++) {
      for (int column = 0; column < 10_000; column++) {
        csv.append(column == 0 ? "" : ",").append(row == 0 ? "c" + column : String.valueOf(column));
      }
      csv.append('\n');
    }

    Answer answer = api.upload(workspace, "wide", "csv", csv.toString().getBytes(StandardCharsets.UTF_8));

    assertEquals(422, answer.status(), answer.text());
    assertTrue(answer.json().get("detail").asText().contains("10000 columns"), answer.text());
    assertNothingStoredIn(workspace);
  }

  @Test
  void refusesUnknownFormat_pointingAtTheField() {
    String workspace = api.createWorkspace("Formats refused");
    Answer answer = api.register(workspace, "x", "x.xlsx", "xlsx", 10);

    assertEquals(400, answer.status());
    assertEquals("/format", answer.json().get("pointer").asText());
    assertTrue(answer.json().get("detail").asText().contains("csv, jsonl, parquet"));
  }

  @Test
  void refusesUploadsToForgedUrls() {
    String workspace = api.createWorkspace("Forged");
    Answer registered = api.register(workspace, "x", "x.csv", "csv", 10);
    String forged = registered.json().at("/upload/url").asText().replace("size=10", "size=100000");

    Answer answer = api.put(forged, new byte[20]);

    assertEquals(403, answer.status());
  }

  @Test
  void answersAnotherWorkspacesIdsExactlyLikeNonexistentOnes() {
    Caller stranger = new Caller("someone-else");
    String theirs = stack.wiring().workspaces().create(stranger, new CreateWorkspaceRequest("Theirs")).id();
    String theirDataset =
        stack.wiring().datasets().create(stranger, theirs, new CreateDatasetRequest("secret", "s.csv", "csv", 10L))
            .dataset().id();
    String mine = api.createWorkspace("Mine");

    Answer foreignWorkspace = api.get("/api/workspaces/" + theirs);
    Answer missingWorkspace = api.get("/api/workspaces/ws_aaaaaaaaaaaaaaaaaaaa");
    Answer foreignDatasets = api.get("/api/workspaces/" + theirs + "/datasets");
    Answer foreignDatasetViaMine = api.get(LocalApi.datasetPath(mine, theirDataset));
    Answer missingDataset = api.get(LocalApi.datasetPath(mine, "ds_aaaaaaaaaaaaaaaaaaaa"));
    Answer deleteForeign = api.delete(LocalApi.datasetPath(theirs, theirDataset));
    Answer listMine = api.get("/api/workspaces");

    assertEquals(404, foreignWorkspace.status());
    assertEquals(404, missingWorkspace.status());
    assertEquals(
        missingWorkspace.json().get("detail").asText().replace("ws_aaaaaaaaaaaaaaaaaaaa", theirs),
        foreignWorkspace.json().get("detail").asText());
    assertEquals(404, foreignDatasets.status());
    assertEquals(404, foreignDatasetViaMine.status());
    assertEquals(
        missingDataset.json().get("detail").asText().replace("ds_aaaaaaaaaaaaaaaaaaaa", theirDataset),
        foreignDatasetViaMine.json().get("detail").asText());
    assertEquals(404, deleteForeign.status());
    assertFalse(listMine.text().contains(theirs));
    assertTrue(stack.wiring().datasets().list(stranger, theirs).size() == 1);
  }

  @Test
  void seedsTheDemoWorkspace_forTheDevUser() {
    Answer datasets = api.get("/api/workspaces/" + stack.demoWorkspaceId() + "/datasets");

    assertEquals(200, datasets.status());
    assertEquals(4, datasets.json().get("items").size());
    datasets.json().get("items").forEach(item -> assertEquals("READY", item.get("status").asText()));
    assertTrue(datasets.text().contains("bank_transactions"));
  }

  @Test
  void fallsBackToIndexHtml_forWebAppRoutes() {
    Answer deepLink = api.withToken(null).get("/workspaces/abc");
    Matcher script = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"").matcher(deepLink.text());
    assertTrue(script.find(), deepLink.text());
    Answer asset = api.withToken(null).get(script.group(1));

    assertEquals(200, deepLink.status());
    assertTrue(deepLink.text().contains("<div id=\"root\">"));
    assertEquals(200, asset.status());
    assertTrue(asset.contentType().startsWith("text/javascript"));
  }

  private static void assertNothingStoredIn(String workspace) {
    Answer datasets = api.get("/api/workspaces/" + workspace + "/datasets");
    assertEquals(0, datasets.json().get("items").size(), datasets.text());
    assertFalse(Files.exists(stack.blobRoot().resolve("workspaces").resolve(workspace))
        && hasFiles(stack.blobRoot().resolve("workspaces").resolve(workspace)));
  }

  private static boolean blobExists(String datasetId) {
    try (Stream<Path> files = Files.walk(stack.blobRoot())) {
      return files.anyMatch(path -> path.toString().contains(datasetId) && Files.isRegularFile(path));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean hasFiles(Path folder) {
    try (Stream<Path> files = Files.walk(folder)) {
      return files.anyMatch(Files::isRegularFile);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
