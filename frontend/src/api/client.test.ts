import { describe, expect, it } from "vitest";
import { FakeServer, FakeXhr } from "../testing/fakeNetwork";
import { createApiClient } from "./client";
import { ApiError } from "./problem";

function clientFor(server: FakeServer, onUnauthorized = () => {}) {
  return createApiClient({
    getToken: () => server.token,
    onUnauthorized,
    fetch: server.fetch,
    createXhr: () => new FakeXhr(server) as unknown as XMLHttpRequest,
  });
}

describe("createApiClient", () => {
  it("sends the bearer token and unwraps item lists", async () => {
    const server = new FakeServer("t1");
    server.addWorkspace("Demo");

    const workspaces = await clientFor(server).listWorkspaces();

    expect(workspaces.map((w) => w.name)).toEqual(["Demo"]);
    expect(server.requests[0]).toMatchObject({
      method: "GET",
      url: "/api/workspaces",
      headers: { authorization: "Bearer t1", accept: "application/json" },
    });
  });

  it("rejects with the problem and reports a 401", async () => {
    const server = new FakeServer("right");
    let unauthorized = 0;
    const api = createApiClient({
      getToken: () => "wrong",
      onUnauthorized: () => unauthorized++,
      fetch: server.fetch,
    });

    const error = await api.listWorkspaces().catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(401);
    expect((error as ApiError).message).toContain("bearer token is missing or wrong");
    expect(unauthorized).toBe(1);
  });

  it("turns a request that gets no answer into a readable error", async () => {
    const api = createApiClient({
      getToken: () => "t",
      fetch: () => Promise.reject(new TypeError("Failed to fetch")),
    });

    await expect(api.getWorkspace("w1")).rejects.toThrow("Could not reach the FlowForge server");
  });

  it("keeps the bearer token off an upload URL on another origin, such as presigned S3", async () => {
    const server = new FakeServer("secret");
    const upload = clientFor(server).uploadFile(
      {
        url: "https://bucket.s3.amazonaws.com/key?X-Amz-Signature=abc",
        method: "PUT",
        headers: { "Content-Type": "text/csv" },
      },
      new Blob(["a\n1\n"]),
    );

    const xhr = FakeXhr.latest as FakeXhr;
    xhr.finish();
    await upload;

    expect(xhr.headers).toEqual({ "Content-Type": "text/csv" });
  });

  it("reports progress and rejects an upload the store refuses with its problem", async () => {
    const server = new FakeServer("t");
    const seen: number[] = [];
    const upload = clientFor(server).uploadFile(
      { url: "/blobs/d1", method: "PUT", headers: {} },
      new Blob(["abcd"]),
      (loaded) => seen.push(loaded),
    );
    const xhr = FakeXhr.latest as FakeXhr;

    xhr.progress(2, 4);
    xhr.status = 413;
    xhr.responseText = JSON.stringify({
      type: "https://flowforge.dev/problems/too-large",
      title: "Too large",
      status: 413,
      detail: "The file is over the 100 MB limit; upload a sample.",
    });
    xhr.onload?.(new ProgressEvent("load"));

    await expect(upload).rejects.toThrow("The file is over the 100 MB limit; upload a sample.");
    expect(seen).toEqual([2]);
  });
});
