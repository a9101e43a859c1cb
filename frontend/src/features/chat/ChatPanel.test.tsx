import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import type { ChatSuggestion, Workspace } from "../../api/types";
import { FakeServer } from "../../testing/fakeNetwork";
import { renderApp } from "../../testing/renderApp";

let server: FakeServer;
let demo: Workspace;

const suggestion = (id: string, scdType: number): ChatSuggestion => ({
  id,
  title: `dim_product (SCD Type ${scdType})`,
  content: {
    request: { kind: "DIMENSION", sourceTables: ["product", "productcategory"], scdType },
    reactflow_model: {
      nodes: [
        node("product_raw", "bronze", 0),
        node("dim_product", "dimension", 400),
        node("dim_date", "dimension", 800),
      ],
      edges: [{ id: "e1", source: "product_raw", target: "dim_product" }],
    },
    missing_tools: ["recommend_clustering"],
  },
  nodeCount: 3,
  templateCount: 7,
});

function node(id: string, kind: string, x: number) {
  return {
    id,
    type: kind,
    position: { x, y: 40 },
    width: 240,
    height: 120,
    data: { label: id, kind },
  };
}

beforeEach(() => {
  server = new FakeServer("dev-token");
  demo = server.addWorkspace("Demo");
  server.chat.answer = (message) =>
    message.includes("type 1")
      ? {
          text: "I'll regenerate the model as a Type 1 slowly changing dimension dim_product.",
          toolCalls: [{ tool: "generate_dimensional_model", status: "OK" }],
          suggestion: suggestion("sg2", 1),
        }
      : {
          text: "I'll design a Type 2 slowly changing dimension dim_product from product and productcategory.",
          toolCalls: [
            { tool: "get_table_metadata", status: "OK" },
            { tool: "find_relationships", status: "OK" },
            { tool: "generate_dimensional_model", status: "OK" },
            { tool: "recommend_clustering", status: "UNAVAILABLE" },
          ],
          suggestion: suggestion("sg1", 2),
        };
});

async function assistant() {
  return within(await screen.findByRole("region", { name: "Assistant" }));
}

