package io.flowforge.adapters.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.dynamodbv2.local.embedded.DynamoDBEmbedded;
import com.amazonaws.services.dynamodbv2.local.shared.access.AmazonDynamoDBLocal;
import io.flowforge.anomaly.Observation;
import io.flowforge.webhooks.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoDbMetricHistoryIT {
  private static final Instant T0 = Instant.parse("2025-05-01T02:00:00Z");
  private static AmazonDynamoDBLocal local;
  private static DynamoDbClient client;
  private static DynamoDbMetricHistory history;

  @BeforeAll
  static void start() {
    local = DynamoDBEmbedded.create();
    client = local.dynamoDbClient();
    LogicalTables.createAll(client);
    history =
        new DynamoDbMetricHistory(DynamoDbEnhancedClient.builder().dynamoDbClient(client).build(), "metrics", Duration.ofDays(90));
  }

  @AfterAll
  static void stop() {
    local.shutdown();
  }

  @Test
  void storesPointsAndReadsASeriesInTimeOrder_withinRange() {
    List<MetricPoint> points = new ArrayList<>();
    for (int day = 0; day < 40; day++) {
      points.add(new MetricPoint("orders", "rows:silver.orders", T0.plus(Duration.ofDays(day)), 1000 + day));
      points.add(new MetricPoint("orders", "latency:duration_seconds", T0.plus(Duration.ofDays(day)), 60));
    }
    history.append("ws-a", "run-1", points);

    List<Observation> series = history.series("ws-a", "orders", "rows:silver.orders", T0.plus(Duration.ofDays(10)), T0.plus(Duration.ofDays(19)));
    assertEquals(10, series.size());
    assertEquals(1010.0, series.get(0).value());
    assertEquals(T0.plus(Duration.ofDays(19)), series.get(9).at());
    assertTrue(history.series("ws-b", "orders", "rows:silver.orders", T0, T0.plus(Duration.ofDays(90))).isEmpty(), "other workspaces see nothing");
  }

  @Test
  void storesARetriedReportOnce_andSetsTheTtl() {
    MetricPoint point = new MetricPoint("billing", "rows:gold.invoices", T0, 42);
    history.append("ws-c", "run-9", List.of(point));
    history.append("ws-c", "run-9", List.of(point));

    assertEquals(1, history.series("ws-c", "billing", "rows:gold.invoices", T0, T0).size());
    Map<String, AttributeValue> item =
        client.getItem(r -> r.tableName("metrics").key(Map.of(
            "pk", AttributeValue.fromS("ws-c#billing#rows:gold.invoices"),
            "sk", AttributeValue.fromS(DynamoDbMetricHistory.timeKey(T0) + "#run-9")))).item();
    assertEquals(T0.plus(Duration.ofDays(90)).getEpochSecond(), Long.parseLong(item.get("expiresAt").n()));
  }
}
