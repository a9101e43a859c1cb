package io.flowforge.adapters.dynamodb;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowforge.anomaly.ExceptionRule;
import io.flowforge.core.FlowForgeException;
import io.flowforge.core.Json;
import io.flowforge.core.ProblemType;
import io.flowforge.monitoring.Destination;
import io.flowforge.monitoring.JobDefinition;
import io.flowforge.monitoring.MonitorDefinition;
import io.flowforge.monitoring.MonitoringStore;
import io.flowforge.monitoring.RecordedAnomaly;
import io.flowforge.monitoring.SchemaChangeEvent;
import io.flowforge.monitoring.SecretRing;
import io.flowforge.monitoring.StoredRule;
import io.flowforge.monitoring.StoredSchema;
import io.flowforge.webhooks.AlertDestination;
import io.flowforge.webhooks.DeadLetter;
import io.flowforge.webhooks.RunReport;
import io.flowforge.webhooks.WebhookSecret;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbIndex;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.GetItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link MonitoringStore} on the {@code monitoring} table (one item collection per workspace, key design
 * in docs/storage.md) plus the {@code expected} flag of points in the {@code metrics} table. Create-once
 * writes (monitors, anomalies, webhook ids, run ids) rely on the version extension's {@code
 * attribute_not_exists(version)} condition; edits are conditional on the version read.
 */
public final class DynamoDbMonitoringStore implements MonitoringStore {
  static final String MONITORED_INDEX = "monitoredWorkspaces";
  private static final String MONITORED = "MONITORED";
  /** Dead letters are kept this long for inspection. */
  static final Duration DEAD_LETTER_RETENTION = Duration.ofDays(30);
  /** Runs read back to derive lateness and freshness: enough gaps to know a job's cadence. */
  static final int RECENT_RUNS = 30;
  // Stored records are read leniently: a derived property written out (such as Anomaly.drop) is not data.
  private static final ObjectMapper READER =
      Json.mapper().copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private final DynamoDbTable<MonitoringItem> table;
  private final DynamoDbIndex<MonitoringItem> monitored;
  private final DynamoDbTable<MetricItem> metrics;
  private final Duration retention;
  private final Clock clock;

  public DynamoDbMonitoringStore(
      DynamoDbEnhancedClient client, String tableName, String metricsTableName, Duration retention, Clock clock) {
    this.table = client.table(tableName, MonitoringItem.SCHEMA);
    this.monitored = table.index(MONITORED_INDEX);
    this.metrics = client.table(metricsTableName, MetricItem.SCHEMA);
    this.retention = retention;
    this.clock = clock;
  }

  @Override
  public boolean createMonitorIfAbsent(String workspaceId, MonitorDefinition monitor) {
    return createOnce(item(workspaceId, "MONITOR#" + monitor.id(), monitor, null));
  }

  @Override
  public List<MonitorDefinition> monitors(String workspaceId) {
    return query(workspaceId, "MONITOR#")
        .map(DynamoDbMonitoringStore::toMonitor)
        .sorted(Comparator.comparing(MonitorDefinition::job).thenComparing(MonitorDefinition::metric))
        .toList();
  }

  @Override
  public Optional<MonitorDefinition> monitor(String workspaceId, String monitorId) {
    return get(workspaceId, "MONITOR#" + monitorId).map(DynamoDbMonitoringStore::toMonitor);
  }

  @Override
  public MonitorDefinition updateMonitor(String workspaceId, MonitorDefinition monitor) {
    MonitoringItem written =
        update(item(workspaceId, "MONITOR#" + monitor.id(), monitor, null).version(monitor.version()).build(),
            "Monitor " + monitor.id());
    return toMonitor(written);
  }

  @Override
  public boolean recordAnomaly(String workspaceId, RecordedAnomaly anomaly) {
    return createOnce(item(workspaceId, "ANOMALY#" + anomaly.id(), anomaly, null));
  }

