package io.flowforge.dataset;

import io.flowforge.core.FlowForgeException;

/**
 * Checks the file names users give uploads. They are only ever displayed, but a name that looks like a
 * path or carries control characters is refused so it cannot mislead anyone who later handles it.
 */
final class FileNames {
  static final int MAX_LENGTH = 255;

  private FileNames() {}

  static String require(String pointer, String value) {
    if (value == null || value.isBlank()) {
      throw FlowForgeException.invalid(pointer, "fileName is required, e.g. \"transactions.csv\".");
    }
    if (value.length() > MAX_LENGTH) {
      throw FlowForgeException.invalid(pointer, "fileName is longer than " + MAX_LENGTH + " characters.");
    }
    if (value.chars().anyMatch(c -> Character.isISOControl(c) || c == '/' || c == '\\')
        || value.equals(".")
        || value.equals("..")) {
      throw FlowForgeException.invalid(
          pointer,
          "fileName must be a plain file name without folders or control characters,"
              + " e.g. \"transactions.csv\".");
    }
    return value.strip();
  }
}
