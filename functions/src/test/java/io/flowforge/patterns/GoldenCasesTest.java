package io.flowforge.patterns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pattern renders its golden cases byte for byte. To regenerate after an intended change run {@code mvn
 * -B -q -pl functions -am test -Dtest=GoldenCasesTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dflowforge.goldens.update=true} and review the diff of {@code patterns/**}{@code /expected}.
 */
class GoldenCasesTest {
  private static final boolean UPDATE = Boolean.getBoolean("flowforge.goldens.update");

  static Stream<GoldenCases> cases() {
    return GoldenCases.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void rendersExpectedFiles_forGoldenCase(GoldenCases golden) throws IOException {
    RenderedPattern rendered = PatternLibrary.builtIn().render(golden.pattern(), golden.parameters());

    if (UPDATE) {
      write(golden.expected(), rendered.files());
    }
    Set<String> expectedNames = listNames(golden.expected());
    assertEquals(expectedNames, new TreeSet<>(rendered.files().keySet()), "files rendered for " + golden);
    for (Map.Entry<String, String> file : rendered.files().entrySet()) {
      String expected = Files.readString(golden.expected().resolve(file.getKey()), StandardCharsets.UTF_8);
      assertEquals(expected, file.getValue(), golden + " " + file.getKey());
    }
  }

  @Test
  void everyPatternHasAtLeastOneGoldenCase() {
    Set<String> covered = cases().map(GoldenCases::pattern).collect(Collectors.toCollection(TreeSet::new));
    Set<String> all =
        PatternLibrary.builtIn().list().stream()
            .map(PatternDefinition::id)
            .collect(Collectors.toCollection(TreeSet::new));
    assertFalse(all.isEmpty());
    all.removeAll(covered);
    assertTrue(all.isEmpty(), "patterns without a golden case: " + all);
  }

  private static void write(Path folder, Map<String, String> files) throws IOException {
    if (Files.isDirectory(folder)) {
      try (Stream<Path> old = Files.list(folder)) {
        for (Path path : old.toList()) {
          Files.delete(path);
        }
      }
    }
    Files.createDirectories(folder);
    for (Map.Entry<String, String> file : files.entrySet()) {
      Files.writeString(folder.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
    }
  }

  private static Set<String> listNames(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return Set.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.map(path -> path.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
  }
}