  @Override
  public List<RecordedAnomaly> anomalies(String workspaceId, int limit) {
    return query(workspaceId, "ANOMALY#")
        .map(DynamoDbMonitoringStore::toAnomaly)
        .sorted(Comparator.comparing(RecordedAnomaly::detectedAt).reversed().thenComparing(RecordedAnomaly::id))
        .limit(limit)
        .toList();
  }

  @Override
  public Optional<RecordedAnomaly> anomaly(String workspaceId, String anomalyId) {
    return get(workspaceId, "ANOMALY#" + anomalyId).map(DynamoDbMonitoringStore::toAnomaly);
  }

  @Override
  public RecordedAnomaly updateAnomaly(String workspaceId, RecordedAnomaly anomaly) {
    MonitoringItem written =
        update(item(workspaceId, "ANOMALY#" + anomaly.id(), anomaly, null).version(anomaly.version()).build(),
            "Anomaly " + anomaly.id());
    return toAnomaly(written);
  }

  @Override
  public void markPointExpected(String workspaceId, String job, String metric, Instant at) {
    String pk = DynamoDbMetricHistory.seriesKey(workspaceId, job, metric);
    String time = DynamoDbMetricHistory.timeKey(at);
    QueryConditional sameTime =
        QueryConditional.sortBetween(
            Key.builder().partitionValue(pk).sortValue(time).build(),
            Key.builder().partitionValue(pk).sortValue(time + "#\uffff").build());
    metrics.query(QueryEnhancedRequest.builder().queryConditional(sameTime).consistentRead(true).build())
        .items()
        .forEach(
            point ->
                metrics.putItem(
                    MetricItem.builder()
                        .pk(point.getPk())
                        .sk(point.getSk())
                        .value(point.getValue())
                        .expected(true)
                        .expiresAt(point.getExpiresAt())
                        .build()));
  }

  @Override
  public void addRule(String workspaceId, StoredRule rule) {
    createOnce(item(workspaceId, "RULE#" + rule.id(), RuleData.of(rule), null));
  }

  @Override
  public List<StoredRule> rules(String workspaceId) {
    return query(workspaceId, "RULE#")
        .map(item -> read(item, RuleData.class).toRule())
        .sorted(Comparator.comparing(StoredRule::createdAt).thenComparing(StoredRule::id))
        .toList();
  }

  @Override
  public Optional<SecretRing> secrets(String workspaceId) {
    return get(workspaceId, "SECRETS").map(item -> read(item, SecretData.class).toRing(item.getVersion()));
  }

  @Override
  public SecretRing createSecrets(String workspaceId, SecretRing ring) {
    MonitoringItem item = item(workspaceId, "SECRETS", SecretData.of(ring), null).build();
    try {
      return read(table.updateItem(item), SecretData.class).toRing(1L);
    } catch (ConditionalCheckFailedException e) {
      throw new FlowForgeException(
          ProblemType.CONFLICT,
          "This workspace already has a webhook secret. Rotate it instead (POST …/monitoring/secret/rotate).",
          null,
          e);
    }
  }

  @Override
  public SecretRing rotateSecrets(String workspaceId, SecretRing ring) {
    MonitoringItem written =
        update(item(workspaceId, "SECRETS", SecretData.of(ring), null).version(ring.version()).build(),
            "The webhook secret");
    return read(written, SecretData.class).toRing(written.getVersion());
  }

  @Override
  public boolean firstDelivery(String workspaceId, String webhookId, Instant keepUntil) {
    String sk = "SEEN#" + encode(webhookId);
    if (createOnce(item(workspaceId, sk, null, keepUntil))) {
      return true;
    }
    // TTL deletes lazily, so an id past its keep-until time may still be there: it counts as new.
    Optional<MonitoringItem> seen = get(workspaceId, sk);
    if (seen.isPresent() && seen.get().getExpiresAt() < clock.instant().getEpochSecond()) {
      try {
        table.updateItem(item(workspaceId, sk, null, keepUntil).version(seen.get().getVersion()).build());
        return true;
      } catch (ConditionalCheckFailedException e) {
        return false;
      }
    }
    return false;
  }

