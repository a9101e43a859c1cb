package io.flowforge.assistant;

/** The kinds of model the assistant designs, each backed by a pattern of the pattern library. */
public enum ModelKind {
  DIMENSION("kimball_dimension", "dimension"),
  FACT("kimball_fact", "fact"),
  STAR("kimball_fact", "star schema"),
  DATA_VAULT("data_vault", "Data Vault 2.0 model");

  private final String patternType;
  private final String label;

  ModelKind(String patternType, String label) {
    this.patternType = patternType;
    this.label = label;
  }

  /** The {@code pattern_type} of {@code get_pattern} for this kind. */
  public String patternType() {
    return patternType;
  }

  public String label() {
    return label;
  }
}
