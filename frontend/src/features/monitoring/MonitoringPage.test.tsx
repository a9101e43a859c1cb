import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import { createApiClient } from "../../api/client";
import type { RecordedAnomaly, SeriesPoint, Workspace } from "../../api/types";
import { App } from "../../app/App";
import { TokenStore } from "../../auth/token";
import { FakeServer } from "../../testing/fakeNetwork";
import { FakeMonitoring } from "./fakeMonitoring";

let server: FakeServer;
let monitoring: FakeMonitoring;
let demo: Workspace;

const day = (n: number) => `2026-01-${String(n).padStart(2, "0")}T02:00:00Z`;

function history(): SeriesPoint[] {
  const points: SeriesPoint[] = [];
  for (let n = 1; n <= 20; n++) {
    const banded = n > 14;
    points.push({
      at: day(n),
      value: n === 20 ? 310 : 1000 + (n % 3) * 10,
      markedExpected: false,
      expected: banded ? 1010 : null,
      lower: banded ? 950 : null,
      upper: banded ? 1070 : null,
      status: banded ? (n === 20 ? "ANOMALY" : "NORMAL") : "INSUFFICIENT_HISTORY",
    });
  }
  return points;
}

function drop(monitorId: string): RecordedAnomaly {
  return {
    id: "an_1",
    monitorId,
    job: "orders_daily",
    metric: "rows:silver.orders",
    window: day(20),
    detectedAt: day(20),
    status: "OPEN",
    version: 1,
    anomaly: {
      at: day(20),
      actual: 310,
      expected: 1010,
      lower: 950,
      upper: 1070,
      severity: "HIGH",
      confidence: 0.93,
      baseline: "MEDIAN_MAD",
      causes: [
        {
          kind: "QUALITY_DROP",
          explanation: "quality rule not_null_order_id pass rate fell from 99.0% to 72.0%",
          confidence: 0.77,
        },
        { kind: "WEEKEND", explanation: "2026-01-20 is a saturday", confidence: 0.55 },
      ],
    },
  };
}

beforeEach(() => {
  server = new FakeServer("dev-token");
  demo = server.addWorkspace("Demo");
  monitoring = new FakeMonitoring(server);
  const monitor = monitoring.addMonitor("orders_daily", "rows:silver.orders", history());
  monitoring.anomalies.push(drop(monitor.id));
});

function openMonitoring() {
  window.history.replaceState(null, "", `/#/workspaces/${demo.id}/monitoring`);
  const tokens = new TokenStore(sessionStorage);
  tokens.set(server.token);
  const api = createApiClient({ getToken: tokens.get, fetch: monitoring.fetch });
  const user = userEvent.setup();
  render(<App api={api} tokens={tokens} />);
  return { user };
}

describe("monitoring page", () => {
  it("plots the history with the band shaded and the anomaly marked", async () => {
    openMonitoring();

    const chart = await screen.findByRole("img", {
      name: /History of orders_daily rows:silver.orders/,
    });
    expect(chart.getAttribute("aria-label")).toContain("20 points, 1 anomalies");
    expect(chart.querySelector("[data-testid=band]")?.getAttribute("d")).toMatch(/^M.* Z$/);
    const marked = chart.querySelectorAll("[data-anomaly=true]");
    expect(marked).toHaveLength(1);
    expect(marked[0]?.textContent).toContain("Anomaly at 2026-01-20");
  });

  it("shows the alert card with expected against actual and ranked causes", async () => {
    openMonitoring();

    const card = await screen.findByRole("article", {
      name: "Alert: orders_daily rows:silver.orders",
    });
    expect(within(card).getByText("1,010 (950 to 1,070)")).toBeTruthy();
    expect(within(card).getByText("310")).toBeTruthy();
    const causes = within(within(card).getByRole("list", { name: "Likely causes" })).getAllByRole(
      "listitem",
    );
    expect(causes.map((cause) => cause.textContent)).toEqual([
      "quality rule not_null_order_id pass rate fell from 99.0% to 72.0% 77 %",
      "2026-01-20 is a saturday 55 %",
    ]);
  });

  it("marks an anomaly as expected and creates an exception rule for its day", async () => {
    const { user } = openMonitoring();

    const card = await screen.findByRole("article", { name: /Alert: orders_daily/ });
    await user.click(within(card).getByRole("button", { name: "Create exception rule" }));
    await user.click(within(card).getByRole("button", { name: "Mark as expected" }));

    await waitFor(() => expect(monitoring.anomalies[0]?.status).toBe("EXPECTED"));
    expect(monitoring.rules.map((rule) => rule.date)).toEqual(["2026-01-20"]);
    expect(await screen.findByText(/Exception rules: on 2026-01-20/)).toBeTruthy();
  });

  it("changes a monitor's sensitivity", async () => {
    const { user } = openMonitoring();

    const select = await screen.findByRole("combobox", {
      name: "Sensitivity of orders_daily rows:silver.orders",
    });
    await user.selectOptions(select, "HIGH");

    await waitFor(() => expect(monitoring.monitors[0]?.sensitivity).toBe("HIGH"));
  });

  it("creates the webhook secret once and puts it into the curl example", async () => {
    const { user } = openMonitoring();

    await user.click(await screen.findByRole("button", { name: "Create webhook secret" }));

    const secret = await screen.findByRole("textbox", { name: "Webhook secret (shown once)" });
    expect((secret as HTMLInputElement).value).toBe(monitoring.secret);
    const example = screen.getByLabelText("curl example").textContent ?? "";
    expect(example).toContain(`SECRET='${monitoring.secret}'`);
    expect(example).toContain(`x-flowforge-workspace: ${demo.id}`);
    expect(await screen.findByRole("button", { name: "Rotate secret" })).toBeTruthy();
  });

  it("lists each job with the jobs it depends on and its last run", async () => {
    monitoring.jobs.push(
      {
        job: "orders_daily",
        upstream: ["ingest_raw", "customers_daily"],
        upstreamSource: "report",
        lastRun: { runId: "run-20", status: "SUCCEEDED", startedAt: day(20) },
      },
      { job: "ingest_raw", upstream: [], lastRun: null },
    );
    openMonitoring();

    const table = await screen.findByRole("table", { name: "Jobs and their upstream jobs" });
    const rows = within(table).getAllByRole("row").slice(1);
    expect(rows.map((row) => within(row).getAllByRole("cell")[0]?.textContent)).toEqual([
      "ingest_raw, customers_daily",
      "—",
    ]);
    expect(within(rows[0] as HTMLElement).getByRole("rowheader").textContent).toBe("orders_daily");
    expect(rows[0]?.textContent).toContain("succeeded");
    expect(rows[1]?.textContent).toContain("none kept");
  });

  it("shows the server's reason when a destination is refused", async () => {
    const { user } = openMonitoring();

    await user.type(await screen.findByLabelText("Destination name"), "ops");
    await user.type(screen.getByLabelText("URL"), "ftp://example.com/hook");
    await user.click(screen.getByRole("button", { name: "Add destination" }));

    expect((await screen.findByRole("alert")).textContent).toContain("url must be https.");
    expect(monitoring.destinations).toEqual([]);
  });
});
