package io.flowforge.modeling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class WorkspaceSourcesTest {
  @Test
  void tableNamesFromDisplayNamesAreSafeIdentifiers() {
    assertEquals("product", WorkspaceSources.tableName("product"));
    assertEquals("sales_orders_2024", WorkspaceSources.tableName("Sales Orders (2024)"));
    assertEquals("x_drop_table_y", WorkspaceSources.tableName("x`; DROP TABLE y; --"));
    assertEquals("caf", WorkspaceSources.tableName("Café"));
    assertEquals("t_2024_sales", WorkspaceSources.tableName("2024 sales"));
    assertEquals("t_", WorkspaceSources.tableName("{{ }}"));
  }
}
