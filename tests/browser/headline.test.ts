import { renderMessage, seasonNote } from "@relief/domain";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newPage, poll, settle, startApp, type TestApp } from "./support";

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

interface Summary {
  date: string;
  headline: { peopleCovered: number; bottleneckCategory: { categoryId: number } | null };
  categories: Array<{
    categoryId: number;
    code: string;
    quota: { required: boolean; seasonMonths: number[] | null };
    reservedFor: Array<{ dispatchRef: string; incident: { title: string } | null; people: number }>;
  }>;
}

describe("the dashboard's headline says what lies behind the figure", () => {
  it("names the seasonal quotas with their months, and the stock reserved for a dispatch by 调拨单 and incident", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "admin");
    // A flood at 木洞镇, planned and approved: its 调拨单 reserve stock, which the figure leaves out.
    const township = app.row<{ id: number }>("SELECT id FROM areas WHERE name = '木洞镇'").id;
    await app.mutate(page, "incidents.create", {
      type: "flood",
      title: "木洞镇洪涝",
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      areas: [{ areaId: township, affected: 6000, relocated: 1800 }],
    });
    const incidentId = app.row<{ id: number }>("SELECT id FROM incidents ORDER BY id DESC LIMIT 1").id;
    await app.mutate(page, "dispatch.plan", { incidentId });
    const planId = app.row<{ id: number }>(
      `SELECT id FROM dispatch_plans WHERE incident_id = ${incidentId}`,
    ).id;
    await app.mutate(page, "dispatch.approve", { planId });

    const summary = await app.query<Summary>(page, "coverage.summary", {});
    const bottleneck = summary.categories.find(
      (c) => c.categoryId === summary.headline.bottleneckCategory?.categoryId,
    );
    const [first] = bottleneck?.reservedFor ?? [];
    if (!first) throw new Error("the flood's orders reserve nothing of the bottleneck category");
    expect(first.incident?.title).toBe("木洞镇洪涝");

    await page.goto(new URL("/", app.url).href);
    await settle(page);
    const card = page.getByTestId("coverage-headline");
    const reserved = card.locator(
      `[data-testid="coverage-headline-reserved"][data-ref="${first.dispatchRef}"]`,
    );
    await poll(() => reserved.textContent()).toContain(`另有 ${first.people.toLocaleString("zh-CN")} 人份`);
    expect(await reserved.textContent()).toContain(
      `已预留给 ${first.dispatchRef}（木洞镇洪涝），预留库存不计入`,
    );

    // Every seasonal quota that counts says its months and whether it counts today.
    for (const category of summary.categories.filter((c) => c.quota.required && c.quota.seasonMonths)) {
      const note = seasonNote(category.quota.seasonMonths, summary.date);
      if (!note) continue;
      const line = card.locator(`[data-testid="coverage-headline-season"][data-code="${category.code}"]`);
      expect(await line.textContent()).toContain(renderMessage(note, "zh-CN"));
      const row = page.locator(`[data-testid="coverage-category-row"][data-code="${category.code}"]`);
      expect(await row.getByTestId("category-season").textContent()).toBe(renderMessage(note, "zh-CN"));
    }

    // The same in English.
    await page.getByTestId("language-switch").getByText("English", { exact: true }).click();
    await page.waitForFunction(() => document.documentElement.lang === "en-US");
    await poll(() => reserved.textContent()).toContain(
      `is reserved for ${first.dispatchRef} (木洞镇洪涝); reserved stock is not counted`,
    );
    await page.context().close();
  });
});
