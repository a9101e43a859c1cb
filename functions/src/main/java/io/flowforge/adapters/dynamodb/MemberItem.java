package io.flowforge.adapters.dynamodb;

import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondaryPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSecondarySortKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * Membership of one identity in a workspace: {@code pk = <workspaceId>}, {@code sk = MEMBER#<subject>}.
 * {@code owner} repeats the subject so the {@code byOwner} index lists an identity's workspaces.
 */
@DynamoDbImmutable(builder = MemberItem.Builder.class)
public final class MemberItem {
  static final String SORT_KEY_PREFIX = "MEMBER#";
  static final TableSchema<MemberItem> SCHEMA = TableSchema.fromImmutableClass(MemberItem.class);

  private final String pk;
  private final String sk;
  private final String owner;
  private final String createdAt;
  private final String role;

  private MemberItem(Builder builder) {
    this.pk = builder.pk;
    this.sk = builder.sk;
    this.owner = builder.owner;
    this.createdAt = builder.createdAt;
    this.role = builder.role;
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

  @DynamoDbSecondaryPartitionKey(indexNames = "byOwner")
  public String getOwner() {
    return owner;
  }

  @DynamoDbSecondarySortKey(indexNames = "byOwner")
  public String getCreatedAt() {
    return createdAt;
  }

  public String getRole() {
    return role;
  }

  /** Builder the enhanced client uses to read items. */
  public static final class Builder {
    private String pk;
    private String sk;
    private String owner;
    private String createdAt;
    private String role;

    public Builder pk(String value) {
      this.pk = value;
      return this;
    }

    public Builder sk(String value) {
      this.sk = value;
      return this;
    }

    public Builder owner(String value) {
      this.owner = value;
      return this;
    }

    public Builder createdAt(String value) {
      this.createdAt = value;
      return this;
    }

    public Builder role(String value) {
      this.role = value;
      return this;
    }

    public MemberItem build() {
      return new MemberItem(this);
    }
  }
}
