import { describe, expect, it } from "vitest";
import { apiRoutes, expandPath } from "./routes";

describe("expandPath", () => {
  it("fills every parameter of a template", () => {
    expect(
      expandPath(apiRoutes.completeDataset.path, { workspaceId: "w-1", datasetId: "d-2" }),
    ).toBe("/api/workspaces/w-1/datasets/d-2/complete");
  });

  it("encodes a value so it cannot add a path segment or a query", () => {
    expect(expandPath(apiRoutes.getWorkspace.path, { workspaceId: "../x?y=1" })).toBe(
      "/api/workspaces/..%2Fx%3Fy%3D1",
    );
  });

  it("refuses to build a path with a parameter missing", () => {
    expect(() => expandPath(apiRoutes.getDataset.path, { workspaceId: "w" })).toThrow(
      'Path parameter "datasetId" is missing',
    );
  });
});
