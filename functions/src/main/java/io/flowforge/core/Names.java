package io.flowforge.core;

/** Validation of the display names people give things (workspaces, datasets). */
public final class Names {
  public static final int MAX_LENGTH = 100;

  private Names() {}

  /**
   * The trimmed name, or a 400 pointing at {@code pointer} when it is missing, too long or contains control
   * characters.
   */
  public static String require(String pointer, String what, String value) {
    if (value == null || value.isBlank()) {
      throw FlowForgeException.invalid(pointer, what + " is required; send a non-empty string.");
    }
    String trimmed = value.strip();
    if (trimmed.length() > MAX_LENGTH) {
      throw FlowForgeException.invalid(
          pointer, what + " is " + trimmed.length() + " characters long; use at most " + MAX_LENGTH + ".");
    }
    if (trimmed.chars().anyMatch(Character::isISOControl)) {
      throw FlowForgeException.invalid(pointer, what + " contains control characters; remove them.");
    }
    return trimmed;
  }
}
