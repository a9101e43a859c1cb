package io.flowforge.adapters.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A team pattern in the {@code models} table: {@code pk = <workspaceId>}, {@code sk = PATTERN#<category/name>}.
 * Its files (at most 256 KiB, checked before storing) are one JSON object of name to content.
 */
@DynamoDbImmutable(builder = TeamPatternItem.Builder.class)
public final class TeamPatternItem {
  static final String SORT_KEY_PREFIX = "PATTERN#";
  static final TableSchema<TeamPatternItem> SCHEMA = TableSchema.fromImmutableClass(TeamPatternItem.class);

  private final String pk;
  private final String sk;
  private final String id;
  private final Long version;
  private final String name;
  private final String filesJson;
  private final String createdAt;

  private TeamPatternItem(Builder builder) {
    this.pk = builder.pk;
    this.sk = builder.sk;
    this.id = builder.id;
    this.version = builder.version;
    this.name = builder.name;
    this.filesJson = builder.filesJson;
    this.createdAt = builder.createdAt;
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

  public Long getVersion() {
    return version;
  }

  public String getName() {
    return name;
  }

  public String getFilesJson() {
    return filesJson;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  /** Builder the enhanced client uses to read items. */
  public static final class Builder {
    private String pk;
    private String sk;
    private String id;
    private Long version;
    private String name;
    private String filesJson;
    private String createdAt;

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

    public Builder version(Long value) {
      this.version = value;
      return this;
    }

    public Builder name(String value) {
      this.name = value;
      return this;
    }

    public Builder filesJson(String value) {
      this.filesJson = value;
      return this;
    }

    public Builder createdAt(String value) {
      this.createdAt = value;
      return this;
    }

    public TeamPatternItem build() {
      return new TeamPatternItem(this);
    }
  }
}
