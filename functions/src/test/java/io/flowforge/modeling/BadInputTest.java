package io.flowforge.modeling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.core.FlowForgeException;
import java.util.List;
import org.junit.jupiter.api.Test;

class BadInputTest {
  private final ModelGenerator generator = new ModelGenerator();

  private static SourceSchema.SourceColumn col(String name, String type) {
    return new SourceSchema.SourceColumn(name, type, true, null);
  }

  @Test
  void designsBothTables_whenRelationshipsFormACycle() {
    SourceSchema cyclic = new SourceSchema("erp", "staging", List.of(
        new SourceSchema.SourceTable("a", List.of(col("a_id", "int"), col("a_name", "text"), col("b_id", "int")), List.of("a_id"), List.of(),
            List.of(new SourceSchema.ForeignKey(List.of("b_id"), "b", List.of("b_id"))), 10L),
        new SourceSchema.SourceTable("b", List.of(col("b_id", "int"), col("b_name", "text"), col("a_id", "int")), List.of("b_id"), List.of(),
            List.of(new SourceSchema.ForeignKey(List.of("a_id"), "a", List.of("a_id"))), 10L)));

    GeneratedModel star = generator.generate(new ModelRequest(ModelRequest.ModelStyle.KIMBALL, cyclic, null));
    GeneratedModel vault = generator.generate(new ModelRequest(ModelRequest.ModelStyle.DATA_VAULT, cyclic, null));

    assertTrue(star.spec().entities().stream().anyMatch(e -> e.kind().equals("dimension")));
    assertTrue(star.decisions().stream().anyMatch(d -> d.choice().contains("cycle")));
    assertEquals(2, vault.spec().entities().stream().filter(e -> e.kind().equals("link")).count());
  }

  @Test
  void explainsHowToFix_whenATableHasNoUsableKey() {
    SourceSchema keyless = new SourceSchema("erp", "staging", List.of(
        new SourceSchema.SourceTable("events", List.of(col("payload", "text")), List.of(), List.of(), List.of(), null)));

    FlowForgeException error = assertThrows(FlowForgeException.class,
        () -> generator.generate(new ModelRequest(ModelRequest.ModelStyle.DATA_VAULT, keyless, null)));

    assertTrue(error.getMessage().contains("Declare one"), error.getMessage());
  }

  @Test
  void refusesHostileColumnNames_beforeDesigning() {
    SourceSchema hostile = new SourceSchema("erp", "staging", List.of(
        new SourceSchema.SourceTable("t", List.of(col("id", "int"), col("x`; DROP TABLE y; --", "text")), List.of("id"), List.of(), List.of(), 1L)));

    FlowForgeException error = assertThrows(FlowForgeException.class,
        () -> generator.generate(new ModelRequest(ModelRequest.ModelStyle.KIMBALL, hostile, null)));

    assertTrue(error.getMessage().contains("rename it"), error.getMessage());
  }

  @Test
  void quotesReservedWordsAndKeepsUnicodeNames() {
    SourceSchema odd = new SourceSchema("erp", "staging", List.of(
        new SourceSchema.SourceTable("Größe", List.of(col("select", "int"), col("from", "text"), col("Straße", "text")),
            List.of("select"), List.of(), List.of(), 100L)));

    GeneratedModel model = generator.generate(new ModelRequest(ModelRequest.ModelStyle.KIMBALL, odd, null));

    String ddl = model.files().entrySet().stream().filter(f -> f.getKey().endsWith("dim_größe.sql") && f.getKey().startsWith("ddl/"))
        .findFirst().orElseThrow().getValue();
    assertTrue(ddl.contains("`select` INT"), ddl);
    assertTrue(ddl.contains("`straße` STRING"), ddl);
  }

  @Test
  void designsFiveHundredTables() {
    GeneratedModel model = generator.generate(new ModelRequest(ModelRequest.ModelStyle.DATA_VAULT, SampleSchemas.synthetic(500), null));

    assertEquals(500, model.spec().entities().stream().filter(e -> e.kind().equals("hub")).count());
    assertEquals(model.spec().entities().size(), model.flow().nodes().size());
  }

  @Test
  void refusesAnImpossibleScdType() {
    FlowForgeException error = assertThrows(FlowForgeException.class, () -> generator.generate(new ModelRequest(
        ModelRequest.ModelStyle.KIMBALL, SampleSchemas.productAndCategory(), ModelRequest.Options.defaults().withScdType("product", 4))));

    assertTrue(error.getMessage().contains("choose 0, 1, 2, 3 or 6"), error.getMessage());
  }
}
