package io.flowforge.patterns;

import io.flowforge.core.FlowForgeException;
import io.flowforge.core.ProblemType;

/** A pattern definition or template that breaks a rule of the library: names the file, line and rule. */
public final class InvalidPatternException extends FlowForgeException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final int line;
  private final String rule;

  public InvalidPatternException(String file, int line, String rule, String detail) {
    super(
        ProblemType.UNPROCESSABLE,
        file + (line > 0 ? ":" + line : "") + ": " + detail + " (rule: " + rule + ")",
        null,
        null);
    this.file = file;
    this.line = line;
    this.rule = rule;
  }

  public String file() {
    return file;
  }

  /** 1-based line in {@link #file()}, or 0 when the problem is not about one line. */
  public int line() {
    return line;
  }

  public String rule() {
    return rule;
  }
}
