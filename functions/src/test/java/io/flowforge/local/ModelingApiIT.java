package io.flowforge.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flowforge.core.Json;
import io.flowforge.local.LocalApi.Answer;
import io.flowforge.wiring.Settings;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The modelling API over real HTTP on the local stack: patterns, optimizer, generate, save, zip, bad input. */
class ModelingApiIT {
  static final String TOKEN = "modeling-token-123";
  static LocalStack stack;
  static LocalApi api;
  static String demo;
  static String productId;
  static String categoryId;

  @BeforeAll
  static void start() throws IOException {
    stack = LocalStack.start(0, Optional.empty(), Settings.local(Optional.of(TOKEN)));
    api = new LocalApi(stack.baseUri(), TOKEN);
    demo = stack.demoWorkspaceId();
    for (JsonNode dataset : api.get("/api/workspaces/" + demo + "/datasets").json().get("items")) {
      switch (dataset.get("name").asText()) {
        case "product" -> productId = dataset.get("id").asText();
        case "productcategory" -> categoryId = dataset.get("id").asText();
        default -> { }
      }
    }
  }

  @AfterAll
  static void stop() {
    stack.close();
  }

  private static String models() {
    return "/api/workspaces/" + demo + "/models";
  }

  private static ObjectNode modelRequest(String style) {
    ObjectNode body = Json.mapper().createObjectNode().put("style", style);
    body.putArray("datasetIds").add(productId).add(categoryId);
    return body;
  }

  private static List<String> entityNames(JsonNode model) {
    List<String> names = new ArrayList<>();
    model.at("/spec/entities").forEach(e -> names.add(e.get("name").asText()));
    return names;
  }

  private static JsonNode entity(JsonNode model, String name) {
    for (JsonNode e : model.at("/spec/entities")) {
      if (e.get("name").asText().equals(name)) {
        return e;
      }
    }
    throw new AssertionError(name + " not in " + entityNames(model));
  }

  private static void assertProblem(Answer answer, int status, String detailFragment) {
    assertEquals(status, answer.status(), answer.text());
    assertEquals("application/problem+json", answer.contentType());
    assertTrue(answer.json().get("detail").asText().contains(detailFragment), answer.text());
    assertFalse(answer.text().contains("Exception"), answer.text());
  }

  @Test
  void seedExamplesComeOutOfTheApiOnTheDemoProductTables() {
    Answer star = api.post(models() + "/generate", modelRequest("kimball").toString());
    Answer vault = api.post(models() + "/generate", modelRequest("data_vault").toString());

    assertEquals(200, star.status(), star.text());
    JsonNode product = entity(star.json(), "dim_product");
    assertEquals("kimball/scd2", product.get("pattern").asText());
    assertFalse(entityNames(star.json()).contains("dim_productcategory"), "the category folds into the product dimension");
    List<String> attributes = new ArrayList<>();
    product.at("/parameters/attributes").forEach(a -> attributes.add(a.get("name").asText()));
    assertTrue(attributes.stream().anyMatch(a -> a.startsWith("category_")), attributes.toString());
    assertTrue(star.json().get("decisions").findValuesAsText("choice").contains("SCD type 2"));
    assertTrue(star.json().at("/flow/nodes").size() >= 2);

    assertEquals(200, vault.status(), vault.text());
    assertTrue(entityNames(vault.json()).containsAll(List.of("hub_product", "hub_productcategory",
        "link_product_category", "sat_product_details", "sat_category_details")), entityNames(vault.json()).toString());
    List<String> files = new ArrayList<>();
    vault.json().get("files").fieldNames().forEachRemaining(files::add);
    assertTrue(files.stream().anyMatch(f -> f.matches("ddl/\\d+_hub_product\\.sql")), files.toString());
    assertTrue(files.stream().anyMatch(f -> f.matches("etl/\\d+_link_product_category\\.sql")), files.toString());
  }

