package io.flowforge.core;

/**
 * The stable kinds of failure FlowForge reports. Each becomes an RFC 9457 problem document whose {@code
 * type} is {@code https://flowforge.dev/problems/<slug>}; clients branch on the slug, people read the
 * detail.
 */
public enum ProblemType {
  BAD_REQUEST(400, "bad-request", "The request is malformed"),
  VALIDATION(400, "validation", "A field has an invalid value"),
  UNAUTHORIZED(401, "unauthorized", "Missing or invalid credentials"),
  FORBIDDEN(403, "forbidden", "Not allowed"),
  NOT_FOUND(404, "not-found", "No such resource"),
  METHOD_NOT_ALLOWED(405, "method-not-allowed", "Method not allowed on this route"),
  CONFLICT(409, "conflict", "The resource changed or already exists"),
  PAYLOAD_TOO_LARGE(413, "payload-too-large", "The request body is too large"),
  UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Unsupported content type"),
  UNPROCESSABLE(422, "unprocessable", "The content cannot be processed"),
  RATE_LIMITED(429, "rate-limited", "Too many requests"),
  BUDGET_EXHAUSTED(429, "budget-exhausted", "The workspace budget is used up"),
  INTERNAL(500, "internal", "Unexpected error"),
  UNAVAILABLE(503, "unavailable", "A dependency is unavailable");

  private final int status;
  private final String slug;
  private final String title;

  ProblemType(int status, String slug, String title) {
    this.status = status;
    this.slug = slug;
    this.title = title;
  }

  public int status() {
    return status;
  }

  public String slug() {
    return slug;
  }

  public String title() {
    return title;
  }

  public String uri() {
    return "https://flowforge.dev/problems/" + slug;
  }
}
