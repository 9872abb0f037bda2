import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { choose, launchBrowser, login, newPage, poll, screenshot, startApp, type TestApp } from "./support";

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

const REF = "DD-WEB-RES-01";
const WAREHOUSE = "巴南区救灾物资储备库";

/** What the dispatch still holds reserved in the ledger, per item code. */
function stillReserved(): Record<string, number> {
  const rows = app.rows<{ code: string; reserved: number }>(
    `SELECT i.code, SUM(ll.reserved_delta) AS reserved
     FROM ledger_lines ll JOIN stock_documents d ON d.id = ll.document_id JOIN items i ON i.id = ll.item_id
     WHERE d.dispatch_ref = ? GROUP BY i.code HAVING SUM(ll.reserved_delta) <> 0`,
    REF,
  );
  return Object.fromEntries(rows.map((r) => [r.code, r.reserved]));
}

async function onHand(item: string): Promise<number> {
  return app.row<{ n: number }>(
    `SELECT SUM(b.on_hand) AS n FROM balances b JOIN items i ON i.id = b.item_id JOIN warehouses w ON w.id = b.warehouse_id
     WHERE w.code = 'QJ01' AND i.code = ?`,
    item,
  ).n;
}

/** The issue form's line error and the form's own, after a refused post. */
async function refusal(page: Page): Promise<string> {
  const lineError = page.getByTestId("line-0").locator(".ant-form-item-explain-error");
  await lineError.waitFor();
  return (await lineError.textContent()) ?? "";
}

describe("reservations, as the civil-affairs clerk meets them", () => {
  it("explains an over-issue by the reservation, issues from it with a lowered line and releases the rest", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "minzheng", "/reservations");

    // 预留: 300 quilts and 100 folding beds of the district warehouse for the dispatch.
    await page.getByTestId("reserve-form").waitFor();
    await choose(page, "reserve-warehouse", WAREHOUSE, "QJ01");
    await page.getByTestId("reserve-dispatch-ref").fill(REF);
    await choose(page, "line-0-item", "棉被", "MB-01");
    await page.getByTestId("line-0-quantity").fill("300");
    await page.getByTestId("lines-add").click();
    await choose(page, "line-1-item", "折叠床", "ZDC-01");
    await page.getByTestId("line-1-quantity").fill("100");
    await page.getByTestId("reserve-submit").click();
    await page.getByTestId("posted-number").waitFor();
    expect(stillReserved()).toEqual({ "MB-01": 300, "ZDC-01": 100 });
    const quiltsBefore = await onHand("MB-01");
    const bedsBefore = await onHand("ZDC-01");

    // 出库 of every quilt on hand: refused, and the refusal names the reservation, its size and who made it.
    await page.goto(new URL("/stock/post?type=issue", app.url).href);
    await page.getByTestId("issue-form").waitFor();
    await choose(page, "issue-warehouse", WAREHOUSE, "QJ01");
    await choose(page, "line-0-item", "棉被", "MB-01");
    await page.getByTestId("line-0-quantity").fill(String(quiltsBefore));
    await page.getByTestId("issue-submit").click();
    const explained = await refusal(page);
    expect(explained).toContain("已预留");
    expect(explained).toContain(`${REF} 30 包（300 床）（区民政局 仓储管理员）`);
    expect(await page.getByTestId("posted").count()).toBe(0);
    expect(await onHand("MB-01")).toBe(quiltsBefore);
    await screenshot(page, "reservations-shortfall.png");

    // 从预留出库: the dispatch's lines load; one is lowered, the rest of the reservation released.
    await page.getByTestId("issue-source").getByText("从预留出库").click();
    await choose(page, "issue-reservation", REF);
    await page.getByTestId("issue-reservation-loaded").waitFor();
    await poll(() => page.getByTestId("line-0-lot-hint").textContent()).toBe("预留 30 包（300 床）");
    await poll(() => page.getByTestId("line-1-lot-hint").textContent()).toBe("预留 100 张");
    expect(await page.getByTestId("line-0-quantity").inputValue()).toBe("300");
    await page.getByTestId("line-0-quantity").fill("200");
    await page.getByTestId("issue-release-rest").check();
    await page.getByTestId("issue-submit").click();
    const posted = page.getByTestId("posted-number");
    await poll(() => posted.count()).toBe(2);
    await screenshot(page, "reservations-issued.png");

    // The ledger: the issue took 200 quilts and 100 beds, the rest of the reservation is released.
    expect(stillReserved()).toEqual({});
    expect(await onHand("MB-01")).toBe(quiltsBefore - 200);
    expect(await onHand("ZDC-01")).toBe(bedsBefore - 100);
    const documents = app.rows<{ type: string; issueReason: string | null }>(
      "SELECT type, issue_reason AS issueReason FROM stock_documents WHERE dispatch_ref = ? ORDER BY id",
      REF,
    );
    expect(documents).toEqual([
      { type: "reserve", issueReason: null },
      { type: "issue", issueReason: "dispatch" },
      { type: "release", issueReason: null },
    ]);
    await posted.first().click();
    await poll(() => page.getByTestId("document-header").textContent()).toContain("救灾调运");
  });

  it("opens the issue form from a dispatch's row on the reservations page, its lines loaded", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "minzheng", "/reservations");
    const warehouseId = app.row<{ id: number }>("SELECT id FROM warehouses WHERE code = 'QJ01'").id;
    const itemId = app.row<{ id: number }>("SELECT id FROM items WHERE code = 'ZP-12'").id;
    await app.mutate(page, "stock.reserve", {
      warehouseId,
      dispatchRef: "DD-WEB-RES-02",
      lines: [{ itemId, quantity: 40 }],
    });
    await page.reload();
    await page
      .locator('[data-testid="reservation-row"][data-ref="DD-WEB-RES-02"]')
      .getByTestId("reservation-issue")
      .click();
    await poll(() => page.getByTestId("line-0-lot-hint").textContent()).toBe("预留 40 顶");
    expect(await page.getByTestId("line-0-quantity").inputValue()).toBe("40");
    await page.getByTestId("issue-submit").click();
    await page.getByTestId("posted-number").waitFor();
    expect(
      app.rows(
        "SELECT 1 FROM ledger_lines ll JOIN stock_documents d ON d.id = ll.document_id WHERE d.dispatch_ref = ? GROUP BY ll.lot_id HAVING SUM(ll.reserved_delta) <> 0",
        "DD-WEB-RES-02",
      ),
    ).toEqual([]);
  });

  it("labels an issue for routine relief on its document", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "minzheng", "/stock/post?type=issue");
    await page.getByTestId("issue-form").waitFor();
    await choose(page, "issue-warehouse", WAREHOUSE, "QJ01");
    await choose(page, "issue-reason", "日常救助");
    await page.getByText("对困难群众的日常生活救助，只出可用库存").first().waitFor();
    await choose(page, "line-0-item", "棉被", "MB-01");
    await page.getByTestId("line-0-quantity").fill("10");
    await page.getByTestId("issue-submit").click();
    await page.getByTestId("posted-number").click();
    await poll(() => page.getByTestId("document-header").textContent()).toContain("日常救助");
    const issued = app.row<{ issueReason: string }>(
      "SELECT issue_reason AS issueReason FROM stock_documents WHERE type = 'issue' ORDER BY id DESC LIMIT 1",
    );
    expect(issued.issueReason).toBe("routine_relief");
  });
});