describe("chat panel", () => {
  it("offers example requests, answers one with its tool calls and previews the suggestion", async () => {
    const { user } = renderApp(server);
    const panel = await assistant();

    await user.click(
      await panel.findByRole("button", {
        name: "Create a dimension based on product and productcategory",
      }),
    );

    const answer = await panel.findByRole("article", { name: "Assistant" });
    expect(answer.textContent).toContain("Type 2 slowly changing dimension dim_product");
    const calls = within(within(answer).getByRole("list", { name: "Tool calls" })).getAllByRole(
      "listitem",
    );
    expect(calls.map((call) => call.textContent)).toEqual([
      "get_table_metadata done",
      "find_relationships done",
      "generate_dimensional_model done",
      "recommend_clustering not available",
    ]);
    const preview = within(answer).getByRole("region", {
      name: "Suggestion: dim_product (SCD Type 2)",
    });
    expect(preview.textContent).toContain("3 tables · 7 generated files");
    expect(
      within(preview).getByRole("img", { name: "Preview of dim_product (SCD Type 2)" }),
    ).toBeTruthy();
    const tables = within(within(preview).getByRole("list", { name: "Tables in the suggestion" }));
    expect(tables.getAllByRole("listitem").map((item) => item.textContent)).toEqual([
      "product_raw (bronze)",
      "dim_product (dimension)",
      "dim_date (dimension)",
    ]);
    expect(preview.textContent).toContain("Not run: recommend_clustering.");
    expect(server.chat.conversations).toHaveLength(1);
    expect(panel.getByRole("article", { name: "You" }).textContent).toBe(
      "Create a dimension based on product and productcategory",
    );
  });

  it("refines the last suggestion in a second turn and applies it to the canvas once", async () => {
    const { user } = renderApp(server);
    const panel = await assistant();
    await user.type(
      panel.getByRole("textbox", { name: "Message" }),
      "create a dimension based on product and productcategory",
    );
    await user.click(panel.getByRole("button", { name: "Send" }));
    await panel.findByRole("region", { name: "Suggestion: dim_product (SCD Type 2)" });

    await user.type(
      panel.getByRole("textbox", { name: "Message" }),
      "make it type 1 instead{Enter}",
    );
    const refined = await panel.findByRole("region", {
      name: "Suggestion: dim_product (SCD Type 1)",
    });
    await user.click(within(refined).getByRole("button", { name: "Apply to canvas" }));

    expect(
      await within(refined).findByText("Added to the canvas as dim_product, version 1."),
    ).toBeTruthy();
    expect(
      within(refined).getByRole("link", { name: "Open on the canvas" }).getAttribute("href"),
    ).toBe(`#/workspaces/${demo.id}/models/mdl1`);
    await user.click(within(refined).getByRole("button", { name: "Apply to canvas" }));
    expect(
      await within(refined).findByText(
        "Already on the canvas as dim_product, version 1; nothing changed.",
      ),
    ).toBeTruthy();
    expect(panel.getAllByRole("article", { name: "You" })).toHaveLength(2);
    expect(server.chat.conversations).toHaveLength(1);
    expect(server.chat.messages.get(server.chat.conversations[0]!.id)).toHaveLength(4);
    expect((panel.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement).value).toBe("");
    expect(server.requests.filter((r) => r.url.endsWith("/apply")).map((r) => r.url)).toEqual([
      `/api/workspaces/${demo.id}/conversations/cv1/suggestions/sg2/apply`,
      `/api/workspaces/${demo.id}/conversations/cv1/suggestions/sg2/apply`,
    ]);
  });

  it("shows a refusal's detail and keeps the typed message", async () => {
    server.chat.refuseWith = {
      type: "https://flowforge.dev/problems/budget-exhausted",
      title: "The workspace budget is used up",
      status: 429,
      detail: "This workspace has used 2000000 of its 2000000 language model tokens.",
    };
    const { user } = renderApp(server);
    const panel = await assistant();

    await user.type(panel.getByRole("textbox", { name: "Message" }), "what can you do?");
    await user.click(panel.getByRole("button", { name: "Send" }));

    expect((await panel.findByRole("alert")).textContent).toContain("language model tokens");
    expect((panel.getByRole("textbox", { name: "Message" }) as HTMLTextAreaElement).value).toBe(
      "what can you do?",
    );
    expect(panel.queryByRole("article", { name: "Assistant" })).toBeNull();
  });

  it("refuses to send an empty message without calling the server", async () => {
    const { user } = renderApp(server);
    const panel = await assistant();

    await user.click(panel.getByRole("button", { name: "Send" }));

    expect((await panel.findByRole("alert")).textContent).toContain("Write a message first");
    expect(
      server.requests.some((r) => r.url.endsWith("/conversations") && r.method === "POST"),
    ).toBe(false);
  });

  it("opens the latest conversation and switches to an earlier one from the history", async () => {
    const older = server.chat.start(demo.id, "Customers as SCD 2");
    server.chat.messages.get(older.id)!.push({
      id: "m1",
      conversationId: older.id,
      sequence: 0,
      role: "user",
      text: "generate a type 2 SCD for customers",
      toolCalls: [],
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      createdAt: "2026-01-02T03:04:05Z",
    });
    server.chat.start(demo.id, "Vault");
    const { user } = renderApp(server);
    const panel = await assistant();
    const history = await panel.findByRole("combobox", { name: "History" });
    expect((history as HTMLSelectElement).selectedOptions[0]?.textContent).toBe("Vault");
    expect(panel.getByRole("list", { name: "Example requests" })).toBeTruthy();

    await user.selectOptions(history, "Customers as SCD 2");

    await waitFor(() =>
      expect(panel.getByRole("article", { name: "You" }).textContent).toBe(
        "generate a type 2 SCD for customers",
      ),
    );
  });
});
