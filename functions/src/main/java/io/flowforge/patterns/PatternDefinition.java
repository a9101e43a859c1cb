package io.flowforge.patterns;

import java.util.List;

/**
 * One pattern of the library as declared in its {@code pattern.yaml}: what it is for, the parameters a render
 * needs and the Databricks optimisations it applies. Templates live beside the definition, one per artifact.
 *
 * @param id stable id, {@code <category>/<name>} such as {@code kimball/scd2}
 * @param version bumped whenever generated output changes; part of every provenance header
 * @param folder library-relative folder holding the templates, such as {@code kimball/scd2}
 */
public record PatternDefinition(
    String id,
    int version,
    String name,
    String category,
    String description,
    String whenToUse,
    List<String> tags,
    List<ColumnDoc> requiredColumns,
    List<ColumnDoc> optionalColumns,
    List<ParameterSpec> parameters,
    List<Optimization> databricksOptimizations,
    List<String> artifacts,
    String folder) {

  /** {@code kimball/scd2@1}: how generated files name the pattern that produced them. */
  public String reference() {
    return id + "@" + version;
  }

  /** A column every table built by the pattern has (or may have), documented for people. */
  public record ColumnDoc(String name, String type, String description) {}

  /** A Databricks feature the pattern applies, with the reason it helps this kind of table. */
  public record Optimization(String feature, String columns, String reason) {}

  /**
   * A render parameter. {@code type} decides how a value is validated before any template sees it:
   * identifiers are checked and quoted by filters, text is only ever emitted as an escaped literal.
   */
  public record ParameterSpec(
      String name,
      String type,
      boolean required,
      String description,
      Object defaultValue,
      List<String> values,
      List<ParameterSpec> fields) {}
}
