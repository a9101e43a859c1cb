package io.flowforge.modeling;

import io.flowforge.profiling.CandidateKey;
import io.flowforge.profiling.ColumnProfile;
import io.flowforge.profiling.Relationship;
import io.flowforge.profiling.SchemaAnalysis;
import io.flowforge.profiling.TableProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds generator input from profiles: the best strict candidate key becomes the primary key and inferred
 * many-to-one relationships into a table's key become foreign keys, so a model can be designed from files
 * with no declared keys.
 */
public final class ProfiledSource {
  /** Relationships below this confidence are left out; the generator would otherwise invent links. */
  static final double MIN_CONFIDENCE = 0.8;

  private ProfiledSource() {}

  public static SourceSchema from(String system, SchemaAnalysis analysis) {
    List<SourceSchema.SourceTable> tables = new ArrayList<>();
    for (TableProfile profile : analysis.tables()) {
      List<String> key = primaryKey(profile).map(CandidateKey::columns).orElse(List.of());
      List<SourceSchema.SourceColumn> columns = new ArrayList<>();
      for (ColumnProfile column : profile.columns()) {
        columns.add(new SourceSchema.SourceColumn(
            column.name(),
            column.inferredType() == null ? column.engineType() : column.inferredType(),
            column.nullCount() > 0,
            new SourceSchema.ColumnStats(
                column.distinct() == null ? null : column.distinct().value(), column.nullRatio(), null)));
      }
      List<SourceSchema.ForeignKey> foreignKeys = new ArrayList<>();
      for (Relationship relationship : analysis.relationships()) {
        if (relationship.fromTable().equals(profile.name()) && relationship.confidence() >= MIN_CONFIDENCE
            && !relationship.toTable().equals(profile.name())
            && isKeyOf(analysis, relationship.toTable(), relationship.toColumn())) {
          foreignKeys.add(new SourceSchema.ForeignKey(
              List.of(relationship.fromColumn()), relationship.toTable(), List.of(relationship.toColumn())));
        }
      }
      tables.add(new SourceSchema.SourceTable(profile.name(), columns, key, List.of(), foreignKeys, profile.rowCount()));
    }
    return new SourceSchema(system, "staging", tables);
  }

  private static Optional<CandidateKey> primaryKey(TableProfile profile) {
    return profile.candidateKeys().stream().filter(CandidateKey::strict).findFirst();
  }

  private static boolean isKeyOf(SchemaAnalysis analysis, String table, String column) {
    return analysis.tables().stream()
        .filter(t -> t.name().equals(table))
        .findFirst()
        .flatMap(ProfiledSource::primaryKey)
        .map(key -> key.columns().equals(List.of(column)))
        .orElse(false);
  }
}
