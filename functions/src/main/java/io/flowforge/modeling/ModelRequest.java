package io.flowforge.modeling;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One generation request. Refinements ("make it type 1", "add these attributes") are expressed as options on
 * the same request, so a regenerated model differs only where the options say.
 *
 * @param style kimball or data_vault
 * @param options choices that override the generator's defaults; null means all defaults
 */
public record ModelRequest(ModelStyle style, SourceSchema source, Options options) {

  public ModelRequest {
    options = options == null ? Options.defaults() : options;
  }

  /** The two model styles the generator designs. */
  public enum ModelStyle {
    KIMBALL,
    DATA_VAULT
  }

  /**
   * @param targetSchema schema the model's tables are created in (mart for Kimball, vault for Data Vault)
   * @param scdTypes SCD type per dimension entity (entity name as in the model, such as {@code product})
   * @param attributes attributes to keep per entity, as source column names ({@code Table.Column} for columns of
   *     absorbed tables); an entity not listed keeps all its descriptive columns
   * @param calendarStart first day of the date dimension and PIT snapshots
   * @param calendarEnd last day of the date dimension and PIT snapshots
   * @param runtime Databricks runtime the model targets (null: current)
   */
  public record Options(
      String targetSchema,
      Map<String, Integer> scdTypes,
      Map<String, List<String>> attributes,
      LocalDate calendarStart,
      LocalDate calendarEnd,
      String runtime) {

    public Options {
      scdTypes = scdTypes == null ? Map.of() : Map.copyOf(scdTypes);
      attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
      calendarStart = calendarStart == null ? LocalDate.of(2000, 1, 1) : calendarStart;
      calendarEnd = calendarEnd == null ? LocalDate.of(2030, 12, 31) : calendarEnd;
    }

    public static Options defaults() {
      return new Options(null, null, null, null, null, null);
    }

    public Options withScdType(String entity, int type) {
      Map<String, Integer> changed = new java.util.HashMap<>(scdTypes);
      changed.put(entity, type);
      return new Options(targetSchema, changed, attributes, calendarStart, calendarEnd, runtime);
    }

    public Options withAttributes(String entity, List<String> columns) {
      Map<String, List<String>> changed = new java.util.HashMap<>(attributes);
      changed.put(entity, List.copyOf(columns));
      return new Options(targetSchema, scdTypes, changed, calendarStart, calendarEnd, runtime);
    }
  }
}