  @Test
  void savesVersionsIdempotently_andDownloadsAZip() throws Exception {
    ObjectNode request = modelRequest("kimball").put("name", "Product star API");
    Answer created = api.post(models(), request.toString());
    Answer same = api.post(models(), request.put("name", "PRODUCT STAR api").toString());
    request.putObject("options").putObject("scdTypes").put("dim_product", 1);
    Answer typeOne = api.post(models(), request.toString());

    assertEquals(201, created.status(), created.text());
    assertEquals("CREATED", created.json().get("outcome").asText());
    assertEquals(200, same.status(), same.text());
    assertEquals("UNCHANGED", same.json().get("outcome").asText());
    assertEquals(201, typeOne.status(), typeOne.text());
    assertEquals("NEW_VERSION", typeOne.json().get("outcome").asText());
    assertEquals(2, typeOne.json().at("/version/version").asInt());
    String id = created.json().at("/model/id").asText();
    assertEquals(id, typeOne.json().at("/model/id").asText());

    Answer listed = api.get(models());
    assertTrue(listed.json().get("items").findValuesAsText("id").contains(id));
    Answer versions = api.get(models() + "/" + id + "/versions");
    assertEquals(2, versions.json().get("items").size());
    assertFalse(versions.text().contains("specYaml"), "listing versions carries no content");
    Answer v1 = api.get(models() + "/" + id + "/versions/1");
    assertEquals("kimball/scd2", entity(v1.json().get("model"), "dim_product").get("pattern").asText());
    assertEquals(List.of(productId, categoryId), List.of(
        v1.json().at("/source/datasetIds/0").asText(), v1.json().at("/source/datasetIds/1").asText()));

    HttpResponse<byte[]> zip = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(stack.baseUri() + models() + "/" + id + "/versions/2/zip"))
            .header("authorization", "Bearer " + TOKEN).build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, zip.statusCode());
    assertEquals("application/zip", zip.headers().firstValue("content-type").orElse(""));
    List<String> entries = new ArrayList<>();
    String dimDdl = null;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
      for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
        entries.add(entry.getName());
        String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (entry.getName().matches(".*/ddl/\\d+_dim_product\\.sql")) {
          dimDdl = text;
        }
      }
    }
    assertTrue(entries.contains("product-star-api-v2/model.yaml"), entries.toString());
    assertTrue(entries.contains("product-star-api-v2/flow.json"), entries.toString());
    assertTrue(dimDdl != null && dimDdl.contains("kimball/scd1"), entries.toString());
  }

  @Test
  void patternsAreListedRenderedAndRecommended() {
    Answer list = api.get("/api/patterns");
    Answer scd2 = api.get("/api/patterns/kimball/scd2");
    ObjectNode render = Json.mapper().createObjectNode();
    ObjectNode parameters = render.putObject("parameters")
        .put("target", "mart.dim_product").put("source", "staging.product").put("surrogate_key", "product_key");
    parameters.putArray("natural_key").addObject().put("name", "product_id").put("type", "INT");
    parameters.putArray("attributes").addObject().put("name", "price").put("type", "DECIMAL(10,2)");
    Answer rendered = api.post("/api/patterns/kimball/scd2/render", render.toString());
    Answer recommended = api.post("/api/patterns/recommend", "{\"need\":\"keep the history of product changes\",\"category\":\"kimball\"}");

    assertEquals(200, list.status());
    assertTrue(list.json().get("items").findValuesAsText("id").containsAll(List.of("kimball/scd2", "data_vault/hub")));
    assertEquals(200, scd2.status());
    assertTrue(scd2.json().get("parameters").findValuesAsText("name").contains("natural_key"));
    assertEquals(200, rendered.status(), rendered.text());
    assertTrue(rendered.json().at("/files/ddl.sql").asText().contains("mart.dim_product")
        || rendered.json().at("/files/ddl.sql").asText().contains("`mart`.`dim_product`"), rendered.text());
    assertEquals(200, recommended.status(), recommended.text());
    List<String> ids = recommended.json().get("items").findValuesAsText("id");
    assertTrue(ids.subList(0, Math.min(3, ids.size())).stream().anyMatch(i -> i.matches("kimball/scd[26]")), ids.toString());
  }

  @Test
  void optimizerRecommendsALayoutWithReasons() {
    String facts = "{\"name\":\"fact_sales\",\"role\":\"INSERT_ONLY\",\"rowCount\":2000000000,"
        + "\"columns\":[{\"name\":\"sale_date\",\"type\":\"DATE\",\"distinctCount\":2000},"
        + "{\"name\":\"customer_id\",\"type\":\"BIGINT\",\"distinctCount\":5000000}],"
        + "\"filterColumns\":[\"customer_id\",\"sale_date\"]}";

    Answer plan = api.post("/api/optimizer/recommend", facts);

    assertEquals(200, plan.status(), plan.text());
    assertFalse(plan.json().at("/layout/strategy").asText().isBlank(), plan.text());
    assertFalse(plan.json().at("/layout/reason").asText().isBlank(), plan.text());
    assertProblem(api.post("/api/optimizer/recommend", "{\"name\":\"t\",\"columns\":[]}"), 400, "role");
  }

  @Test
  void badPatternRequestsGetClearProblems() {
    assertProblem(api.get("/api/patterns/kimball/scd9"), 404, "kimball/scd9");
    assertProblem(api.get("/api/patterns/Kimball;drop/x"), 400, "malformed");
    assertProblem(api.post("/api/patterns/kimball/scd2/render", "{\"parameters\":{\"target\":\"mart.dim_product\"}}"), 400, "source");
    String hostile = "{\"parameters\":{\"target\":\"mart.dim_product\",\"source\":\"staging.product\",\"surrogate_key\":\"product_key\","
        + "\"natural_key\":[{\"name\":\"x`; DROP TABLE y; --\",\"type\":\"INT\"}],\"attributes\":[{\"name\":\"{{ 7*7 }}\",\"type\":\"STRING\"}]}}";
    Answer refused = api.post("/api/patterns/kimball/scd2/render", hostile);
    assertEquals(400, refused.status(), refused.text());
    assertFalse(refused.json().get("detail").asText().contains("49"), "user values are never interpreted");
    assertProblem(api.post("/api/patterns/recommend", "{\"need\":\"\"}"), 400, "Describe");
  }

  @Test
  void aTeamPatternWithATypoIsRefusedNamingFileLineAndRule() {
    String check = "/api/workspaces/" + demo + "/patterns/check";
    ObjectNode body = Json.mapper().createObjectNode().put("id", "team/audit_log");
    body.putObject("files")
        .put("pattern.yaml", "id: team/audit_log\nversion: 1\nname: Audit log\ncategory: team\n"
            + "descripton: typo here\nwhen_to_use: always\nartifacts: [ddl]\nparameters: []\n")
        .put("ddl.sql.j2", "CREATE TABLE x (id INT)");

    Answer refused = api.post(check, body.toString());

    assertEquals(422, refused.status(), refused.text());
    assertTrue(refused.json().get("detail").asText().startsWith("pattern.yaml:"), refused.text());
    assertTrue(refused.json().get("detail").asText().contains("rule:"), refused.text());
    ObjectNode traversal = Json.mapper().createObjectNode().put("id", "team/audit_log");
    traversal.putObject("files").put("pattern.yaml", "id: team/audit_log").put("../../etc/passwd", "x");
    assertProblem(api.post(check, traversal.toString()), 400, "not allowed");
    assertProblem(api.post("/api/workspaces/ws_aaaaaaaaaaaaaaaaaaaa/patterns/check", body.toString()), 404, "not found");
  }

  @Test
  void aTeamPatternIsStoredInItsWorkspaceAndRenderedThereOnly() {
    String patterns = "/api/workspaces/" + demo + "/patterns";
    ObjectNode body = Json.mapper().createObjectNode().put("id", "custom/audit_log");
    body.putObject("files")
        .put("pattern.yaml", "id: custom/audit_log\nversion: 1\nname: Audit log\ncategory: custom\n"
            + "description: An append-only audit table.\nwhen_to_use: When every change must be kept.\n"
            + "parameters:\n- name: target\n  type: table\n  required: true\n  description: Table to create.\n"
            + "artifacts:\n- ddl\n")
        .put("ddl.sql.j2", "CREATE TABLE IF NOT EXISTS {{ target | qt }} (`event_id` BIGINT, `at` TIMESTAMP);\n");

    Answer stored = api.post(patterns, body.toString());
    Answer listed = api.get(patterns);
    Answer rendered = api.post(patterns + "/custom/audit_log/render", "{\"parameters\":{\"target\":\"audit.events\"}}");
    Answer hostile = api.post(patterns + "/custom/audit_log/render",
        "{\"parameters\":{\"target\":\"audit.events`; DROP TABLE y; --\"}}");
    String elsewhere = api.createWorkspace("No team patterns here");
    Answer notThere = api.post("/api/workspaces/" + elsewhere + "/patterns/custom/audit_log/render",
        "{\"parameters\":{\"target\":\"audit.events\"}}");

    assertEquals(201, stored.status(), stored.text());
    assertEquals("custom/audit_log", stored.json().get("id").asText());
    assertTrue(listed.json().get("items").findValuesAsText("id").contains("custom/audit_log"), listed.text());
    assertEquals(200, rendered.status(), rendered.text());
    String ddl = rendered.json().at("/files/ddl.sql").asText();
    assertTrue(ddl.startsWith("-- generated by FlowForge pattern custom/audit_log@1"), ddl);
    assertTrue(ddl.contains("`audit`.`events`"), ddl);
    assertEquals(400, hostile.status(), hostile.text());
    assertProblem(notThere, 404, "custom/audit_log");
    assertEquals(0, api.get("/api/workspaces/" + elsewhere + "/patterns").json().get("items").size());
  }

  @Test
  void badModelRequestsGetClearProblems_andNothingIsSaved() {
    int before = api.get(models()).json().get("items").size();

    assertProblem(api.post(models(), "{\"name\":\"x\",\"style\":"), 400, "");
    Answer wrongType = api.post(models(), "{\"name\":\"x\",\"style\":5,\"datasetIds\":[]}");
    assertProblem(wrongType, 400, "not a valid string");
    assertEquals("/style", wrongType.json().get("pointer").asText());
    assertProblem(api.post(models(), modelRequest("snowflake").put("name", "x").toString()), 400, "kimball or data_vault");
    assertProblem(api.post(models(), modelRequest("kimball").toString()), 400, "name");
    ObjectNode unknownDataset = modelRequest("kimball").put("name", "x");
    unknownDataset.putArray("datasetIds").add("ds_'; DROP TABLE models; --");
    assertProblem(api.post(models(), unknownDataset.toString()), 404, "not found");
    ObjectNode badScd = modelRequest("kimball").put("name", "x");
    badScd.putObject("options").putObject("scdTypes").put("dim_product", 9);
    assertProblem(api.post(models(), badScd.toString()), 400, "SCD type 9");
    assertProblem(api.post(models(), "{\"name\":\"x\",\"style\":\"kimball\",\"datasetIds\":[null]}"), 400, "null");
    assertProblem(api.post(models(), "{\"name\":\"x\",\"style\":\"kimball\",\"datasetIds\":[\"a\"],\"sql\":\"DROP\"}"), 400, "sql");

    ObjectNode huge = modelRequest("kimball").put("name", "x".repeat(1_100_000));
    assertEquals(413, api.post(models(), huge.toString()).status());
    ObjectNode longName = modelRequest("kimball").put("name", "n".repeat(101));
    assertProblem(api.post(models(), longName.toString()), 400, "at most 100");
    ObjectNode hostileSchema = modelRequest("kimball").put("name", "x");
    hostileSchema.putObject("options").put("targetSchema", "mart`; DROP TABLE y; --");
    Answer schemaRefused = api.post(models(), hostileSchema.toString());
    assertEquals(400, schemaRefused.status(), schemaRefused.text());
    ObjectNode nullAttribute = modelRequest("kimball").put("name", "x");
    nullAttribute.putObject("options").putObject("attributes").putArray("dim_product").addNull();
    assertProblem(api.post(models(), nullAttribute.toString()), 400, "without nulls");

    assertEquals(before, api.get(models()).json().get("items").size());
  }

  @Test
  void anotherWorkspacesModelIsNotFound() {
    Answer saved = api.post(models(), modelRequest("data_vault").put("name", "Vault tenancy").toString());
    String id = saved.json().at("/model/id").asText();
    String other = api.createWorkspace("Someone else's");
    String foreign = "/api/workspaces/" + other + "/models/" + id;

    assertProblem(api.get(foreign), 404, "not found");
    assertProblem(api.get(foreign + "/versions/1"), 404, "not found");
    assertProblem(api.get(foreign + "/versions/1/zip"), 404, "not found");
    assertProblem(api.get(models() + "/" + id + "/versions/abc"), 404, "not found");
    assertProblem(api.get(models() + "/mdl_zzzzzzzzzzzzzzzzzzzz"), 404, "not found");
    assertProblem(api.post("/api/workspaces/" + other + "/models/generate", modelRequest("kimball").toString()), 404, "not found");
    assertEquals(401, api.withToken(null).get(models()).status());
  }
}
