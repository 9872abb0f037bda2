import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
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

const warehouseId = (code: string) =>
  app.row<{ id: number }>("SELECT id FROM warehouses WHERE code = ?", code).id;
const itemId = (code: string) => app.row<{ id: number }>("SELECT id FROM items WHERE code = ?", code).id;
const lot = (code: string) =>
  app.row<{ id: number; productionDate: string }>(
    "SELECT id, production_date AS productionDate FROM lots WHERE lot_code = ?",
    code,
  );

/** Reserves an item in a warehouse for a dispatch reference, as the page's user, through the API. */
function reserve(page: Page, warehouse: string, item: string, quantity: number, dispatchRef: string) {
  return app.mutate(page, "stock.reserve", {
    warehouseId: warehouseId(warehouse),
    dispatchRef,
    lines: [{ itemId: itemId(item), quantity }],
  });
}

/** The lot codes of the expiry page's table in the order shown. */
function shownLots(page: Page, table: string): Promise<string[]> {
  return page
    .getByTestId(table)
    .locator("tr[data-testid='expiry-row']")
    .evaluateAll((rows) => rows.map((row) => row.getAttribute("data-lot") ?? ""));
}

describe("lots, reservations and expiry as a civil-affairs clerk sees them", () => {
  it("finds a lot by its code, says why stock is reserved, exports what expires, never rotates reserved stock", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "minzheng", "/stock");

    // A lot searched by part of its code, on the main stock tab: its production date is on the row.
    // antd puts the test id on the input itself or on its wrapper, depending on the input's addons.
    const search = page.locator("input[data-testid='filter-lot'], [data-testid='filter-lot'] input").first();
    await search.fill("fbsp-d");
    await search.press("Enter");
    await poll(() => new URL(page.url()).searchParams.get("lot")).toBe("fbsp-d");
    const rows = page.getByTestId("stock-row");
    await poll(() => rows.evaluateAll((all) => all.map((r) => r.getAttribute("data-lot")))).toEqual([
      "FBSP-D",
    ]);
    await poll(() => rows.first().getByTestId("row-produced").textContent()).toContain(
      lot("FBSP-D").productionDate,
    );

    // Reserved for a dispatch: the figure opens who reserved it, for which reference, and when.
    await reserve(page, "QJ01", "YYS-1L", 1000, "D-LOTS-1");
    await page.goto(
      new URL(`/stock?warehouseId=${warehouseId("QJ01")}&itemId=${itemId("YYS-1L")}`, app.url).href,
    );
    const yysA = page.locator("[data-testid='stock-row'][data-lot='YYS-A']");
    await yysA.getByTestId("explain-reserved").click();
    const reserved = page.getByTestId("explain-reserved-part");
    await reserved.first().waitFor();
    expect(await reserved.first().getAttribute("data-ref")).toBe("D-LOTS-1");
    expect(await reserved.first().textContent()).toContain("区民政局 仓储管理员");
    await page.keyboard.press("Escape");

    // A quarantined lot with part of it held, on the expiry page narrowed to one warehouse and a year.
    await app.mutate(page, "stock.hold", {
      warehouseId: warehouseId("QJ01"),
      note: "复检留样",
      lines: [{ itemId: itemId("FBSP-01"), lotId: lot("FBSP-A").id, ownership: "government", quantity: 150 }],
    });
    await page.goto(new URL(`/expiry?warehouseId=${warehouseId("QJ01")}&days=365`, app.url).href);
    await settle(page);
    const held = page.locator("[data-testid='expiry-row'][data-lot='FBSP-A']");
    await held.getByTestId("lot-status-quarantined").waitFor();
    expect(await held.getByTestId("expiry-held").textContent()).toContain("150");
    const pageLots = await shownLots(page, "expiry-expiring");
    expect(pageLots.length).toBeGreaterThan(1);

    const download = page.waitForEvent("download");
    await page.getByTestId("expiry-export").click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^临期清单_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = XLSX.read(await readFile(await file.path()), { cellDates: true });
    const sheet = book.Sheets[book.SheetNames[0] as string] as XLSX.WorkSheet;
    const table = XLSX.utils.sheet_to_json<unknown[]>(sheet, { header: 1, raw: true, defval: null });
    const header = table[2] as string[];
    const body = table.slice(3);
    expect(body.map((r) => r[header.indexOf("批次")])).toEqual(pageLots);
    expect(body.every((r) => r[header.indexOf("仓库编码")] === "QJ01")).toBe(true);
    const heldRow = body.find((r) => r[header.indexOf("批次")] === "FBSP-A");
    expect(heldRow?.[header.indexOf("批次状态")]).toBe("隔离待检、冻结 150");
    expect(heldRow?.[header.indexOf("有效期至")]).toBeInstanceOf(Date);
    expect(sheet["!autofilter"]?.ref).toBe(`A3:N${body.length + 3}`);

    // The rotation list proposes YYS-A while part of it is free, and not once all of it is reserved.
    await page.getByTestId("expiry-tab-rotation").click();
    await settle(page);
    await poll(() => shownLots(page, "expiry-rotation")).toContain("YYS-A");
    await reserve(page, "QJ01", "YYS-1L", 29000, "D-LOTS-2");
    expect(
      app.row<{ free: number }>(
        "SELECT on_hand - reserved - on_hold AS free FROM balances WHERE warehouse_id = ? AND lot_id = ?",
        warehouseId("QJ01"),
        lot("YYS-A").id,
      ).free,
    ).toBe(0);
    await page.reload();
    await settle(page);
    await poll(() => shownLots(page, "expiry-rotation")).not.toContain("YYS-A");
    expect((await shownLots(page, "expiry-rotation")).length).toBeGreaterThan(0);
    await page.context().close();
  });
});
