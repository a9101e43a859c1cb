package io.flowforge.adapters.dynamodb;

import java.util.List;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.extensions.annotations.DynamoDbVersionAttribute;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbImmutable;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbPartitionKey;
import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbSortKey;

/**
 * One suggestion in the {@code datasets} table: {@code pk = <workspaceId>}, {@code sk =
 * SUGGESTION#<datasetId>#<LAYER>#<kind>}. The suggestion itself is one JSON document; {@code version} makes
 * every decision conditional on the version the person saw.
 */
@DynamoDbImmutable(builder = SuggestionItem.Builder.class)
public final class SuggestionItem {
  static final String SORT_KEY_PREFIX = "SUGGESTION#";
  static final TableSchema<SuggestionItem> SCHEMA = TableSchema.fromImmutableClass(SuggestionItem.class);

  private final String pk;
  private final String sk;
  private final String datasetId;
  private final String layer;
  private final String kind;
  private final String suggestionJson;
  private final Integer profileVersion;
  private final List<String> evidenceColumns;
  private final String status;
  private final String overrideJson;
  private final String decidedBy;
  private final String decidedAt;
  private final Boolean changedSinceDecision;
  private final List<String> changedColumns;
  private final Long version;

  private SuggestionItem(Builder builder) {
    this.pk = builder.pk;
    this.sk = builder.sk;
    this.datasetId = builder.datasetId;
    this.layer = builder.layer;
    this.kind = builder.kind;
    this.suggestionJson = builder.suggestionJson;
    this.profileVersion = builder.profileVersion;
    this.evidenceColumns = builder.evidenceColumns;
    this.status = builder.status;
    this.overrideJson = builder.overrideJson;
    this.decidedBy = builder.decidedBy;
    this.decidedAt = builder.decidedAt;
    this.changedSinceDecision = builder.changedSinceDecision;
    this.changedColumns = builder.changedColumns;
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

  public String getDatasetId() {
    return datasetId;
  }

  public String getLayer() {
    return layer;
  }

  public String getKind() {
    return kind;
  }

  public String getSuggestionJson() {
    return suggestionJson;
  }

  public Integer getProfileVersion() {
    return profileVersion;
  }

  public List<String> getEvidenceColumns() {
    return evidenceColumns;
  }

  public String getStatus() {
    return status;
  }

  public String getOverrideJson() {
    return overrideJson;
  }

  public String getDecidedBy() {
    return decidedBy;
  }

  public String getDecidedAt() {
    return decidedAt;
  }

  public Boolean getChangedSinceDecision() {
    return changedSinceDecision;
  }

  public List<String> getChangedColumns() {
    return changedColumns;
  }

  @DynamoDbVersionAttribute
  public Long getVersion() {
    return version;
  }

  /** Builder the enhanced client uses to read items. */
  public static final class Builder {
    private String pk;
    private String sk;
    private String datasetId;
    private String layer;
    private String kind;
    private String suggestionJson;
    private Integer profileVersion;
    private List<String> evidenceColumns;
    private String status;
    private String overrideJson;
    private String decidedBy;
    private String decidedAt;
    private Boolean changedSinceDecision;
    private List<String> changedColumns;
    private Long version;

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

    public Builder layer(String value) {
      this.layer = value;
      return this;
    }

    public Builder kind(String value) {
      this.kind = value;
      return this;
    }

    public Builder suggestionJson(String value) {
      this.suggestionJson = value;
      return this;
    }

    public Builder profileVersion(Integer value) {
      this.profileVersion = value;
      return this;
    }

    public Builder evidenceColumns(List<String> value) {
      this.evidenceColumns = value;
      return this;
    }

    public Builder status(String value) {
      this.status = value;
      return this;
    }

    public Builder overrideJson(String value) {
      this.overrideJson = value;
      return this;
    }

    public Builder decidedBy(String value) {
      this.decidedBy = value;
      return this;
    }

    public Builder decidedAt(String value) {
      this.decidedAt = value;
      return this;
    }

    public Builder changedSinceDecision(Boolean value) {
      this.changedSinceDecision = value;
      return this;
    }

    public Builder changedColumns(List<String> value) {
      this.changedColumns = value;
      return this;
    }

    public Builder version(Long value) {
      this.version = value;
      return this;
    }

    public SuggestionItem build() {
      return new SuggestionItem(this);
    }
  }
}
