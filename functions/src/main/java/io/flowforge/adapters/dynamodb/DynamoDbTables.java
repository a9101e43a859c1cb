package io.flowforge.adapters.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Creates FlowForge's tables from {@link Tables} where no CDK stack does it: DynamoDB Local and
 * LocalStack. Existing tables are left as they are, so a persistent local store survives restarts.
 */
public final class DynamoDbTables {
  private DynamoDbTables() {}

  public static void createMissing(DynamoDbClient client, Map<Tables, String> physicalNames) {
    Set<String> existing = Set.copyOf(client.listTablesPaginator().tableNames().stream().toList());
    for (Tables table : Tables.values()) {
      String name = physicalNames.get(table);
      if (!existing.contains(name)) {
        client.createTable(createRequest(name, table.definition()));
        client.waiter().waitUntilTableExists(request -> request.tableName(name)).matched();
      }
    }
  }

  static CreateTableRequest createRequest(String name, TableDefinition definition) {
    List<AttributeDefinition> attributes = new ArrayList<>();
    attributes.add(stringAttribute(definition.partitionKey()));
    attributes.add(stringAttribute(definition.sortKey()));
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    for (TableDefinition.GlobalIndex index : definition.globalIndexes()) {
      attributes.add(stringAttribute(index.partitionKey()));
      attributes.add(stringAttribute(index.sortKey()));
      indexes.add(
          GlobalSecondaryIndex.builder()
              .indexName(index.name())
              .keySchema(key(index.partitionKey(), KeyType.HASH), key(index.sortKey(), KeyType.RANGE))
              .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
              .build());
    }
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(name)
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attributes.stream().distinct().toList())
            .keySchema(key(definition.partitionKey(), KeyType.HASH), key(definition.sortKey(), KeyType.RANGE));
    if (!indexes.isEmpty()) {
      request.globalSecondaryIndexes(indexes);
    }
    return request.build();
  }

  private static AttributeDefinition stringAttribute(String name) {
    return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
  }

  private static KeySchemaElement key(String name, KeyType type) {
    return KeySchemaElement.builder().attributeName(name).keyType(type).build();
  }
}
