package io.flowforge.adapters.dynamodb;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Any item of the {@code conversations} table: {@code pk = <workspaceId>}, {@code sk} says what it
 * is (see docs/storage.md). The record is one gzip-compressed JSON document: a message with its
 * suggestion (a generated model and its SQL files) compresses about tenfold, which keeps it far
 * below DynamoDB's 400 KB item limit. {@code expiresAt} (TTL) is set on rate-limit counters only.
 */
@DynamoDbImmutable(builder = ConversationItem.Builder.class)
public final class ConversationItem {
  static final TableSchema<ConversationItem> SCHEMA =
      TableSchema.fromImmutableClass(ConversationItem.class);

  private final String pk;
  private final String sk;
  private final SdkBytes body;
  private final Long expiresAt;
  private final Long version;

  private ConversationItem(Builder builder) {
    this.pk = builder.pk;
    this.sk = builder.sk;
    this.body = builder.body;
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

  public SdkBytes getBody() {
    return body;
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
    private SdkBytes body;
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

    public Builder body(SdkBytes value) {
      this.body = value;
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

    public ConversationItem build() {
      return new ConversationItem(this);
    }
  }
}
