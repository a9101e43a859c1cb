package io.flowforge.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CustomPatternsTest {
  private static final String VALID = """
      id: custom/audit_log
      version: 1
      name: Audit log table
      category: custom
      description: An append-only audit log of changes.
      when_to_use: When a team needs an audit trail of loads.
      parameters:
        - name: target
          type: table
          required: true
          description: Table to create.
      artifacts: [ddl, docs]
      """;

  @TempDir Path folder;

  private Path write(String pattern, String template) throws IOException {
    Path dir = Files.createDirectories(folder.resolve("custom/audit_log"));
    Files.writeString(dir.resolve("pattern.yaml"), pattern);
    if (template != null) {
      Files.writeString(dir.resolve("ddl.sql.j2"), template);
    }
    return dir.resolve("pattern.yaml");
  }

  @Test
  void rendersATeamPatternThatImportsLibraryMacros() throws IOException {
    write(VALID, "{% import '_macros/sql.j2' as sql %}\nCREATE TABLE {{ target | qt }} (id BIGINT)\n"
        + "{{ sql.table_options(cluster_by, partition_by, change_data_feed, deletion_vectors, optimized_writes) }};\n");

    RenderedPattern rendered = PatternLibrary.builtIn().withCustomFolder(folder).render("custom/audit_log", Map.of("target", "ops.audit"));

    assertTrue(rendered.files().get("ddl.sql").contains("CREATE TABLE `ops`.`audit` (id BIGINT)\nUSING DELTA;"),
        rendered.files().get("ddl.sql"));
  }

  @Test
  void namesFileLineAndRule_whenAKeyIsMisspelt() throws IOException {
    Path file = write(VALID.replace("when_to_use:", "when_to_sue:"), "SELECT 1;");

    InvalidPatternException error = assertThrows(InvalidPatternException.class,
        () -> PatternLibrary.builtIn().withCustomFolder(folder));

    assertEquals(file.toString(), error.file());
    assertEquals(6, error.line());
    assertTrue(error.rule().startsWith("schema:"), error.rule());
    assertTrue(error.getMessage().contains("when_to_sue"), error.getMessage());
  }

  @Test
  void namesTheDuplicateKeyLine() throws IOException {
    write(VALID + "version: 2\n", "SELECT 1;");

    InvalidPatternException error = assertThrows(InvalidPatternException.class,
        () -> PatternLibrary.builtIn().withCustomFolder(folder));

    assertEquals("no-duplicate-keys", error.rule());
    assertEquals(13, error.line());
  }

  @Test
  void refusesImportsFromOutsideTheLibrary() throws IOException {
    write(VALID, "{% include '../../../etc/passwd.j2' %}");

    InvalidPatternException error = assertThrows(InvalidPatternException.class,
        () -> PatternLibrary.builtIn().withCustomFolder(folder).render("custom/audit_log", Map.of("target", "ops.audit")));

    assertTrue(error.getMessage().contains("outside the pattern library"), error.getMessage());
  }

  @Test
  void refusesAPatternWithoutTheTemplateItLists() throws IOException {
    write(VALID, null);

    InvalidPatternException error = assertThrows(InvalidPatternException.class,
        () -> PatternLibrary.builtIn().withCustomFolder(folder));

    assertEquals("artifact-template-exists", error.rule());
  }
}
