// @vitest-environment node
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "./routes";

// The OpenAPI document is the contract the backend serves at /api/openapi.json.
const documentPath = fileURLToPath(
  new URL("../../../functions/src/main/resources/openapi.json", import.meta.url),
);

interface OpenApiDocument {
  paths?: Record<string, Record<string, unknown>>;
}

// Until the backend ships the document there is nothing to check against; once it exists every
// client route must be in it.
const document: OpenApiDocument | null = existsSync(documentPath)
  ? (JSON.parse(readFileSync(documentPath, "utf8")) as OpenApiDocument)
  : null;

describe.skipIf(document === null)("API client against openapi.json", () => {
  const paths = document?.paths ?? {};

  it.each(Object.entries(apiRoutes))("%s is a route of the document", (_, route) => {
    const operations = paths[route.path];
    expect(operations, `${route.path} is not a path in openapi.json`).toBeDefined();
    expect(
      Object.keys(operations ?? {}),
      `${route.method} ${route.path} is not an operation in openapi.json`,
    ).toContain(route.method.toLowerCase());
  });
});
