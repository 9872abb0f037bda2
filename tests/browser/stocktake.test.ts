import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  choose,
  launchBrowser,
  login,
  newPage,
  poll,
  printCount,
  screenshot,
  settle,
  startApp,
  stubPrint,
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

interface LineRow {
  id: number;
  itemCode: string;
  expected: number;
  counted: number | null;
}

const linesOf = (countId: number) =>
  app.rows<LineRow>(
    `SELECT l.id, i.code AS itemCode, l.expected, l.counted
       FROM stock_count_lines l JOIN items i ON i.id = l.item_id
      WHERE l.count_id = ? ORDER BY i.code`,
    countId,
  );

/** Types a whole number into an antd InputNumber and leaves it, as a clerk tabbing along a line does. */
async function type(page: Page, testId: string, value: number) {
  const input = page.getByTestId(testId);
  await input.fill(String(value));
  await input.press("Tab");
}

describe("stocktake (盘点)", () => {
  it("prints a blind count sheet, takes counts in packs, and posts only once every line is counted", async () => {
    const page = await newPage(browser);
    await stubPrint(page);
    await login(page, app.url, "minzheng", "/counts");

    // 木洞镇 holds three lots: JTB-01 100 个 (箱 = 4), MB-01 500 床 (包 = 10), YYS-1L 2,400 瓶 (箱 = 12).
    await choose(page, "count-open-warehouse", "木洞镇救灾物资储备点");
    await page.getByTestId("count-open").click();
    await page.waitForURL(/\/counts\/\d+$/);
    const countId = Number(new URL(page.url()).pathname.split("/").at(-1));
    const count = app.row<{ number: string }>("SELECT number FROM stock_counts WHERE id = ?", countId);
    const line = (code: string) => linesOf(countId).find((l) => l.itemCode === code)?.id ?? 0;

    // The count sheet: 打印盘点表 opens the A4 page and its print dialog; blind, so no book quantity on paper.
    await page.getByTestId("count-print").click();
    await page.getByTestId("count-sheet").waitFor();
    await poll(() => printCount(page)).toBe(1);
    await page.waitForURL((url) => url.pathname === `/counts/${countId}/print` && url.search === "");
    expect(await page.getByTestId("count-sheet-title").textContent()).toBe("盘点表（盲盘）");
    const sheetLines = page.getByTestId("count-sheet-line");
    expect(await sheetLines.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-lot")))).toEqual([
      "JTB-2024-05",
      "MB-2022-03",
      "YYS-A",
    ]);
    expect(await page.getByTestId("count-sheet-expected").count()).toBe(0);
    const sheetText = (await page.getByTestId("count-sheet").textContent()) ?? "";
    expect(sheetText).toContain(count.number);
    expect(sheetText).toContain("包 = 10 床");
    expect(sheetText).not.toContain("2,400");
    await screenshot(page, "count-sheet-blind.png");
    expect(await page.getByTestId("count-sheet-signatures").textContent()).toMatch(
      /盘点人签字：.*复核人签字：.*仓库负责人签字：/,
    );
    // Switching blind off puts the book quantities on paper.
    await page.getByTestId("count-print-blind").click();
    await poll(() => page.getByTestId("count-sheet-expected").allTextContents()).toEqual([
      "100",
      "500",
      "2,400",
    ]);
    await page.getByTestId("count-print-page").getByRole("button", { name: "返回盘点单" }).click();
    await page.waitForURL((url) => url.pathname === `/counts/${countId}`);

    // Nothing counted yet: the post button is off and says why.
    const alert = page.getByTestId("count-uncounted-alert");
    await poll(() => alert.textContent()).toContain("还有 3 行未盘点");
    expect(await page.getByTestId("count-submit").isDisabled()).toBe(true);

    // 棉被 counted as 49 包 + 7 床: the entry shows the total, the server stores base units.
    await type(page, `count-packs-${line("MB-01")}`, 49);
    await type(page, `count-input-${line("MB-01")}`, 7);
    expect(await page.getByTestId(`count-total-${line("MB-01")}`).textContent()).toBe("= 497 床");
    await page.getByTestId("count-save").click();
    await poll(() => linesOf(countId).find((l) => l.itemCode === "MB-01")?.counted).toBe(497);
    await poll(() => alert.textContent()).toContain("还有 2 行未盘点");
    await screenshot(page, "count-entry-packs.png");
    expect(await page.getByTestId("count-submit").isDisabled()).toBe(true);

    // The filter shows what is left to count.
    await page.getByTestId("count-filter-uncounted").click();
    await poll(() =>
      page.getByTestId("count-line").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-lot"))),
    ).toEqual(["JTB-2024-05", "YYS-A"]);

    await type(page, `count-packs-${line("JTB-01")}`, 25);
    await type(page, `count-packs-${line("YYS-1L")}`, 201);
    await poll(() => alert.textContent()).toContain("全部行已录入实盘数");
    await page.getByTestId("count-submit").click();
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await page.getByTestId("count-result").waitFor();
    await settle(page);

    expect(linesOf(countId).map((l) => [l.itemCode, l.counted])).toEqual([
      ["JTB-01", 100],
      ["MB-01", 497],
      ["YYS-1L", 2_412],
    ]);
    const adjustment = app.row<{ number: string }>(
      `SELECT d.number FROM stock_counts c JOIN stock_documents d ON d.id = c.adjustment_document_id
        WHERE c.id = ? AND c.status = 'submitted'`,
      countId,
    );
    expect(await page.getByTestId("count-adjustment").textContent()).toBe(adjustment.number);
    await page.getByTestId("count-adjustment").click();
    await page.waitForURL(/\/documents\/\d+$/);
    // The document page renders once its query answers: wait for its text rather than for the network.
    const documentText = () => page.locator("main, .app-content").first().textContent();
    await poll(documentText).toContain(adjustment.number);
    await poll(documentText).toContain(count.number);
  });
});
