package io.flowforge.adapters.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One metric point in the {@code metrics} table: {@code pk = <workspaceId>#<job>#<metric>}, {@code sk =
 * <epoch millis, 13 digits>#<runId>} (fixed width so the sort key orders by time), {@code expiresAt} in
 * epoch seconds for TTL retention.
 */
@DynamoDbImmutable(builder = MetricItem.Builder.class)
public final class MetricItem {
  static final TableSchema<MetricItem> SCHEMA = TableSchema.fromImmutableClass(MetricItem.class);

  private final String pk;
  private final String sk;
  private final double value;
  private final boolean expected;
  private final long expiresAt;

  private MetricItem(Builder builder) {
    this.pk = builder.pk;
    this.sk = builder.sk;
    this.value = builder.value;
    this.expected = builder.expected;
    this.expiresAt = builder.expiresAt;
  }

  public static Builder builder() {
    return new Builder();
  }

  @DynamoDbPartitionKey
  public String getPk() {
    return pk;
  }

  @DynamoDbSortKey
  public String getSk() {
    return sk;
  }

  public double getValue() {
    return value;
  }

  /** Marked expected by a person: excluded from training. */
  public boolean isExpected() {
    return expected;
  }

  public long getExpiresAt() {
    return expiresAt;
  }

  /** Builder the enhanced client uses to read items. */
  public static final class Builder {
    private String pk;
    private String sk;
    private double value;
    private boolean expected;
    private long expiresAt;

    public Builder pk(String v) {
      this.pk = v;
      return this;
    }

    public Builder sk(String v) {
      this.sk = v;
      return this;
    }

    public Builder value(double v) {
      this.value = v;
      return this;
    }

    public Builder expected(boolean v) {
      this.expected = v;
      return this;
    }

    public Builder expiresAt(long v) {
      this.expiresAt = v;
      return this;
    }

    public MetricItem build() {
      return new MetricItem(this);
    }
  }
}
