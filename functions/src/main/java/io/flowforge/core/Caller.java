package io.flowforge.core;

/**
 * The authenticated identity making a request: the JWT {@code sub} claim in AWS, the dev user locally.
 * Every service call that touches a workspace takes one so tenancy is checked in core, not in handlers.
 */
public record Caller(String subject) {
  public Caller {
    if (subject == null || subject.isBlank()) {
      throw new IllegalArgumentException("a caller needs a subject");
    }
  }
}
