package io.flowforge.adapters.dynamodb;

import io.flowforge.anomaly.Observation;
import io.flowforge.webhooks.MetricHistory;
import io.flowforge.webhooks.MetricPoint;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchWriteResult;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;

/**
 * {@link MetricHistory} on the {@code metrics} table. A point's key is its series, time and run, so a
 * retried report overwrites itself rather than adding a point; {@code expiresAt} lets DynamoDB TTL drop
 * points after the retention period. Reading a series is one query (plus one per further 1 MB page).
 */
public final class DynamoDbMetricHistory implements MetricHistory {
  /** BatchWriteItem takes at most 25 items per call. */
  private static final int WRITE_BATCH = 25;

  private final DynamoDbEnhancedClient client;
  private final DynamoDbTable<MetricItem> table;
  private final Duration retention;
  private final AtomicLong queries = new AtomicLong();

  public DynamoDbMetricHistory(DynamoDbEnhancedClient client, String tableName, Duration retention) {
    this.client = client;
    this.table = client.table(tableName, MetricItem.SCHEMA);
    this.retention = retention;
  }

  @Override
  public void append(String workspaceId, String runId, List<MetricPoint> points) {
    for (int from = 0; from < points.size(); from += WRITE_BATCH) {
      WriteBatch.Builder<MetricItem> batch = WriteBatch.builder(MetricItem.class).mappedTableResource(table);
      for (MetricPoint point : points.subList(from, Math.min(points.size(), from + WRITE_BATCH))) {
        batch.addPutItem(
            MetricItem.builder()
                .pk(seriesKey(workspaceId, point.job(), point.metric()))
                .sk(timeKey(point.at()) + "#" + runId)
                .value(point.value())
                .expiresAt(point.at().plus(retention).getEpochSecond())
                .build());
      }
      BatchWriteResult result =
          client.batchWriteItem(BatchWriteItemEnhancedRequest.builder().writeBatches(batch.build()).build());
      List<MetricItem> unprocessed = result.unprocessedPutItemsForTable(table);
      // Throttled items come back unprocessed; write them one by one rather than lose them.
      unprocessed.forEach(table::putItem);
    }
  }

  @Override
  public List<Observation> series(String workspaceId, String job, String metric, Instant from, Instant to) {
    String pk = seriesKey(workspaceId, job, metric);
    QueryConditional range =
        QueryConditional.sortBetween(
            Key.builder().partitionValue(pk).sortValue(timeKey(from)).build(),
            Key.builder().partitionValue(pk).sortValue(timeKey(to) + "#\uffff").build());
    List<Observation> points = new ArrayList<>();
    for (Page<MetricItem> page : table.query(QueryEnhancedRequest.builder().queryConditional(range).build())) {
      queries.incrementAndGet();
      for (MetricItem item : page.items()) {
        long millis = Long.parseLong(item.getSk().substring(0, item.getSk().indexOf('#')));
        points.add(new Observation(Instant.ofEpochMilli(millis), item.getValue(), item.isExpected()));
      }
    }
    return points;
  }

  /** Query requests (pages) issued so far: the read count a scheduled check costs. */
  public long queryCount() {
    return queries.get();
  }

  static String seriesKey(String workspaceId, String job, String metric) {
    return workspaceId + "#" + job + "#" + metric;
  }

  static String timeKey(Instant at) {
    return String.format(Locale.ROOT, "%013d", at.toEpochMilli());
  }
}
