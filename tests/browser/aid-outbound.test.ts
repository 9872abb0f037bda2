import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newPage, poll, screenshot, startApp, type TestApp } from "./support";

let app: TestApp;
let browser: Browser;

beforeAll(async () => {
  app = await startApp();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe("Banan helping a neighbour: a planned dispatch to its entry point", () => {
  it("plans 江津区's request for 100 tents into trips, and a keeper issues it as planned", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "diaodu");
    const jiangjin = app.row<{ id: number }>("SELECT id FROM neighbours WHERE name = '江津区'").id;
    const tent = app.row<{ id: number }>("SELECT id FROM items WHERE code = 'ZP-12'").id;
    const request = await app.mutate<{ id: number; number: string }>(page, "aid.request", {
      direction: "in",
      neighbourId: jiangjin,
      neededBy: new Date(Date.now() + 6 * 3_600_000).toISOString(),
      lines: [{ itemId: tent, quantity: 100 }],
    });

    // The dispatcher plans it from the request's page: trucks from warehouses to the entry point, in time.
    await page.goto(new URL(`/aid/${request.id}`, app.url).href);
    await page.getByTestId("aid-plan-run").click();
    const trips = page.getByTestId("aid-plan-trip");
    await poll(() => trips.count()).toBeGreaterThan(0);
    expect(await page.getByTestId("aid-plan-short").count()).toBe(0);
    await screenshot(page, "aid-outbound-plan.png");
    const stored = app.row<{ plan: string }>(
      "SELECT outbound_plan AS plan FROM aid_requests WHERE id = ?",
      request.id,
    );
    const plan = JSON.parse(stored.plan) as {
      trips: Array<{ warehouseCode: string; loads: Array<{ quantity: number }> }>;
    };
    expect(plan.trips.flatMap((t) => t.loads).reduce((sum, l) => sum + l.quantity, 0)).toBe(100);
    expect(await trips.first().textContent()).toContain(plan.trips[0]?.warehouseCode ?? "?");
    // A dispatcher does not post stock: no issue button for them.
    expect(await page.getByTestId("aid-plan-issue").count()).toBe(0);
    await page.context().close();

    // A keeper who may post in the planned warehouses issues it as planned: one mutual-aid issue per warehouse.
    const keeper = await newPage(browser);
    await login(keeper, app.url, "admin", `/aid/${request.id}`);
    await keeper.getByTestId("aid-plan-issue").click();
    await keeper.getByTestId("aid-plan-issue-ok").click();
    await poll(() => keeper.getByTestId("aid-status").getAttribute("data-value")).toBe("closed");
    await keeper.getByTestId("aid-plan-issued").waitFor();
    const issued = app.rows<{ reason: string; warehouse: string; quantity: number }>(
      `SELECT d.issue_reason AS reason, w.code AS warehouse, -SUM(l.on_hand_delta) AS quantity
       FROM stock_documents d JOIN ledger_lines l ON l.document_id = d.id JOIN warehouses w ON w.id = d.warehouse_id
       WHERE d.reference = ? GROUP BY d.id`,
      request.number,
    );
    expect(issued.every((r) => r.reason === "mutual_aid")).toBe(true);
    expect(new Set(issued.map((r) => r.warehouse))).toEqual(new Set(plan.trips.map((t) => t.warehouseCode)));
    expect(issued.reduce((sum, r) => sum + r.quantity, 0)).toBe(100);
    expect(await keeper.getByTestId("aid-plan-issue").count()).toBe(0);
    await keeper.context().close();
  });
});
