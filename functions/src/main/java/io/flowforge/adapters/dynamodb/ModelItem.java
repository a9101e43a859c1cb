package io.flowforge.adapters.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * The head of a saved model in the {@code models} table: {@code pk = <workspaceId>}, {@code sk =
 * MODEL#<modelId>}. {@code latestVersion} is the optimistic lock: adding a version is conditional on it.
 */
@DynamoDbImmutable(builder = ModelItem.Builder.class)
public final class ModelItem {
  static final String SORT_KEY_PREFIX = "MODEL#";
  static final TableSchema<ModelItem> SCHEMA = TableSchema.fromImmutableClass(ModelItem.class);

  private final String pk;
  private final String sk;
  private final String id;
  private final String name;
  private final String style;
  private final Long latestVersion;
  private final String createdAt;
  private final String updatedAt;

  private ModelItem(Builder builder) {
    this.pk = builder.pk;
    this.sk = builder.sk;
    this.id = builder.id;
    this.name = builder.name;
    this.style = builder.style;
    this.latestVersion = builder.latestVersion;
    this.createdAt = builder.createdAt;
    this.updatedAt = builder.updatedAt;
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

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getStyle() {
    return style;
  }

  public Long getLatestVersion() {
    return latestVersion;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  public String getUpdatedAt() {
    return updatedAt;
  }

  /** Builder the enhanced client uses to read items. */
  public static final class Builder {
    private String pk;
    private String sk;
    private String id;
    private String name;
    private String style;
    private Long latestVersion;
    private String createdAt;
    private String updatedAt;

    public Builder pk(String value) {
      this.pk = value;
      return this;
    }

    public Builder sk(String value) {
      this.sk = value;
      return this;
    }

    public Builder id(String value) {
      this.id = value;
      return this;
    }

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder style(String value) {
      this.style = value;
      return this;
    }

    public Builder latestVersion(Long value) {
      this.latestVersion = value;
      return this;
    }

    public Builder createdAt(String value) {
      this.createdAt = value;
      return this;
    }

    public Builder updatedAt(String value) {
      this.updatedAt = value;
      return this;
    }

    public ModelItem build() {
      return new ModelItem(this);
    }
  }
}
