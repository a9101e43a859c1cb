package io.flowforge.profiling;

import io.flowforge.core.FlowForgeException;

/**
 * Validates identifiers taken from data (column and table names) before a dialect quotes them. Any printable
 * name is allowed, since files carry arbitrary headers; quoting makes it inert. What cannot be quoted safely
 * (empty, control characters, absurd length) is rejected with a fix.
 */
public final class Identifiers {
  /** Longest identifier accepted; Databricks allows 255 characters. */
  public static final int MAX_LENGTH = 255;

  private Identifiers() {}

  public static String requireValid(String identifier) {
    if (identifier == null || identifier.isEmpty()) {
      throw FlowForgeException.invalid(null, "A column or table name is empty; give every column a header name.");
    }
    if (identifier.length() > MAX_LENGTH) {
      throw FlowForgeException.invalid(
          null, "A column or table name is longer than " + MAX_LENGTH + " characters; shorten it.");
    }
    for (int i = 0; i < identifier.length(); i++) {
      if (Character.isISOControl(identifier.charAt(i))) {
        throw FlowForgeException.invalid(
            null, "A column or table name contains a control character; remove it from the header.");
      }
    }
    return identifier;
  }
}
