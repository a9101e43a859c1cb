import { beforeEach, describe, expect, it } from "vitest";
import { splitTokenFromHash, TokenStore } from "./token";

describe("splitTokenFromHash", () => {
  it("takes the token the launcher prints and leaves no fragment", () => {
    expect(splitTokenFromHash("#token=abc123")).toEqual({ token: "abc123", hash: "" });
  });

  it("keeps the page route that comes with the token", () => {
    expect(splitTokenFromHash("#/workspaces/w1&token=a%2Bb")).toEqual({
      token: "a+b",
      hash: "#/workspaces/w1",
    });
  });

  it("finds no token in a plain route", () => {
    expect(splitTokenFromHash("#/workspaces/w1")).toEqual({
      token: null,
      hash: "#/workspaces/w1",
    });
  });

  it("treats an empty token as no token", () => {
    expect(splitTokenFromHash("#token=").token).toBeNull();
  });
});

describe("TokenStore", () => {
  beforeEach(() => {
    sessionStorage.clear();
    window.history.replaceState(null, "", "/");
  });

  it("moves the token from the address bar into sessionStorage", () => {
    window.history.replaceState(null, "", "/#token=dev-token");
    const store = new TokenStore(sessionStorage);

    store.captureFromLocation(window.location, window.history);

    expect(store.get()).toBe("dev-token");
    expect(sessionStorage.getItem("flowforge.token")).toBe("dev-token");
    expect(window.location.href).not.toContain("dev-token");
  });

  it("keeps a stored token when the address has none", () => {
    sessionStorage.setItem("flowforge.token", "earlier");
    window.history.replaceState(null, "", "/#/workspaces/w1");
    const store = new TokenStore(sessionStorage);

    store.captureFromLocation(window.location, window.history);

    expect(store.get()).toBe("earlier");
    expect(window.location.hash).toBe("#/workspaces/w1");
  });

  it("tells subscribers when the token changes", () => {
    const store = new TokenStore(sessionStorage);
    const seen: (string | null)[] = [];
    store.subscribe(() => seen.push(store.get()));

    store.set(" pasted ");
    store.clear();

    expect(seen).toEqual(["pasted", null]);
  });
});
