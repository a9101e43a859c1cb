package io.flowforge.adapters.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One immutable version of a saved model: {@code pk = <workspaceId>}, {@code sk = MODELV#<modelId>#<version,
 * zero-padded>} so a model's versions sort in order and never match the heads' {@code MODEL#} prefix. The
 * content (source and generated model as JSON) is kept as text, or gzipped in {@code contentGzip} when large.
 */
@DynamoDbImmutable(builder = ModelVersionItem.Builder.class)
public final class ModelVersionItem {
  static final String SORT_KEY_PREFIX = "MODELV#";
  static final TableSchema<ModelVersionItem> SCHEMA = TableSchema.fromImmutableClass(ModelVersionItem.class);

  private final String pk;
  private final String sk;
  private final String modelId;
  private final Long version;
  private final String contentHash;
  private final String createdAt;
  private final String content;
  private final SdkBytes contentGzip;
  private final Long contentBytes;

  private ModelVersionItem(Builder builder) {
    this.pk = builder.pk;
    this.sk = builder.sk;
    this.modelId = builder.modelId;
    this.version = builder.version;
    this.contentHash = builder.contentHash;
    this.createdAt = builder.createdAt;
    this.content = builder.content;
    this.contentGzip = builder.contentGzip;
    this.contentBytes = builder.contentBytes;
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

  public String getModelId() {
    return modelId;
  }

  public Long getVersion() {
    return version;
  }

  public String getContentHash() {
    return contentHash;
  }

  public String getCreatedAt() {
    return createdAt;
  }

  public String getContent() {
    return content;
  }

  public SdkBytes getContentGzip() {
    return contentGzip;
  }

  public Long getContentBytes() {
    return contentBytes;
  }

  /** Builder the enhanced client uses to read items. */
  public static final class Builder {
    private String pk;
    private String sk;
    private String modelId;
    private Long version;
    private String contentHash;
    private String createdAt;
    private String content;
    private SdkBytes contentGzip;
    private Long contentBytes;

    public Builder pk(String value) {
      this.pk = value;
      return this;
    }

    public Builder sk(String value) {
      this.sk = value;
      return this;
    }

    public Builder modelId(String value) {
      this.modelId = value;
      return this;
    }

    public Builder version(Long value) {
      this.version = value;
      return this;
    }

    public Builder contentHash(String value) {
      this.contentHash = value;
      return this;
    }

    public Builder createdAt(String value) {
      this.createdAt = value;
      return this;
    }

    public Builder content(String value) {
      this.content = value;
      return this;
    }

    public Builder contentGzip(SdkBytes value) {
      this.contentGzip = value;
      return this;
    }

    public Builder contentBytes(Long value) {
      this.contentBytes = value;
      return this;
    }

    public ModelVersionItem build() {
      return new ModelVersionItem(this);
    }
  }
}
