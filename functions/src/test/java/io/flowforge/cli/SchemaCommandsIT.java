package io.flowforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flowforge.core.Json;
import io.flowforge.testing.BankTransactions;
import io.flowforge.testing.SharedData;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SchemaCommandsIT {
  @TempDir Path dir;

  private static String run(String... args) {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      assertEquals(0, FlowForgeCli.execute(args));
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void keysPrintsTheContract_withManyToOneProductToSubcategory() throws Exception {
    Path csv = SharedData.resolve("adventureworks/csv");
    JsonNode report = Json.mapper().readTree(run("keys", csv.resolve("Production.Product.csv").toString(),
        csv.resolve("Production.ProductSubcategory.csv").toString(), csv.resolve("Production.ProductCategory.csv").toString(), "--json"));
    List<String> fields = new java.util.ArrayList<>();
    Iterator<String> names = report.fieldNames();
    names.forEachRemaining(fields::add);
    assertEquals(List.of("tables", "relationships"), fields);
    JsonNode product = report.get("tables").get(0);
    assertEquals("Production.Product", product.get("name").asText());
    assertEquals("ProductID", product.get("primary_key").get(0).asText());
    assertTrue(product.get("confidence").asDouble() > 0 && product.get("confidence").asDouble() <= 1);
    boolean found = false;
    for (JsonNode r : report.get("relationships")) {
      found |= r.get("from").asText().equals("Production.ProductSubcategory.ProductCategoryID")
          && r.get("to").asText().equals("Production.ProductCategory.ProductCategoryID");
      assertEquals(List.of("from", "to", "confidence"), iterate(r));
    }
    assertTrue(found, report.toString());
  }

  private static List<String> iterate(JsonNode node) {
    List<String> fields = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(fields::add);
    return fields;
  }

  @Test
  void suggestAndProfilePrintJson_forALocalFile() throws Exception {
    Path file = BankTransactions.write(dir, 500, 5, 5);
    JsonNode gold = Json.mapper().readTree(run("suggest", file.toString(), "--layer", "gold", "--json"));
    assertEquals("gold", gold.get("layer").asText());
    assertEquals("DAILY", gold.get("suggestions").get(0).get("value").get("level").asText());
    JsonNode profile = Json.mapper().readTree(run("profile", file.toString(), "--json"));
    assertEquals(510, profile.get("tables").get(0).get("rowCount").asLong());
  }

  @Test
  void failsWithExitCodeTwo_andAMessage_whenFileIsEmpty() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.csv"));
    assertEquals(CliSupport.INPUT_ERROR, FlowForgeCli.execute("keys", empty.toString(), "--json"));
    assertEquals(CliSupport.INPUT_ERROR, FlowForgeCli.execute("suggest", empty.toString(), "--layer", "platinum"));
  }
}
