package io.flowforge.anomaly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.core.FlowForgeException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SeriesCsvTest {
  private static String error(String... lines) {
    return assertThrows(FlowForgeException.class, () -> SeriesCsv.parse("f.csv", List.of(lines))).getMessage();
  }

  @Test
  void readsIsoAndSpaceSeparatedTimestamps() {
    List<Observation> points =
        SeriesCsv.parse("f.csv", List.of("timestamp,value", "2025-01-01 00:00:00,1", "2025-01-01T01:00:00Z,2.5", "2025-01-02,3"));
    assertEquals(Instant.parse("2025-01-01T01:00:00Z"), points.get(1).at());
    assertEquals(2.5, points.get(1).value());
    assertEquals(3, points.size());
  }

  @Test
  void rejectsBadFiles_withLineAndFix() {
    assertTrue(error().contains("empty"));
    assertTrue(error("timestamp,value").contains("no rows"));
    assertTrue(error("time,amount", "2025-01-01,1").contains("header 'timestamp,value'"));
    assertTrue(error("timestamp,value", "2025-01-01,abc").contains("line 2 has value 'abc'"));
    assertTrue(error("timestamp,value", "2025-01-01,NaN").contains("not a finite number"));
    assertTrue(error("timestamp,value", "2025-01-02,1", "2025-01-01,2").contains("sort the file"));
    assertTrue(error("timestamp,value", "2025-01-01,1", "2025-01-01,2").contains("repeats timestamp"));
    assertTrue(error("timestamp,value", "yesterday,1").contains("ISO 8601"));
    assertTrue(error("timestamp,value", "2025-01-01,1,2").contains("3 fields"));
  }
}
