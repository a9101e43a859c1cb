import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "./routes";

// The OpenAPI document is the contract the backend serves at /api/openapi.json.
// Vitest runs from the frontend folder; the backend's document sits beside it.
const documentPath = resolve(process.cwd(), "../functions/src/main/resources/openapi.json");

interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown>>;
}

const document = JSON.parse(readFileSync(documentPath, "utf8")) as OpenApiDocument;

describe("API client against openapi.json", () => {
  const paths = document.paths ?? {};

  it.each(Object.entries(apiRoutes))("%s is a route of the document", (_, route) => {
    const operations = paths[route.path];
    expect(operations, `${route.path} is not a path in openapi.json`).toBeDefined();
    expect(
      Object.keys(operations ?? {}),
      `${route.method} ${route.path} is not an operation in openapi.json`,
    ).toContain(route.method.toLowerCase());
  });
});
