package io.flowforge.modeling;

import java.util.ArrayList;
import java.util.List;

/** Source schemas used by the generator tests, including seed 002's product and productcategory. */
public final class SampleSchemas {
  private SampleSchemas() {}

  static SourceSchema.SourceColumn col(String name, String type) {
    return new SourceSchema.SourceColumn(name, type, true, null);
  }

  /** The worked example of seed 002: product (15,247 rows) references productcategory (47 rows). */
  public static SourceSchema productAndCategory() {
    return new SourceSchema(
        "erp",
        "staging",
        List.of(
            new SourceSchema.SourceTable(
                "product",
                List.of(
                    col("product_id", "integer"), col("product_name", "varchar(100)"),
                    col("description", "varchar(400)"), col("price", "decimal(10,2)"), col("category_id", "integer")),
                List.of("product_id"), List.of(),
                List.of(new SourceSchema.ForeignKey(List.of("category_id"), "productcategory", List.of("category_id"))),
                15_247L),
            new SourceSchema.SourceTable(
                "productcategory",
                List.of(col("category_id", "integer"), col("category_name", "varchar(50)"), col("description", "varchar(200)")),
                List.of("category_id"), List.of(), List.of(), 47L)));
  }

  /** {@code count} tables in chains of five (each references the previous one) with a fact every fifth. */
  public static SourceSchema synthetic(int count) {
    List<SourceSchema.SourceTable> tables = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = "t" + i;
      boolean fact = i % 5 == 4;
      List<SourceSchema.SourceColumn> columns = new ArrayList<>();
      columns.add(col(name + "_id", "int"));
      List<SourceSchema.ForeignKey> keys = new ArrayList<>();
      if (i % 5 != 0) {
        String parent = "t" + (i - 1);
        columns.add(col(parent + "_id", "int"));
        keys.add(new SourceSchema.ForeignKey(List.of(parent + "_id"), parent, List.of(parent + "_id")));
      }
      if (fact) {
        columns.add(col("amount", "decimal(12,2)"));
        columns.add(col("event_date", "date"));
      } else {
        columns.add(col(name + "_name", "varchar(50)"));
        columns.add(col("status", "varchar(10)"));
      }
      tables.add(new SourceSchema.SourceTable(name, columns, List.of(name + "_id"), List.of(), keys, 10_000L * (i + 1)));
    }
    return new SourceSchema("bench", "staging", tables);
  }
}
