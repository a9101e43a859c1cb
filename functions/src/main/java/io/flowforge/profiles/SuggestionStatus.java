package io.flowforge.profiles;

/** Where a suggestion stands: proposed by FlowForge, or decided by a person. */
public enum SuggestionStatus {
  PROPOSED,
  ACCEPTED,
  ADJUSTED,
  REJECTED;

  public boolean decided() {
    return this != PROPOSED;
  }
}
