import { act, screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import type { Workspace } from "../../api/types";
import { FakeServer, FakeXhr } from "../../testing/fakeNetwork";
import { renderApp } from "../../testing/renderApp";

let server: FakeServer;
let demo: Workspace;

beforeEach(() => {
  server = new FakeServer("dev-token");
  demo = server.addWorkspace("Demo");
  FakeXhr.latest = null;
});

function csv(name: string, text: string): File {
  return new File([text], name, { type: "text/csv" });
}

async function uploadForm() {
  return within(await screen.findByRole("form", { name: "Upload a dataset" }));
}

/** Opens the app, chooses the file in the upload form and presses Upload. */
async function uploadThroughPage(file: File) {
  const { user } = renderApp(server);
  const form = await uploadForm();
  await user.upload(form.getByLabelText("File"), file);
  await user.click(form.getByRole("button", { name: "Upload" }));
  return form;
}

function xhr(): FakeXhr {
  if (!FakeXhr.latest) throw new Error("no upload was sent");
  return FakeXhr.latest;
}

describe("workspace home", () => {
  it("opens the first workspace and lists its datasets with format, rows, columns and status", async () => {
    server.addWorkspace("Other");
    server.addDataset(demo.id, {
      name: "bank_transactions",
      rowCount: 250,
      columns: [
        { name: "transaction_id", type: "BIGINT" },
        { name: "amount", type: "DECIMAL(12,2)" },
      ],
    });

    renderApp(server);

    const table = await screen.findByRole("table", { name: "Datasets" });
    expect(window.location.hash).toBe(`#/workspaces/${demo.id}`);
    expect(screen.getByRole("heading", { level: 1, name: "Demo" })).toBeTruthy();
    expect(screen.getByRole<HTMLSelectElement>("combobox", { name: "Workspace" }).value).toBe(
      demo.id,
    );
    const row = within(table).getByRole("row", { name: /bank_transactions/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["CSV", "250", "2", "Ready"]);
    expect(within(row).getByRole("link", { name: "bank_transactions" }).getAttribute("href")).toBe(
      `#/workspaces/${demo.id}/datasets/${server.datasets[0]?.id}`,
    );
  });

  it("uploads a file with a progress bar and lists the new dataset", async () => {
    const { user } = renderApp(server);
    const form = await uploadForm();

    await user.upload(form.getByLabelText("File"), csv("customers.csv", "id,name\n1,Ann\n2,Bo\n"));
    expect(form.getByLabelText<HTMLInputElement>("Dataset name").value).toBe("customers");
    expect(form.getByLabelText<HTMLSelectElement>("Format").value).toBe("csv");
    await user.click(form.getByRole("button", { name: "Upload" }));

    await waitFor(() => expect(FakeXhr.latest).not.toBeNull());
    act(() => xhr().progress(8, 20));
    expect(
      form.getByRole<HTMLProgressElement>("progressbar", { name: "Upload progress" }).value,
    ).toBe(40);
    expect(form.getByRole("button", { name: "Uploading…" }).hasAttribute("disabled")).toBe(true);

    await act(async () => xhr().finish());

    expect(await form.findByText("Uploaded customers.")).toBeTruthy();
    const table = await screen.findByRole("table", { name: "Datasets" });
    const row = await within(table).findByRole("row", { name: /customers/ });
    expect(
      within(row)
        .getAllByRole("cell")
        .map((cell) => cell.textContent),
    ).toEqual(["CSV", "2", "2", "Ready"]);
    expect(xhr().method).toBe("PUT");
    expect(xhr().url).toBe(`/blobs/${server.datasets[0]?.id}`);
    expect(xhr().headers).toEqual({
      Authorization: "Bearer dev-token",
      "Content-Type": "application/octet-stream",
    });
    expect(await xhr().body?.text()).toBe("id,name\n1,Ann\n2,Bo\n");
    expect(server.requests.filter((r) => r.method === "POST").map((r) => r.url)).toEqual([
      `/api/workspaces/${demo.id}/datasets`,
      `/api/workspaces/${demo.id}/datasets/${server.datasets[0]?.id}/complete`,
    ]);
  });

  it("shows the server's explanation when it refuses the file, and lists nothing", async () => {
    server.rejectOnComplete = {
      type: "https://flowforge.dev/problems/unparseable-file",
      title: "The file cannot be read",
      status: 422,
      detail: "broken.csv is not valid CSV: line 3 has 4 fields where the header has 2.",
      requestId: "req-7",
    };
    const form = await uploadThroughPage(csv("broken.csv", "a,b\n1,2\n1,2,3,4\n"));
    await waitFor(() => expect(FakeXhr.latest).not.toBeNull());
    await act(async () => xhr().finish());

    const alert = await form.findByRole("alert");
    expect(alert.textContent).toContain("broken.csv is not valid CSV: line 3 has 4 fields");
    expect(alert.textContent).toContain("Request id: req-7");
    expect(screen.getByText(/No datasets yet/)).toBeTruthy();
  });

  it("removes the half-made dataset when the file never reaches the server", async () => {
    const form = await uploadThroughPage(csv("orders.csv", "id\n1\n"));
    await waitFor(() => expect(FakeXhr.latest).not.toBeNull());
    const datasetId = server.datasets[0]?.id;
    await act(async () => xhr().failNetwork());

    expect((await form.findByRole("alert")).textContent).toContain(
      "Could not reach the FlowForge server",
    );
    await waitFor(() => expect(server.datasets).toEqual([]));
    expect(server.requests.at(-1)).toMatchObject({
      method: "DELETE",
      url: `/api/workspaces/${demo.id}/datasets/${datasetId}`,
    });
  });

  it("asks for the format when the file name does not tell, and sends nothing", async () => {
    const form = await uploadThroughPage(csv("export.txt", "a\n1\n"));

    expect(form.getByRole("alert").textContent).toBe(
      "Choose the format of export.txt: CSV, JSON lines or Parquet.",
    );
    expect(server.requests.some((r) => r.method === "POST")).toBe(false);
  });

  it("refuses an empty file before sending it", async () => {
    const form = await uploadThroughPage(csv("empty.csv", ""));

    expect(form.getByRole("alert").textContent).toBe(
      "empty.csv is empty; choose a file with data in it.",
    );
    expect(server.datasets).toEqual([]);
  });

  it("suggests the name from the file, but keeps a name the person typed", async () => {
    const { user } = renderApp(server);
    const form = await uploadForm();
    const name = form.getByLabelText<HTMLInputElement>("Dataset name");

    await user.upload(form.getByLabelText("File"), csv("first.csv", "a\n1\n"));
    await user.upload(form.getByLabelText("File"), csv("second.parquet", "x"));
    expect(name.value).toBe("second");
    expect(form.getByLabelText<HTMLSelectElement>("Format").value).toBe("parquet");

    await user.clear(name);
    await user.type(name, "sales");
    await user.upload(form.getByLabelText("File"), csv("third.csv", "a\n1\n"));
    expect(name.value).toBe("sales");
  });

  it("creates a workspace and switches to it", async () => {
    const { user } = renderApp(server);

    await user.type(await screen.findByLabelText("New workspace name"), "Finance");
    await user.click(screen.getByRole("button", { name: "Create workspace" }));

    expect(await screen.findByRole("heading", { level: 1, name: "Finance" })).toBeTruthy();
    const created = server.workspaces.find((w) => w.name === "Finance");
    expect(window.location.hash).toBe(`#/workspaces/${created?.id}`);
    expect(screen.getByRole("option", { name: "Finance" })).toBeTruthy();
  });

  it("says so when the workspace in the address does not exist", async () => {
    renderApp(server, { hash: "#/workspaces/nope" });

    expect((await screen.findByRole("alert")).textContent).toContain("Not found");
  });
});
