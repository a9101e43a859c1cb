package io.flowforge.core;

/**
 * A refusal the caller may retry after a known delay (a rate limit): answered like any problem, plus a
 * {@code Retry-After} header with the delay in seconds.
 */
public class RetryAfterException extends FlowForgeException {
  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  public RetryAfterException(ProblemType type, String detail, long retryAfterSeconds) {
    super(type, detail);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Whole seconds to wait, at least 1. */
  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
