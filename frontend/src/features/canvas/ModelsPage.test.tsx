import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { ApiProvider } from "../../api/ApiContext";
import type { ApiClient } from "../../api/client";
import type { Dataset, ModelRequestBody, SavedModel } from "../../api/types";
import { ModelsPage } from "./ModelsPage";
import { kimballModel } from "./fixtures";

function dataset(id: string, name: string): Dataset {
  return {
    id,
    workspaceId: "w1",
    name,
    fileName: `${name}.csv`,
    format: "csv",
    status: "READY",
    sizeBytes: 10,
    createdAt: "2026-01-01T00:00:00Z",
    version: 1,
  };
}

/** The model routes of the API as the page uses them: generate follows the SCD option it is sent. */
function fakeApi() {
  const saved: SavedModel[] = [];
  const savedBodies: string[] = [];
  const generateModel = vi.fn(async (_: string, request: ModelRequestBody) =>
    kimballModel(request.options?.scdTypes?.dim_product ?? 2),
  );
  const saveModel = vi.fn(async (_: string, request: ModelRequestBody & { name: string }) => {
    const model: SavedModel = {
      id: "mdl_1",
      workspaceId: "w1",
      name: request.name,
      style: "kimball",
      latestVersion: 1,
      createdAt: "2026-01-01T00:00:00Z",
      updatedAt: "2026-01-01T00:00:00Z",
    };
    saved.splice(0, saved.length, model);
    // Like the server: the same request again is the same content, so the save changes nothing.
    const unchanged = savedBodies.includes(JSON.stringify(request));
    savedBodies.push(JSON.stringify(request));
    return {
      model,
      outcome: unchanged ? ("UNCHANGED" as const) : ("CREATED" as const),
      version: {
        modelId: "mdl_1",
        workspaceId: "w1",
        version: 1,
        contentHash: "abc",
        createdAt: "2026-01-01T00:00:00Z",
        model: await generateModel("w1", request),
        source: { datasetIds: request.datasetIds, style: "KIMBALL" as const, options: {} },
      },
    };
  });
  const api = {
    listDatasets: async () => [dataset("d1", "product"), dataset("d2", "productcategory")],
    listModels: async () => [...saved],
    listModelVersions: async () => [{ version: 1, contentHash: "abc", createdAt: "" }],
    generateModel,
    saveModel,
  } as unknown as ApiClient;
  return { api, generateModel, saveModel };
}

function renderPage(api: ApiClient, modelId: string | null = null) {
  const user = userEvent.setup();
  render(
    <ApiProvider value={api}>
      <ModelsPage workspaceId="w1" modelId={modelId} />
    </ApiProvider>,
  );
  return user;
}

