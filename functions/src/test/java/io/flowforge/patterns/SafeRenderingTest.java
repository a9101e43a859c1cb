package io.flowforge.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SafeRenderingTest {
  private static Map<String, Object> hub(Object businessKeyColumn, String recordSource) {
    Map<String, Object> parameters = new LinkedHashMap<>();
    parameters.put("target", "vault.hub_product");
    parameters.put("source", "staging.product");
    parameters.put("hub_key", "product_hub_key");
    parameters.put("business_key", List.of(Map.of("name", "product_business_key", "source", businessKeyColumn)));
    parameters.put("record_source", recordSource);
    return parameters;
  }

  @Test
  void refusesColumnThatWouldCloseTheQuotedIdentifier_namingTheCharacter() {
    FlowForgeException error = assertThrows(FlowForgeException.class,
        () -> PatternLibrary.builtIn().render("data_vault/hub", hub("x`; DROP TABLE y; -- ", "erp")));

    assertEquals(ProblemType.VALIDATION, error.type());
    assertTrue(error.getMessage().contains("'`'"), error.getMessage());
  }

  @Test
  void refusesTemplateSyntaxInAColumnName() {
    FlowForgeException error = assertThrows(FlowForgeException.class,
        () -> PatternLibrary.builtIn().render("data_vault/hub", hub("{{ 7*7 }}", "erp")));

    assertTrue(error.getMessage().contains("'{'"), error.getMessage());
  }

  @Test
  void rendersTemplateSyntaxInTextAsAnInertLiteral() {
    String etl = PatternLibrary.builtIn().render("data_vault/hub", hub("product_id", "{{ 7*7 }}'; DROP TABLE y; --"))
        .files().get("etl.sql");

    assertTrue(etl.contains("'{{ 7*7 }}\\'; DROP TABLE y; --' AS `record_source`"), etl);
    assertFalse(etl.contains("49"));
  }

  @Test
  void quotesReservedWordsAndUnicodeNames() {
    String ddl = PatternLibrary.builtIn()
        .render("data_vault/hub", Map.of("target", "vault.select", "source", "staging.größe", "hub_key", "order",
            "business_key", List.of(Map.of("name", "straße_id", "source", "from")), "record_source", "erp"))
        .files().get("ddl.sql");

    assertTrue(ddl.contains("CREATE TABLE IF NOT EXISTS `vault`.`select`"), ddl);
    assertTrue(ddl.contains("`order` STRING NOT NULL"), ddl);
    assertTrue(ddl.contains("`straße_id` STRING NOT NULL"), ddl);
  }

  @Test
  void refusesUnknownPattern_listingKnownOnes() {
    FlowForgeException error = assertThrows(FlowForgeException.class,
        () -> PatternLibrary.builtIn().render("kimball/scd9", Map.of()));

    assertEquals(ProblemType.NOT_FOUND, error.type());
    assertTrue(error.getMessage().contains("kimball/scd2"), error.getMessage());
  }

  @Test
  void refusesMissingRequiredParameter_explainingIt() {
    Map<String, Object> parameters = hub("product_id", "erp");
    parameters.remove("hub_key");

    FlowForgeException error = assertThrows(FlowForgeException.class,
        () -> PatternLibrary.builtIn().render("data_vault/hub", parameters));

    assertEquals("/hub_key", error.pointer());
    assertTrue(error.getMessage().contains("needs parameter 'hub_key'"), error.getMessage());
  }

  @Test
  void suggestsTheParameterMeant_whenOneIsMisspelt() {
    Map<String, Object> parameters = hub("product_id", "erp");
    parameters.put("recrod_source", "x");

    FlowForgeException error = assertThrows(FlowForgeException.class,
        () -> PatternLibrary.builtIn().render("data_vault/hub", parameters));

    assertTrue(error.getMessage().contains("did you mean 'record_source'"), error.getMessage());
  }

  @Test
  void refusesAColumnTypeOutsideSparkTypes() {
    Map<String, Object> parameters = hub("product_id", "erp");
    parameters.put("business_key", List.of(Map.of("name", "k", "type", "STRING) ; DROP TABLE x; --")));

    FlowForgeException error = assertThrows(FlowForgeException.class,
        () -> PatternLibrary.builtIn().render("data_vault/hub", parameters));

    assertTrue(error.getMessage().contains("use a Spark SQL type"), error.getMessage());
  }

  @Test
  void refusesParametersThatContradictEachOther_insteadOfRenderingWrongSql() {
    GoldenCases golden = GoldenCases.all().stream()
        .filter(c -> c.pattern().equals("data_vault/effectivity_satellite")).findFirst().orElseThrow();
    Map<String, Object> parameters = new LinkedHashMap<>(golden.parameters());
    parameters.put("driving_key", "no_such_hub_key");

    FlowForgeException error = assertThrows(FlowForgeException.class,
        () -> PatternLibrary.builtIn().render(golden.pattern(), parameters));

    assertTrue(error.getMessage().contains("driving_key no_such_hub_key must be the hub_key"), error.getMessage());
  }

  @Test
  void everyGeneratedFileStartsWithItsProvenance() {
    RenderedPattern rendered = PatternLibrary.builtIn().render("data_vault/hub", hub("product_id", "erp"));

    for (Map.Entry<String, String> file : rendered.files().entrySet()) {
      assertTrue(file.getValue().lines().findFirst().orElseThrow().contains("generated by FlowForge pattern data_vault/hub@1"),
          file.getKey());
    }
    assertTrue(rendered.files().get("uc.sql").contains("PRIMARY KEY"));
    assertFalse(rendered.files().get("ddl.sql").contains("PRIMARY KEY"));
  }
}
