package io.flowforge.adapters.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;

/** A workspace in the {@code workspaces} table: {@code pk = <workspaceId>}, {@code sk = WORKSPACE}. */
@DynamoDbImmutable(builder = WorkspaceItem.Builder.class)
public final class WorkspaceItem {
  static final String SORT_KEY = "WORKSPACE";
  static final TableSchema<WorkspaceItem> SCHEMA = TableSchema.fromImmutableClass(WorkspaceItem.class);

  private final String pk;
  private final String sk;
  private final String name;
  private final String createdAt;
  private final Long version;

  private WorkspaceItem(Builder builder) {
    this.pk = builder.pk;
    this.sk = builder.sk;
    this.name = builder.name;
    this.createdAt = builder.createdAt;
    this.version = builder.version;
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

  public String getName() {
    return name;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  @DynamoDbVersionAttribute
  public Long getVersion() {
    return version;
  }

  /** Builder the enhanced client uses to read items. */
  public static final class Builder {
    private String pk;
    private String sk;
    private String name;
    private String createdAt;
    private Long version;

    public Builder pk(String value) {
      this.pk = value;
      return this;
    }

    public Builder sk(String value) {
      this.sk = value;
      return this;
    }

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder createdAt(String value) {
      this.createdAt = value;
      return this;
    }

    public Builder version(Long value) {
      this.version = value;
      return this;
    }

    public WorkspaceItem build() {
      return new WorkspaceItem(this);
    }
  }
}