describe("ModelsPage", () => {
  it("generates a model from the chosen datasets and shows its tables on the canvas", async () => {
    const { api, generateModel } = fakeApi();
    const user = renderPage(api);

    await user.click(await screen.findByRole("checkbox", { name: "product" }));
    await user.click(screen.getByRole("checkbox", { name: "productcategory" }));
    await user.click(screen.getByRole("radio", { name: "Kimball star" }));
    await user.click(screen.getByRole("button", { name: "Generate" }));

    const canvas = await screen.findByRole("region", { name: "Model canvas" });
    expect(
      await within(canvas).findByRole("article", { name: "Dimension dim_product" }),
    ).toBeTruthy();
    expect(within(canvas).getByRole("article", { name: "Date dimension dim_date" })).toBeTruthy();
    expect(within(canvas).getByText("SCD 2")).toBeTruthy();
    expect(generateModel).toHaveBeenCalledWith("w1", {
      style: "kimball",
      datasetIds: ["d1", "d2"],
      options: {},
    });
  });

  it("shows a selected table's SQL by artifact and its decisions", async () => {
    const { api } = fakeApi();
    const user = renderPage(api);
    await user.click(await screen.findByRole("checkbox", { name: "product" }));
    await user.click(screen.getByRole("button", { name: "Generate" }));

    await user.selectOptions(await screen.findByRole("combobox", { name: "Table" }), "dim_product");

    expect(screen.getByRole("tabpanel").textContent).toContain("CREATE TABLE mart.dim_product");
    await user.click(screen.getByRole("tab", { name: "ETL" }));
    expect(screen.getByRole("tabpanel").textContent).toContain("MERGE INTO mart.dim_product");
    const decisions = screen.getByRole("region", { name: "Decisions" });
    expect(decisions.textContent).toContain("SCD type 2");
    expect(decisions.textContent).toContain("80%");
    expect(decisions.textContent).not.toContain("conformed date dimension");
  });

  it("re-renders with a changed SCD type and saves the model", async () => {
    const { api, generateModel, saveModel } = fakeApi();
    const user = renderPage(api);
    await user.click(await screen.findByRole("checkbox", { name: "product" }));
    await user.click(screen.getByRole("button", { name: "Generate" }));

    await user.selectOptions(
      await screen.findByRole("combobox", { name: "SCD type for dim_product" }),
      "1",
    );

    await waitFor(() => expect(screen.getByText("SCD 1")).toBeTruthy());
    expect(generateModel).toHaveBeenLastCalledWith("w1", {
      style: "kimball",
      datasetIds: ["d1"],
      options: { scdTypes: { dim_product: 1 } },
    });
    await user.type(screen.getByRole("textbox", { name: "Model name" }), "Product star");
    await user.click(screen.getByRole("button", { name: "Save model" }));

    expect(await screen.findByText("Saved as version 1.")).toBeTruthy();
    expect(saveModel).toHaveBeenCalledWith("w1", {
      style: "kimball",
      datasetIds: ["d1"],
      options: { scdTypes: { dim_product: 1 } },
      name: "Product star",
    });
    const list = screen.getByRole("region", { name: "Saved models" });
    expect(
      (await within(list).findByRole("link", { name: "Product star" })).getAttribute("href"),
    ).toBe("#/workspaces/w1/models/mdl_1");
    expect(window.location.hash).toBe("#/workspaces/w1/models/mdl_1");
    expect(screen.getByRole("combobox", { name: "Version" })).toBeTruthy();
  });

  it("says so when saving again changed nothing", async () => {
    const { api, saveModel } = fakeApi();
    const user = renderPage(api);
    await user.click(await screen.findByRole("checkbox", { name: "product" }));
    await user.click(screen.getByRole("button", { name: "Generate" }));
    await user.type(await screen.findByRole("textbox", { name: "Model name" }), "Star");
    await user.click(screen.getByRole("button", { name: "Save model" }));
    await screen.findByText("Saved as version 1.");

    await user.click(screen.getByRole("button", { name: "Save model" }));

    expect(
      await screen.findByText("Nothing changed since version 1; no new version was saved."),
    ).toBeTruthy();
    expect(saveModel).toHaveBeenCalledTimes(2);
  });

  it("opens the latest version of the model the address names", async () => {
    const { api } = fakeApi();
    const getModelVersion = vi.fn(async () => ({
      modelId: "mdl_9",
      workspaceId: "w1",
      version: 3,
      contentHash: "h",
      createdAt: "2026-01-01T00:00:00Z",
      model: kimballModel(1),
      source: { datasetIds: ["d1"], style: "KIMBALL" as const, options: {} },
    }));
    Object.assign(api, {
      getModel: async () => ({
        id: "mdl_9",
        workspaceId: "w1",
        name: "From the assistant",
        style: "kimball",
        latestVersion: 3,
        createdAt: "",
        updatedAt: "",
      }),
      getModelVersion,
    });

    renderPage(api, "mdl_9");

    expect(
      await screen.findByRole("heading", { name: "From the assistant · version 3" }),
    ).toBeTruthy();
    expect(screen.getByText("Showing version 3.")).toBeTruthy();
    expect(
      within(screen.getByRole("region", { name: "Model canvas" })).getByText("SCD 1"),
    ).toBeTruthy();
    expect(getModelVersion).toHaveBeenCalledWith("w1", "mdl_9", 3);
  });
});
