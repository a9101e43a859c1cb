package io.flowforge.monitoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SchemaChangeEventTest {
  private static final Instant AT = Instant.parse("2025-05-01T02:00:00Z");

  @Test
  void listsAddedRemovedAndRetypedColumns() {
    SchemaChangeEvent change =
        SchemaChangeEvent.between(
                "orders",
                "silver.orders",
                "r2",
                AT,
                Map.of("id", "bigint", "customer_id", "bigint", "amount", "int"),
                Map.of("id", "BIGINT", "amount", "double", "region", "string"))
            .orElseThrow();

    assertEquals(List.of("region"), change.added());
    assertEquals(List.of("customer_id"), change.removed());
    assertEquals(List.of("amount: int -> double"), change.retyped(), "type case is not a change");
    assertEquals(
        "removed customer_id; added region; retyped amount: int -> double", change.description());
  }

  @Test
  void findsNoChangeInTheSameColumns_andSummarisesLongLists() {
    assertTrue(
        SchemaChangeEvent.between("j", "t", "r", AT, Map.of("a", "int"), Map.of("a", "INT"))
            .isEmpty());
    Map<String, String> wide = new LinkedHashMap<>();
    for (int i = 10; i < 25; i++) {
      wide.put("c" + i, "int");
    }
    String text =
        SchemaChangeEvent.between("j", "t", "r", AT, wide, Map.of("c10", "int"))
            .orElseThrow()
            .description();
    assertEquals("removed c11, c12, c13, c14, c15, c16, c17, c18, c19, c20 and 4 more", text);
  }
}
