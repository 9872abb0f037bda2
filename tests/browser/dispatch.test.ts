import { openReadOnlyDatabase } from "@relief/db";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseOption,
  launchBrowser,
  login,
  newPage,
  poll,
  screenshot,
  settle,
  startApp,
  type TestApp,
} from "./support";

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

function firstRow<Row>(query: string, ...params: unknown[]): Row {
  const database = openReadOnlyDatabase(app.databasePath);
  try {
    const row = database.sqlite.prepare(`${query} LIMIT 1`).get(...params) as Row | undefined;
    if (!row) throw new Error(`no row for ${query}`);
    return row;
  } finally {
    database.close();
  }
}

const TITLE = "木洞镇、麻柳嘴镇洪涝（测试）";

function plateList(): string[] {
  const database = openReadOnlyDatabase(app.databasePath);
  try {
    return (database.sqlite.prepare("SELECT plate FROM vehicles").all() as Array<{ plate: string }>).map(
      (v) => v.plate,
    );
  } finally {
    database.close();
  }
}

describe("调运方案", () => {
  it("a dispatcher plans a flood in 木洞镇 and 麻柳嘴镇 with the road to 丰盛镇 closed, reads it and plans again with a pinned warehouse", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "diaodu");

    // The incident, as the dispatcher reports it: two townships, started now (the form's default).
    await page.goto(new URL("/incidents", app.url).href);
    await page.getByTestId("incident-create").click();
    await page.getByTestId("incident-form-title").fill(TITLE);
    await chooseOption(page, "incident-area-township-0", "木洞镇", { search: "木洞" });
    await page.getByTestId("incident-area-affected-0").fill("6000");
    await page.getByTestId("incident-area-relocated-0").fill("1800");
    await page.getByTestId("incident-area-add").click();
    await chooseOption(page, "incident-area-township-1", "麻柳嘴镇", { search: "麻柳" });
    await page.getByTestId("incident-area-affected-1").fill("3000");
    await page.getByTestId("incident-area-relocated-1").fill("900");
    await page.getByTestId("incident-form-ok").click();
    await page.waitForURL(/\/incidents\/\d+$/);
    const incidentId = Number(new URL(page.url()).pathname.split("/").pop());

    // The landslide closes the road to 丰盛镇 from 双河口镇.
    await page.goto(new URL("/roads?name=丰盛", app.url).href);
    await page.getByTestId("road-close-R061").click();
    await page.getByTestId("road-reason").fill("山体滑坡");
    await page.getByTestId("road-status-ok").click();
    await poll(
      async () => firstRow<{ status: string }>("SELECT status FROM road_edges WHERE code = 'R061'").status,
    ).toBe("closed");

    // From the incident to its plan.
    await page.goto(new URL(`/incidents/${incidentId}`, app.url).href);
    await page.getByTestId("incident-plan-link").click();
    await page.waitForURL(new RegExp(`/incidents/${incidentId}/plan`));
    await poll(() => page.getByTestId("plan-incident-title").textContent()).toContain("木洞镇");
    await page.getByTestId("plan-none").waitFor();

    // Planning: the progress shows while the server works, then the first version.
    await page.getByTestId("plan-run").click();
    await page.getByTestId("plan-summary").waitFor({ timeout: 60_000 });
    await poll(() => page.getByTestId("plan-version").textContent()).toMatch(/第 1 版/);
    const served = Number(
      await page
        .getByTestId("plan-summary-served")
        .locator(".ant-statistic-content-value")
        .textContent()
        .then((t) => t?.replace(/,/g, "")),
    );
    expect(served).toBeGreaterThan(0);
    expect(["true", "false"]).toContain(await page.getByTestId("plan-verdict").getAttribute("data-value"));

    // The map: a drawn canvas, and a legend naming each route by its vehicle's plate.
    await expect(page.getByTestId("plan-map").locator("canvas").count()).resolves.toBeGreaterThan(0);
    const routes = page.getByTestId("plan-map-route");
    await poll(() => routes.count()).toBeGreaterThan(0);
    const plates = plateList();
    for (const name of await routes.allTextContents()) {
      expect(
        plates.some((plate) => name.startsWith(plate)),
        name,
      ).toBe(true);
    }
    // Hiding a route and showing it again.
    await routes.first().click();
    await expect(routes.first().getAttribute("class")).resolves.not.toContain("checked");
    await routes.first().click();

    // The timeline, the areas and the unmet needs.
    await expect(page.getByTestId("plan-timeline").locator("canvas").count()).resolves.toBeGreaterThan(0);
    const areaNames = await page.getByTestId("plan-area-name").allTextContents();
    expect(areaNames.sort()).toEqual(["木洞镇", "麻柳嘴镇"].sort());
    // Stock runs short for these two townships: each unmet need says why and what would fix it.
    const unmet = page.getByTestId("plan-shortfall");
    await poll(() => unmet.count()).toBeGreaterThan(0);
    for (const row of await unmet.all()) {
      const reason = await row.getByTestId("plan-shortfall-reason").textContent();
      expect(["物资不足", "道路不通", "无法在时限内送达", "运力不足"]).toContain(reason);
      await expect(row.getByTestId("plan-suggestion").count()).resolves.toBeGreaterThan(0);
    }
    await settle(page);
    await screenshot(page, "dispatch-plan.png");

    // Pin one warehouse and plan again: a second version, planned from that warehouse only.
    const warehouse = firstRow<{ id: number; name: string }>(
      "SELECT id, name FROM warehouses WHERE code = 'MD01'",
    );
    await chooseOption(page, "plan-option-pinnedWarehouseIds", warehouse.name, { search: warehouse.name });
    await page.keyboard.press("Escape");
    await page.getByTestId("plan-replan").click();
    await poll(() => page.getByTestId("plan-version").textContent()).toMatch(/第 2 版/);
    await page.getByTestId("plan-summary").waitFor();
    const second = firstRow<{ options: string }>(
      "SELECT options FROM dispatch_plans WHERE incident_id = ? ORDER BY version DESC",
      incidentId,
    );
    expect(JSON.parse(second.options).pinnedWarehouseIds).toEqual([warehouse.id]);

    // The two versions side by side.
    await page.getByTestId("plan-compare").click();
    const figures = page.getByTestId("plan-compare-table").locator("tbody tr.ant-table-row");
    await poll(() => figures.count()).toBe(4);
    await page.context().close();
  });
});
