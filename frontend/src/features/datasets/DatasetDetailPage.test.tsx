import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import type { Dataset, Workspace } from "../../api/types";
import { FakeServer } from "../../testing/fakeNetwork";
import { renderApp } from "../../testing/renderApp";

let server: FakeServer;
let demo: Workspace;
let dataset: Dataset;

beforeEach(() => {
  server = new FakeServer("dev-token");
  demo = server.addWorkspace("Demo");
  dataset = server.addDataset(demo.id, {
    name: "customers",
    fileName: "customers.csv",
    sizeBytes: 1536,
    rowCount: 42,
    columns: [
      { name: "customer_id", type: "BIGINT" },
      { name: "email", type: "VARCHAR" },
    ],
  });
});

function openDataset() {
  return renderApp(server, { hash: `#/workspaces/${demo.id}/datasets/${dataset.id}` });
}

describe("dataset detail", () => {
  it("shows the metadata and each column with its type", async () => {
    openDataset();

    expect(await screen.findByRole("heading", { level: 1, name: "customers" })).toBeTruthy();
    const details = screen.getByRole("region", { name: "Details" });
    expect(within(details).getByText("customers.csv")).toBeTruthy();
    expect(within(details).getByText("1.5 KB")).toBeTruthy();
    expect(within(details).getByText("42")).toBeTruthy();
    const columns = screen.getByRole("table", { name: "Columns" });
    const rows = within(columns).getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual(["customer_idBIGINT", "emailVARCHAR"]);
  });

  it("deletes after confirmation and goes back to the list", async () => {
    const { user } = openDataset();

    await user.click(await screen.findByRole("button", { name: "Delete dataset" }));
    const dialog = screen.getByRole("alertdialog", { name: "Delete customers?" });
    expect(document.activeElement).toBe(within(dialog).getByRole("button", { name: "Cancel" }));
    await user.click(within(dialog).getByRole("button", { name: "Delete" }));

    await waitFor(() => expect(window.location.hash).toBe(`#/workspaces/${demo.id}`));
    expect(await screen.findByText(/No datasets yet/)).toBeTruthy();
    expect(server.datasets).toEqual([]);
  });

  it("keeps the dataset when the person cancels, with focus back on the delete button", async () => {
    const { user } = openDataset();

    await user.click(await screen.findByRole("button", { name: "Delete dataset" }));
    await user.keyboard("{Escape}");

    expect(screen.queryByRole("alertdialog")).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Delete dataset" }));
    expect(server.datasets).toHaveLength(1);
  });

  it("explains a dataset that is not there", async () => {
    renderApp(server, { hash: `#/workspaces/${demo.id}/datasets/gone` });

    expect((await screen.findByRole("alert")).textContent).toContain("Not found");
    expect(screen.getByRole("link", { name: "← All datasets" }).getAttribute("href")).toBe(
      `#/workspaces/${demo.id}`,
    );
  });
});
