import { describe, expect, it } from "vitest";
import { ApiError, parseProblem, problemMessage } from "./problem";

describe("parseProblem", () => {
  it("keeps every field of a problem+json body", () => {
    const body = JSON.stringify({
      type: "https://flowforge.dev/problems/invalid-request",
      title: "Invalid request",
      status: 400,
      detail: "name must not be blank; give the dataset a name",
      instance: "/api/workspaces/w1/datasets",
      requestId: "req-42",
      pointer: "/name",
    });

    const problem = parseProblem(400, "Bad Request", body);

    expect(problem).toEqual({
      type: "https://flowforge.dev/problems/invalid-request",
      title: "Invalid request",
      status: 400,
      detail: "name must not be blank; give the dataset a name",
      instance: "/api/workspaces/w1/datasets",
      requestId: "req-42",
      pointer: "/name",
    });
  });

  it("explains the status when the body is an HTML error page", () => {
    const problem = parseProblem(502, "Bad Gateway", "<html><body>Bad gateway</body></html>");

    expect(problem.status).toBe(502);
    expect(problem.title).toBe("The server failed to answer (HTTP 502)");
    expect(problem.detail).toBeUndefined();
  });

  it("explains a 401 with an empty body in words", () => {
    expect(parseProblem(401, "", "").title).toBe("The access token is missing or no longer valid");
  });

  it("falls back on the status text for an unlisted status with a JSON array body", () => {
    expect(parseProblem(418, "I'm a teapot", "[1,2]").title).toBe("I'm a teapot (HTTP 418)");
  });

  it("ignores fields of the wrong type instead of showing them", () => {
    const problem = parseProblem(
      404,
      "Not Found",
      JSON.stringify({ title: 7, detail: { x: 1 }, status: "404" }),
    );

    expect(problem).toEqual({ type: "about:blank", title: "Not found", status: 404 });
  });
});

describe("problemMessage", () => {
  it.each([
    [
      "names the field the detail does not mention",
      "sizeBytes must be a positive number",
      "/sizeBytes",
      "sizeBytes must be a positive number (field /sizeBytes)",
    ],
    [
      "does not repeat a field the detail already names",
      "/format must be csv, jsonl or parquet",
      "/format",
      "/format must be csv, jsonl or parquet",
    ],
  ])("prefers the detail and %s", (_, detail, pointer, expected) => {
    const problem = { type: "t", title: "Invalid request", status: 400, detail, pointer };

    expect(problemMessage(problem)).toBe(expected);
  });

  it("uses the title when there is no detail, and ApiError carries it as its message", () => {
    const error = new ApiError({ type: "t", title: "Not found", status: 404 });

    expect(error.message).toBe("Not found");
    expect(error.status).toBe(404);
  });
});
