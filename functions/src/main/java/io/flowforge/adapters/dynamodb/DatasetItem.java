package io.flowforge.adapters.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * A dataset in the {@code datasets} table: {@code pk = <workspaceId>}, {@code sk = DATASET#<datasetId>}.
 * Columns are kept as one JSON string; they are always read and written together. {@code expiresAt} is
 * set while the upload is pending so abandoned registrations expire.
 */
@DynamoDbImmutable(builder = DatasetItem.Builder.class)
public final class DatasetItem {
  static final String SORT_KEY_PREFIX = "DATASET#";
  static final TableSchema<DatasetItem> SCHEMA = TableSchema.fromImmutableClass(DatasetItem.class);

  private final String pk;
  private final String sk;
  private final String id;
  private final String name;
  private final String fileName;
  private final String format;
  private final String status;
  private final Long sizeBytes;
  private final Long rowCount;
  private final String columnsJson;
  private final String createdAt;
  private final Long expiresAt;
  private final Long version;

  private DatasetItem(Builder builder) {
    this.pk = builder.pk;
    this.sk = builder.sk;
    this.id = builder.id;
    this.name = builder.name;
    this.fileName = builder.fileName;
    this.format = builder.format;
    this.status = builder.status;
    this.sizeBytes = builder.sizeBytes;
    this.rowCount = builder.rowCount;
    this.columnsJson = builder.columnsJson;
    this.createdAt = builder.createdAt;
    this.expiresAt = builder.expiresAt;
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

  public String getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getFileName() {
    return fileName;
  }

  public String getFormat() {
    return format;
  }

  public String getStatus() {
    return status;
  }

  public Long getSizeBytes() {
    return sizeBytes;
  }

  public Long getRowCount() {
    return rowCount;
  }

  public String getColumnsJson() {
    return columnsJson;
  }

  public String getCreatedAt() {
    return createdAt;
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
    private String id;
    private String name;
    private String fileName;
    private String format;
    private String status;
    private Long sizeBytes;
    private Long rowCount;
    private String columnsJson;
    private String createdAt;
    private Long expiresAt;
    private Long version;

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

    public Builder fileName(String value) {
      this.fileName = value;
      return this;
    }

    public Builder format(String value) {
      this.format = value;
      return this;
    }

    public Builder status(String value) {
      this.status = value;
      return this;
    }

    public Builder sizeBytes(Long value) {
      this.sizeBytes = value;
      return this;
    }

    public Builder rowCount(Long value) {
      this.rowCount = value;
      return this;
    }

    public Builder columnsJson(String value) {
      this.columnsJson = value;
      return this;
    }

    public Builder createdAt(String value) {
      this.createdAt = value;
      return this;
    }

    public Builder expiresAt(Long value) {
      this.expiresAt = value;
      return this;
    }

    public Builder version(Long value) {
      this.version = value;
      return this;
    }

    public DatasetItem build() {
      return new DatasetItem(this);
    }
  }
}
