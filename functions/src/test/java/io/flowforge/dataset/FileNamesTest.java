package io.flowforge.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowforge.core.FlowForgeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FileNamesTest {
  @ParameterizedTest
  @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", "..\\boot.ini", "a\u0000b.csv", "line\nbreak.csv", "..", "."})
  void refusesNamesThatLookLikePathsOrCarryControlCharacters(String hostile) {
    FlowForgeException e = assertThrows(FlowForgeException.class, () -> FileNames.require("/fileName", hostile));

    assertEquals("/fileName", e.pointer());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sales 2024.csv", "données.jsonl", "a..b.parquet", "report (1).csv"})
  void acceptsOrdinaryNames(String name) {
    assertEquals(name, FileNames.require("/fileName", name));
  }
}