  @Override
  public boolean recordOnce(String workspaceId, RunReport report) {
    Instant keepUntil = clock.instant().plus(retention);
    String job = encode(report.job());
    if (!createOnce(item(workspaceId, "RUNID#" + job + "#" + encode(report.runId()), null, keepUntil))) {
      return false;
    }
    String logKey =
        "RUNLOG#" + job + "#" + DynamoDbMetricHistory.timeKey(report.startedAt()) + "#" + encode(report.runId());
    createOnce(item(workspaceId, logKey, report.withoutSchemas(), keepUntil));
    return true;
  }

  @Override
  public List<RunReport> recent(String workspaceId, String job) {
    return newestRuns(workspaceId, job, RECENT_RUNS);
  }

  /** The job's newest runs, newest first: one query page of its run log, read backwards. */
  private List<RunReport> newestRuns(String workspaceId, String job, int limit) {
    QueryConditional runsOfJob =
        QueryConditional.sortBeginsWith(
            Key.builder().partitionValue(workspaceId).sortValue("RUNLOG#" + encode(job) + "#").build());
    return table
        .query(
            QueryEnhancedRequest.builder()
                .queryConditional(runsOfJob)
                .scanIndexForward(false)
                .limit(limit)
                .build())
        .stream()
        .findFirst()
        .map(page -> page.items().stream().map(item -> read(item, RunReport.class)).toList())
        .orElse(List.of());
  }

  @Override
  public void addDestination(String workspaceId, Destination destination) {
    createOnce(item(workspaceId, "DEST#" + destination.id(), DestinationData.of(destination), null));
  }

  @Override
  public List<Destination> destinations(String workspaceId) {
    return query(workspaceId, "DEST#")
        .map(item -> read(item, DestinationData.class).toDestination())
        .sorted(Comparator.comparing(Destination::createdAt).thenComparing(Destination::id))
        .toList();
  }

  @Override
  public Optional<Destination> destination(String workspaceId, String destinationId) {
    return get(workspaceId, "DEST#" + destinationId).map(item -> read(item, DestinationData.class).toDestination());
  }

  @Override
  public void addDeadLetter(String workspaceId, DeadLetter letter) {
    String sk =
        "DEAD#" + DynamoDbMetricHistory.timeKey(letter.at()) + "#" + letter.alertId() + "#" + letter.destinationId();
    createOnce(item(workspaceId, sk, letter, letter.at().plus(DEAD_LETTER_RETENTION)));
  }

  @Override
  public List<DeadLetter> deadLetters(String workspaceId) {
    return query(workspaceId, "DEAD#").map(item -> read(item, DeadLetter.class)).toList();
  }

  @Override
  public void registerMonitoredWorkspace(String workspaceId) {
    createOnce(item(workspaceId, "REGISTERED", null, null).registry(MONITORED));
  }

  @Override
  public List<String> monitoredWorkspaces() {
    return monitored
        .query(QueryEnhancedRequest.builder().queryConditional(QueryConditional.keyEqualTo(k -> k.partitionValue(MONITORED))).build())
        .stream()
        .flatMap(page -> page.items().stream())
        .map(MonitoringItem::getPk)
        .toList();
  }

  @Override
  public Optional<JobDefinition> job(String workspaceId, String job) {
    return get(workspaceId, "JOB#" + encode(job)).map(DynamoDbMonitoringStore::toJob);
  }

  @Override
  public List<JobDefinition> jobs(String workspaceId) {
    return query(workspaceId, "JOB#")
        .map(DynamoDbMonitoringStore::toJob)
        .sorted(Comparator.comparing(JobDefinition::job))
        .toList();
  }

