import { describe, expect, it } from "vitest";
import { hrefFor, matchRoute, pathOfHash } from "./router";

const routes = [
  { name: "home", pattern: "/" },
  { name: "workspace", pattern: "/workspaces/:workspaceId" },
  { name: "dataset", pattern: "/workspaces/:workspaceId/datasets/:datasetId" },
];

describe("matchRoute", () => {
  it("matches the root", () => {
    expect(matchRoute("/", routes)).toEqual({ name: "home", params: {} });
  });

  it("extracts and decodes parameters", () => {
    expect(matchRoute("/workspaces/w%201/datasets/d-9", routes)).toEqual({
      name: "dataset",
      params: { workspaceId: "w 1", datasetId: "d-9" },
    });
  });

  it("ignores a trailing slash", () => {
    expect(matchRoute("/workspaces/w1/", routes)?.name).toBe("workspace");
  });

  it("matches nothing for an unknown path or a wrong literal segment", () => {
    expect(matchRoute("/nowhere", routes)).toBeNull();
    expect(matchRoute("/workspaces/w1/tables/t1", routes)).toBeNull();
  });

  it("matches nothing when a parameter is not valid percent-encoding", () => {
    expect(matchRoute("/workspaces/%E0%A4%A", routes)).toBeNull();
  });
});

describe("hrefFor", () => {
  it("builds a hash href that round-trips through matchRoute", () => {
    const href = hrefFor("/workspaces/:workspaceId/datasets/:datasetId", {
      workspaceId: "a/b",
      datasetId: "c",
    });

    expect(href).toBe("#/workspaces/a%2Fb/datasets/c");
    expect(matchRoute(pathOfHash(href), routes)?.params).toEqual({
      workspaceId: "a/b",
      datasetId: "c",
    });
  });

  it("refuses a missing parameter", () => {
    expect(() => hrefFor("/workspaces/:workspaceId")).toThrow(":workspaceId");
  });
});

describe("pathOfHash", () => {
  it("treats an empty hash as the root", () => {
    expect(pathOfHash("")).toBe("/");
    expect(pathOfHash("#/workspaces/w1")).toBe("/workspaces/w1");
  });
});
