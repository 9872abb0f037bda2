import type { AppRouter } from "@relief/api";
import type { inferRouterOutputs } from "@trpc/server";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, login, newPage, poll, screenshot, settle, startApp, type TestApp } from "./support";

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

const firstId = (table: string, where = "1 = 1") =>
  app.rows<{ id: number }>(`SELECT id FROM "${table}" WHERE ${where} ORDER BY id DESC LIMIT 1`)[0]?.id ?? 0;

type Progress = inferRouterOutputs<AppRouter>["incidents"]["progress"];

describe("incident progress and summary report", () => {
  it("shows leaders what arrived, a short line short, and prints and exports the same figures", async () => {
    // The dispatcher's part, through the API: a flood at 木洞镇 planned, approved, every order departed and
    // received, the first with a line short.
    const dispatcher = await newPage(browser);
    await login(dispatcher, app.url, "diaodu");
    await app.mutate(dispatcher, "incidents.create", {
      type: "flood",
      title: "进度测试洪涝",
      startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      areas: [{ areaId: firstId("areas", "name = '木洞镇'"), affected: 600, relocated: 300 }],
    });
    const incidentId = firstId("incidents");
    await app.mutate(dispatcher, "dispatch.plan", { incidentId });
    await app.mutate(dispatcher, "dispatch.approve", { planId: firstId("dispatch_plans") });
    const orders = app.rows<{ id: number }>(
      `SELECT id FROM dispatch_orders WHERE incident_id = ${incidentId} ORDER BY id`,
    );
    for (const [index, order] of orders.entries()) {
      await app.mutate(dispatcher, "dispatch.depart", { orderId: order.id });
      const lines = app.rows<{ id: number; quantity: number }>(
        `SELECT id, quantity FROM dispatch_order_lines WHERE order_id = ${order.id} ORDER BY line_no`,
      );
      await app.mutate(dispatcher, "dispatch.receive", {
        orderId: order.id,
        signer: "木洞镇 李示例",
        lines: lines.map((line, i) =>
          index === 0 && i === 0
            ? {
                lineId: line.id,
                quantity: line.quantity - 1,
                discrepancy: { outcome: "lost", reason: "破损" },
              }
            : { lineId: line.id, quantity: line.quantity },
        ),
      });
    }
    await dispatcher.context().close();

    // The leader reads the progress page from the incident.
    const page = await newPage(browser);
    await login(page, app.url, "lingdao", `/incidents/${incidentId}`);
    await page.getByTestId("incident-progress-link").click();
    await page.getByTestId("progress-headline").waitFor();
    await settle(page);
    const progress = await app.query<Progress>(page, "incidents.progress", { incidentId });
    const area = progress.areas[0];
    expect(area?.name).toBe("木洞镇");
    expect(progress.totals.peopleServed).toBeLessThan(300);
    expect(await page.getByTestId("progress-served").textContent()).toBe(
      `${progress.totals.peopleServed.toLocaleString("en-US")} / 300 人`,
    );
    expect(await page.getByTestId("progress-time-left").textContent()).toMatch(/^剩余 9 小时 \d+ 分$/);
    expect(await page.getByTestId("progress-orders-received").textContent()).toBe(`已签收 ${orders.length}`);
    expect(await page.getByTestId("progress-drill").count()).toBe(0);
    const card = page.locator('[data-testid="progress-area"][data-area="木洞镇"]');
    expect(await card.getByTestId("progress-area-served").textContent()).toBe(
      `已救助 ${area?.peopleServed.toLocaleString("en-US")} / 300 人`,
    );
    const shortLine = area?.lines.find((l) => l.delivered < l.planned);
    expect(shortLine?.delivered).toBe((shortLine?.planned ?? 0) - 1);
    const row = card.locator(`[data-testid="progress-line"][data-item="${shortLine?.itemCode}"]`);
    expect(await row.getByTestId("progress-delivered").textContent()).toBe(
      (shortLine?.delivered ?? 0).toLocaleString("en-US"),
    );
    await screenshot(page, "incident-progress.png");

    // The summary report prints the same figures and downloads as .xlsx.
    await page.getByTestId("progress-summary-link").click();
    await page.getByTestId("summary-sheet").waitFor();
    expect(await page.getByTestId("summary-title").textContent()).toBe("灾情处置情况报告");
    expect(await page.getByTestId("summary-served").textContent()).toBe(
      progress.totals.peopleServed.toLocaleString("en-US"),
    );
    await poll(() => page.getByTestId("summary-order").count()).toBe(orders.length);
    expect(await page.getByTestId("summary-progress-line").count()).toBe(
      (area?.lines.length ?? 0) + progress.items.length,
    );
    await screenshot(page, "incident-summary-print.png");
    const download = page.waitForEvent("download");
    await page.getByTestId("summary-print-download").click();
    expect((await download).suggestedFilename()).toBe(`灾情处置情况报告_${progress.incident.number}.xlsx`);
    await page.context().close();
  });
});
