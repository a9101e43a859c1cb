package io.flowforge.adapters.dynamodb;

import java.util.EnumMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Every FlowForge table under its logical name, as store tests and benchmarks on DynamoDB Local use them. */
public final class LogicalTables {
  private LogicalTables() {}

  /** Creates the tables that are missing and answers the name of each. */
  public static Map<Tables, String> createAll(DynamoDbClient client) {
    Map<Tables, String> names = new EnumMap<>(Tables.class);
    for (Tables table : Tables.values()) {
      names.put(table, table.definition().logicalName());
    }
    DynamoDbTables.createMissing(client, names);
    return names;
  }
}
