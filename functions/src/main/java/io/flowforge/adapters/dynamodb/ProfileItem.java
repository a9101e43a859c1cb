package io.flowforge.adapters.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One profile version in the {@code datasets} table: {@code pk = <workspaceId>}, {@code sk =
 * PROFILE#<datasetId>#<version, zero-padded>} so a dataset's versions sort in order. The profile is one
 * JSON document, in {@code body}, or gzipped in {@code bodyGzip} when large (DynamoDB items hold 400 KB).
 */
@DynamoDbImmutable(builder = ProfileItem.Builder.class)
public final class ProfileItem {
  static final String SORT_KEY_PREFIX = "PROFILE#";
  static final TableSchema<ProfileItem> SCHEMA = TableSchema.fromImmutableClass(ProfileItem.class);

  private final String pk;
  private final String sk;
  private final String datasetId;
  private final Integer profileVersion;
  private final Long rowCount;
  private final Integer columnCount;
  private final String createdAt;
  private final String createdBy;
  private final String body;
  private final SdkBytes bodyGzip;
  private final String changesJson;

  private ProfileItem(Builder builder) {
    this.pk = builder.pk;
    this.sk = builder.sk;
    this.datasetId = builder.datasetId;
    this.profileVersion = builder.profileVersion;
    this.rowCount = builder.rowCount;
    this.columnCount = builder.columnCount;
    this.createdAt = builder.createdAt;
    this.createdBy = builder.createdBy;
    this.body = builder.body;
    this.bodyGzip = builder.bodyGzip;
    this.changesJson = builder.changesJson;
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

  public String getDatasetId() {
    return datasetId;
  }

  public Integer getProfileVersion() {
    return profileVersion;
  }

  public Long getRowCount() {
    return rowCount;
  }

  public Integer getColumnCount() {
    return columnCount;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public String getBody() {
    return body;
  }

  public SdkBytes getBodyGzip() {
    return bodyGzip;
  }

  public String getChangesJson() {
    return changesJson;
  }

  /** Builder the enhanced client uses to read items. */
  public static final class Builder {
    private String pk;
    private String sk;
    private String datasetId;
    private Integer profileVersion;
    private Long rowCount;
    private Integer columnCount;
    private String createdAt;
    private String createdBy;
    private String body;
    private SdkBytes bodyGzip;
    private String changesJson;

    public Builder pk(String value) {
      this.pk = value;
      return this;
    }

    public Builder sk(String value) {
      this.sk = value;
      return this;
    }

    public Builder datasetId(String value) {
      this.datasetId = value;
      return this;
    }

    public Builder profileVersion(Integer value) {
      this.profileVersion = value;
      return this;
    }

    public Builder rowCount(Long value) {
      this.rowCount = value;
      return this;
    }

    public Builder columnCount(Integer value) {
      this.columnCount = value;
      return this;
    }

    public Builder createdAt(String value) {
      this.createdAt = value;
      return this;
    }

    public Builder createdBy(String value) {
      this.createdBy = value;
      return this;
    }

    public Builder body(String value) {
      this.body = value;
      return this;
    }

    public Builder bodyGzip(SdkBytes value) {
      this.bodyGzip = value;
      return this;
    }

    public Builder changesJson(String value) {
      this.changesJson = value;
      return this;
    }

    public ProfileItem build() {
      return new ProfileItem(this);
    }
  }
}
