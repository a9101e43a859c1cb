package io.flowforge.core;

/**
 * Base of every expected failure in FlowForge. The message is the human detail shown to the caller, so it
 * must say what is wrong and how to fix it, and must never contain data from another workspace.
 */
public class FlowForgeException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ProblemType type;
  private final String pointer;

  public FlowForgeException(ProblemType type, String detail) {
    this(type, detail, null, null);
  }

  public FlowForgeException(ProblemType type, String detail, String pointer, Throwable cause) {
    super(detail, cause);
    this.type = type;
    this.pointer = pointer;
  }

  public ProblemType type() {
    return type;
  }

  /** JSON pointer to the offending request field ({@code /name}), or null when not about one field. */
  public String pointer() {
    return pointer;
  }

  public static FlowForgeException notFound(String what) {
    return new FlowForgeException(ProblemType.NOT_FOUND, what + " was not found in this workspace.");
  }

  public static FlowForgeException invalid(String pointer, String detail) {
    return new FlowForgeException(ProblemType.VALIDATION, detail, pointer, null);
  }

  public static FlowForgeException badRequest(String detail) {
    return new FlowForgeException(ProblemType.BAD_REQUEST, detail);
  }
}