  @Override
  public JobDefinition putJob(String workspaceId, JobDefinition job) {
    MonitoringItem item =
        item(workspaceId, "JOB#" + encode(job.job()), job, null).version(job.version()).build();
    return toJob(update(item, "The upstream jobs of " + job.job()));
  }

  @Override
  public Optional<RunReport> lastRun(String workspaceId, String job) {
    return newestRuns(workspaceId, job, 1).stream().findFirst();
  }

  @Override
  public Optional<StoredSchema> schema(String workspaceId, String job, String table) {
    return get(workspaceId, schemaKey(job, table))
        .map(
            item -> {
              StoredSchema stored = read(item, StoredSchema.class);
              return new StoredSchema(
                  stored.job(), stored.table(), stored.columns(), stored.runId(), stored.at(),
                  item.getVersion());
            });
  }

  @Override
  public boolean putSchema(String workspaceId, StoredSchema schema) {
    try {
      table.updateItem(
          item(workspaceId, schemaKey(schema.job(), schema.table()), schema, null)
              .version(schema.version())
              .build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  @Override
  public void addSchemaChange(String workspaceId, SchemaChangeEvent change) {
    String sk =
        schemaChangePrefix(change.job()) + DynamoDbMetricHistory.timeKey(change.at()) + "#"
            + encode(change.table());
    createOnce(item(workspaceId, sk, change, change.at().plus(retention)));
  }

  @Override
  public List<SchemaChangeEvent> schemaChanges(String workspaceId, String job, Instant from, Instant to) {
    String prefix = schemaChangePrefix(job);
    QueryConditional between =
        QueryConditional.sortBetween(
            Key.builder()
                .partitionValue(workspaceId)
                .sortValue(prefix + DynamoDbMetricHistory.timeKey(from))
                .build(),
            Key.builder()
                .partitionValue(workspaceId)
                .sortValue(prefix + DynamoDbMetricHistory.timeKey(to) + "#\uffff")
                .build());
    return table
        .query(QueryEnhancedRequest.builder().queryConditional(between).build())
        .items()
        .stream()
        .map(item -> read(item, SchemaChangeEvent.class))
        .toList();
  }

  private static String schemaKey(String job, String table) {
    return "SCHEMA#" + encode(job) + "#" + encode(table);
  }

  private static String schemaChangePrefix(String job) {
    return "SCHEMACHANGE#" + encode(job) + "#";
  }

  private static JobDefinition toJob(MonitoringItem item) {
    JobDefinition stored = read(item, JobDefinition.class);
    return new JobDefinition(
        stored.job(), stored.upstream(), stored.source(), stored.updatedAt(), item.getVersion());
  }

  private MonitoringItem.Builder item(String workspaceId, String sk, Object data, Instant expiresAt) {
    return MonitoringItem.builder()
        .pk(workspaceId)
        .sk(sk)
        .data(data == null ? null : write(data))
        .expiresAt(expiresAt == null ? null : expiresAt.getEpochSecond());
  }

  /** Puts an item with a null version: the version extension makes that conditional on its absence. */
  private boolean createOnce(MonitoringItem.Builder item) {
    try {
      table.putItem(item.build());
      return true;
    } catch (ConditionalCheckFailedException e) {
      return false;
    }
  }

  private MonitoringItem update(MonitoringItem item, String what) {
    try {
      return table.updateItem(item);
    } catch (ConditionalCheckFailedException e) {
      throw new FlowForgeException(
          ProblemType.CONFLICT, what + " was changed by another request. Reload and try again.", null, e);
    }
  }

  private Optional<MonitoringItem> get(String workspaceId, String sk) {
    return Optional.ofNullable(
        table.getItem(
            GetItemEnhancedRequest.builder()
                .key(Key.builder().partitionValue(workspaceId).sortValue(sk).build())
                .consistentRead(true)
                .build()));
  }

  private Stream<MonitoringItem> query(String workspaceId, String prefix) {
    QueryConditional condition =
        QueryConditional.sortBeginsWith(Key.builder().partitionValue(workspaceId).sortValue(prefix).build());
    return table
        .query(QueryEnhancedRequest.builder().queryConditional(condition).consistentRead(true).build())
        .items()
        .stream();
  }

  private static MonitorDefinition toMonitor(MonitoringItem item) {
    MonitorDefinition stored = read(item, MonitorDefinition.class);
    return new MonitorDefinition(
        stored.id(), stored.job(), stored.metric(), stored.sensitivity(), stored.minHistory(), stored.country(),
        stored.createdAt(), item.getVersion());
  }

  private static RecordedAnomaly toAnomaly(MonitoringItem item) {
    RecordedAnomaly stored = read(item, RecordedAnomaly.class);
    return new RecordedAnomaly(
        stored.id(), stored.monitorId(), stored.job(), stored.metric(), stored.window(), stored.detectedAt(),
        stored.anomaly(), stored.status(), item.getVersion());
  }

  /** Keys hold user-chosen names (jobs, run ids, webhook ids): percent-encoding keeps '#' a separator. */
  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static String write(Object value) {
    try {
      return Json.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("monitoring record could not be serialised", e);
    }
  }

  private static <T> T read(MonitoringItem item, Class<T> type) {
    try {
      return READER.readValue(item.getData(), type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("stored " + type.getSimpleName() + " is not valid JSON", e);
    }
  }

  /** The stored form of a secret ring: secrets in their {@code whsec_} text form. */
  private record SecretData(
      String current, String previous, Instant previousValidUntil, Instant createdAt, Instant rotatedAt) {
    static SecretData of(SecretRing ring) {
      return new SecretData(
          ring.current().encoded(), ring.previous() == null ? null : ring.previous().encoded(),
          ring.previousValidUntil(), ring.createdAt(), ring.rotatedAt());
    }

    SecretRing toRing(Long version) {
      return new SecretRing(
          WebhookSecret.parse(current), previous == null ? null : WebhookSecret.parse(previous), previousValidUntil,
          createdAt, rotatedAt, version);
    }
  }

  /** The stored form of a destination. */
  private record DestinationData(
      String id, String name, AlertDestination.Kind kind, String url, String secret, Instant createdAt) {
    static DestinationData of(Destination destination) {
      return new DestinationData(
          destination.id(), destination.name(), destination.kind(), destination.url().toString(),
          destination.secret() == null ? null : destination.secret().encoded(), destination.createdAt());
    }

    Destination toDestination() {
      return new Destination(
          id, name, kind, URI.create(url), secret == null ? null : WebhookSecret.parse(secret), createdAt);
    }
  }

  /** The stored form of an exception rule: its kind and the fields that kind uses. */
  private record RuleData(
      String id, String monitorId, String kind, LocalDate date, DayOfWeek weekday, LocalDate from, LocalDate to,
      Instant createdAt) {
    static RuleData of(StoredRule stored) {
      if (stored.rule() instanceof ExceptionRule.OnDate rule) {
        return new RuleData(stored.id(), stored.monitorId(), "DATE", rule.date(), null, null, null, stored.createdAt());
      }
      if (stored.rule() instanceof ExceptionRule.OnWeekday rule) {
        return new RuleData(
            stored.id(), stored.monitorId(), "WEEKDAY", null, rule.weekday(), null, null, stored.createdAt());
      }
      ExceptionRule.DateRange rule = (ExceptionRule.DateRange) stored.rule();
      return new RuleData(stored.id(), stored.monitorId(), "RANGE", null, null, rule.from(), rule.to(), stored.createdAt());
    }

    StoredRule toRule() {
      ExceptionRule rule =
          switch (kind.toUpperCase(Locale.ROOT)) {
            case "DATE" -> new ExceptionRule.OnDate(date);
            case "WEEKDAY" -> new ExceptionRule.OnWeekday(weekday);
            default -> new ExceptionRule.DateRange(from, to);
          };
      return new StoredRule(id, monitorId, rule, createdAt);
    }
  }
}
