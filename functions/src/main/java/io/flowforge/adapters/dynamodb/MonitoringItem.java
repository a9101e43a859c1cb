package io.flowforge.adapters.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One item of the {@code monitoring} table: {@code pk = <workspaceId>}, {@code sk = <KIND>#…} (see
 * docs/storage.md). The record itself is one JSON string in {@code data}: each kind is always read and
 * written whole. {@code registry} is set only on a workspace's registration item, so the sparse index
 * {@code monitoredWorkspaces} lists exactly the workspaces that have monitors. {@code expiresAt} (TTL)
 * is set on short-lived items: accepted webhook ids, run logs and dead letters.
 */
@DynamoDbImmutable(builder = MonitoringItem.Builder.class)
public final class MonitoringItem {
  static final TableSchema<MonitoringItem> SCHEMA = TableSchema.fromImmutableClass(MonitoringItem.class);

  private final String pk;
  private final String sk;
  private final String data;
  private final String registry;
  private final Long expiresAt;
  private final Long version;

  private MonitoringItem(Builder builder) {
    this.pk = builder.pk;
    this.sk = builder.sk;
    this.data = builder.data;
    this.registry = builder.registry;
    this.expiresAt = builder.expiresAt;
    this.version = builder.version;
  }

  public static Builder builder() {
    return new Builder();
  }

  @DynamoDbPartitionKey
  @DynamoDbSecondarySortKey(indexNames = DynamoDbMonitoringStore.MONITORED_INDEX)
  public String getPk() {
    return pk;
  }

  @DynamoDbSortKey
  public String getSk() {
    return sk;
  }

  public String getData() {
    return data;
  }

  @DynamoDbSecondaryPartitionKey(indexNames = DynamoDbMonitoringStore.MONITORED_INDEX)
  public String getRegistry() {
    return registry;
  }

  public Long getExpiresAt() {
    return expiresAt;
  }

  @DynamoDbVersionAttribute
  public Long getVersion() {
    return version;
  }

  /** Builder the enhanced client uses to read items. */
  public static final class Builder {
    private String pk;
    private String sk;
    private String data;
    private String registry;
    private Long expiresAt;
    private Long version;

    public Builder pk(String v) {
      this.pk = v;
      return this;
    }

    public Builder sk(String v) {
      this.sk = v;
      return this;
    }

    public Builder data(String v) {
      this.data = v;
      return this;
    }

    public Builder registry(String v) {
      this.registry = v;
      return this;
    }

    public Builder expiresAt(Long v) {
      this.expiresAt = v;
      return this;
    }

    public Builder version(Long v) {
      this.version = v;
      return this;
    }

    public MonitoringItem build() {
      return new MonitoringItem(this);
    }
  }
}
