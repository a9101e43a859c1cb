import { screen } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { FakeServer } from "../testing/fakeNetwork";
import { renderApp } from "../testing/renderApp";

let server: FakeServer;

beforeEach(() => {
  server = new FakeServer("dev-token");
  server.addWorkspace("Demo");
});

describe("app", () => {
  it("asks for the token when the page was opened without one, then uses the pasted one", async () => {
    const { user, tokens } = renderApp(server, { token: null });

    await user.type(screen.getByLabelText("Access token"), "dev-token");
    await user.click(screen.getByRole("button", { name: "Use token" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Demo" })).toBeTruthy();
    expect(tokens.get()).toBe("dev-token");
    expect(server.requests[0]?.headers.authorization).toBe("Bearer dev-token");
  });

  it("forgets a refused token and asks again", async () => {
    const { tokens } = renderApp(server, { token: "stale" });

    expect(await screen.findByLabelText("Access token")).toBeTruthy();
    expect(tokens.get()).toBeNull();
  });

  it("marks the current page in the main navigation", async () => {
    renderApp(server);

    const nav = await screen.findByRole("navigation", { name: "Main" });
    expect(nav.querySelector('[aria-current="page"]')?.textContent).toBe("Datasets");
  });

  it("says a page does not exist instead of showing nothing", async () => {
    renderApp(server, { hash: "#/no/such/page" });

    expect(await screen.findByRole("heading", { level: 1, name: "Page not found" })).toBeTruthy();
  });
});
