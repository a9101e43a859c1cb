import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { ApiProvider } from "../../api/ApiContext";
import { createApiClient } from "../../api/client";
import type { Dataset, StoredProfile } from "../../api/types";
import { ProfileStep } from "./ProfileStep";

const dataset: Dataset = {
  id: "ds_1",
  workspaceId: "ws_1",
  name: "bank_transactions",
  fileName: "bank_transactions.csv",
  format: "csv",
  status: "READY",
  sizeBytes: 2048,
  rowCount: 3,
  createdAt: "2026-01-02T03:04:05Z",
  version: 1,
};

const profiled: StoredProfile = {
  datasetId: "ds_1",
  version: 1,
  profile: {
    name: "bank_transactions",
    rowCount: 3,
    columns: [
      {
        name: "transaction_id",
        inferredType: "INTEGER",
        nullRatio: 0,
        distinct: { value: 3, exact: true },
      },
      {
        name: "amount",
        inferredType: "DECIMAL",
        nullRatio: 1 / 3,
        distinct: { value: 2, exact: true },
      },
    ],
  },
  createdAt: "2026-01-02T03:05:00Z",
};

/**
 * The network behind the real API client: no profile yet, and a profile run that answers only
 * when the test lets it, so what the page shows meanwhile can be checked.
 */
function profilingNetwork() {
  let finish: (response: Response) => void = () => undefined;
  const fetch = async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const path = new URL(String(input), "http://127.0.0.1").pathname;
    if (path.endsWith("/profile") && init.method === "POST") {
      return new Promise<Response>((resolve) => (finish = resolve));
    }
    return new Response(
      JSON.stringify({ type: "about:blank", title: "Not found", status: 404, detail: "none yet" }),
      { status: 404, headers: { "Content-Type": "application/problem+json" } },
    );
  };
  const api = createApiClient({ getToken: () => "t", fetch });
  const answer = () =>
    finish(
      new Response(JSON.stringify(profiled), {
        status: 201,
        headers: { "Content-Type": "application/json" },
      }),
    );
  return { api, answer };
}

describe("profile step", () => {
  it("shows progress while the dataset profiles, then what was measured", async () => {
    const network = profilingNetwork();
    render(
      <ApiProvider value={network.api}>
        <ProfileStep dataset={dataset} />
      </ApiProvider>,
    );
    const user = userEvent.setup();

    await user.click(await screen.findByRole("button", { name: "Profile dataset" }));
    expect(screen.getByRole("progressbar", { name: "Profiling progress" })).toBeTruthy();
    expect(screen.getByText("Profiling bank_transactions (3 rows)…")).toBeTruthy();
    network.answer();

    expect(await screen.findByText("Profile version 1: 3 rows, 2 columns.")).toBeTruthy();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("link", { name: "Continue to Bronze" }).getAttribute("href")).toBe(
      "#/workspaces/ws_1/datasets/ds_1/wizard/bronze",
    );
    const rows = screen.getAllByRole("row").slice(1);
    expect(rows.map((row) => row.textContent)).toEqual([
      "transaction_idINTEGER0 %3—",
      "amountDECIMAL33 %2—",
    ]);
  });
});
