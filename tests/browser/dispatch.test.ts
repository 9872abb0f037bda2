import { openReadOnlyDatabase } from "@relief/db";
import type { Browser, Page } from "playwright-core";
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

/** A mutation of the API with the page's own session cookie; its answer's data. */
async function apiMutation<T>(page: Page, path: string, input: unknown): Promise<T> {
  const response = await page.request.post(new URL(`/trpc/${path}`, app.url).href, { data: input });
  expect(response.ok(), await response.text()).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

const areaId = (name: string) => firstRow<{ id: number }>("SELECT id FROM areas WHERE name = ?", name).id;

describe("调运方案", () => {
  it("a dispatcher plans a flood in 木洞镇 and 麻柳嘴镇 with the road to 丰盛镇 closed, reads it and plans again with a pinned warehouse", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "diaodu");

    // The incident and the closed road go through the API: this story is about the plan page.
    const incident = await apiMutation<{ id: number }>(page, "incidents.create", {
      type: "flood",
      title: "木洞镇、麻柳嘴镇洪涝（测试）",
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      areas: [
        { areaId: areaId("木洞镇"), affected: 6000, relocated: 1800 },
        { areaId: areaId("麻柳嘴镇"), affected: 3000, relocated: 900 },
      ],
    });
    const road = firstRow<{ id: number; name: string }>(
      "SELECT id, name FROM road_edges WHERE code = 'R061'",
    );
    expect(road.name).toBe("双河口—丰盛公路");
    await apiMutation(page, "roads.setStatus", {
      edgeId: road.id,
      status: "closed",
      reason: "山体滑坡",
    });

    await page.goto(new URL(`/incidents/${incident.id}/plan`, app.url).href);
    await expect.poll(() => page.getByTestId("plan-incident-title").textContent()).toContain("木洞镇");
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

    // The map: a drawn canvas, and a legend naming each route by its vehicle.
    await expect(page.getByTestId("plan-map").locator("canvas").count()).resolves.toBeGreaterThan(0);
    const routes = page.getByTestId("plan-map-route");
    await poll(() => routes.count()).toBeGreaterThan(0);
    const routeNames = await routes.allTextContents();
    expect(routeNames.every((name) => name.trim().length > 0)).toBe(true);
    // Hiding a route and showing it again.
    await routes.first().click();
    await expect(routes.first().getAttribute("class")).resolves.not.toContain("checked");
    await routes.first().click();

    // The timeline, the areas and the unmet needs.
    await expect(page.getByTestId("plan-timeline").locator("canvas").count()).resolves.toBeGreaterThan(0);
    const areaNames = await page.getByTestId("plan-area-name").allTextContents();
    expect(areaNames.sort()).toEqual(["木洞镇", "麻柳嘴镇"].sort());
    const unmet = page.getByTestId("plan-shortfall");
    if ((await unmet.count()) > 0) {
      const reasons = await page.getByTestId("plan-shortfall-reason").allTextContents();
      expect(reasons.every((r) => ["物资不足", "道路不通", "无法在时限内送达", "运力不足"].includes(r))).toBe(
        true,
      );
      await expect(page.getByTestId("plan-suggestion").count()).resolves.toBeGreaterThan(0);
    } else {
      await page.getByTestId("plan-shortfalls-none").waitFor();
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
      incident.id,
    );
    expect(JSON.parse(second.options).pinnedWarehouseIds).toEqual([warehouse.id]);

    // The two versions side by side.
    await page.getByTestId("plan-compare").click();
    await page.getByTestId("plan-compare-table").waitFor();
    await page.context().close();
  });
});
