package io.flowforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowforge.testing.SharedData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelCommandIT {
  @TempDir Path out;

  @Test
  void writesSqlAndYamlForAStar_fromChinookCsvAndKeys() throws IOException {
    Path csv = SharedData.resolve("chinook/csv");
    String[] files;
    try (Stream<Path> list = Files.list(csv)) {
      files = list.map(Path::toString).sorted().toArray(String[]::new);
    }
    String[] args = new String[files.length + 7];
    args[0] = "model";
    args[1] = "--style";
    args[2] = "kimball";
    args[3] = "--keys";
    args[4] = SharedData.resolve("chinook/keys.json").toString();
    args[5] = "--out";
    args[6] = out.toString();
    System.arraycopy(files, 0, args, 7, files.length);

    assertEquals(0, FlowForgeCli.execute(args));

    assertTrue(Files.readString(out.resolve("model.yaml")).contains("kimball/transaction_fact"));
    try (Stream<Path> ddl = Files.list(out.resolve("ddl"))) {
      assertTrue(ddl.anyMatch(f -> f.getFileName().toString().endsWith("fact_invoice_line.sql")));
    }
    assertTrue(Files.exists(out.resolve("flow.json")));
  }

  @Test
  void infersKeysByProfiling_whenNoKeysFileIsGiven() throws IOException {
    Path sample = Path.of("src/test/resources/modeling/product-sample");

    assertEquals(0, FlowForgeCli.execute("model", "--style", "data-vault", "--out", out.toString(),
        sample.resolve("product.csv").toString(), sample.resolve("productcategory.csv").toString()));

    String yaml = Files.readString(out.resolve("model.yaml"));
    assertTrue(yaml.contains("hub_product"), yaml);
    assertTrue(yaml.contains("link_product_category") || yaml.contains("link_product_"), yaml);
  }

  @Test
  void exitsWithAClearMessage_forAnUnknownStyle() {
    assertEquals(2, FlowForgeCli.execute("model", "--style", "snowflake", "--out", out.toString(),
        SharedData.resolve("chinook/csv/Album.csv").toString()));
  }
}
