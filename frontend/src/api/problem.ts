/** An RFC 9457 problem, as every FlowForge error response carries it. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  /** A JSON Pointer to the request field that is wrong, when one is. */
  pointer?: string;
}

/** A failed API call; `message` is the sentence a person reads. */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problemMessage(problem));
    this.name = "ApiError";
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }
}

const GENERIC_TITLES: Record<number, string> = {
  400: "The request was not valid",
  401: "The access token is missing or no longer valid",
  403: "You are not allowed to do this",
  404: "Not found",
  409: "Someone else changed this first; reload and try again",
  413: "The file is too large",
  429: "Too many requests; wait a moment and try again",
};

function optionalString(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function fallbackTitle(status: number, statusText: string): string {
  const known = GENERIC_TITLES[status];
  if (known) return known;
  if (status >= 500) return `The server failed to answer (HTTP ${status})`;
  return statusText ? `${statusText} (HTTP ${status})` : `Request failed (HTTP ${status})`;
}

/**
 * Reads an error response into a problem. A proper problem+json body is taken as it is; anything
 * else (an HTML error page from a proxy, an empty body, broken JSON) still gives a readable problem
 * built from the status, so the page never shows raw markup or nothing at all.
 */
export function parseProblem(status: number, statusText: string, body: string): Problem {
  const fallback: Problem = {
    type: "about:blank",
    title: fallbackTitle(status, statusText),
    status,
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return fallback;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return fallback;
  const json = parsed as Record<string, unknown>;
  const problem: Problem = {
    type: optionalString(json.type) ?? fallback.type,
    title: optionalString(json.title) ?? fallback.title,
    status: typeof json.status === "number" ? json.status : status,
  };
  const detail = optionalString(json.detail);
  const instance = optionalString(json.instance);
  const requestId = optionalString(json.requestId);
  const pointer = optionalString(json.pointer);
  if (detail) problem.detail = detail;
  if (instance) problem.instance = instance;
  if (requestId) problem.requestId = requestId;
  if (pointer) problem.pointer = pointer;
  return problem;
}

/** The problem for a request that never got an answer. */
export function networkProblem(): Problem {
  return {
    type: "about:blank",
    title: "Could not reach the FlowForge server; check that it is running and try again",
    status: 0,
  };
}

/** One sentence for a person: the detail (what is wrong and how to fix it), else the title. */
export function problemMessage(problem: Problem): string {
  const text = problem.detail ?? problem.title;
  if (problem.pointer && !text.includes(problem.pointer)) {
    return `${text} (field ${problem.pointer})`;
  }
  return text;
}
