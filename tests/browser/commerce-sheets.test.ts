import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import {
  chooseOption,
  launchBrowser,
  login,
  newPage,
  screenshot,
  startApp,
  type TestApp,
  XLSX_MIME,
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

const TENTS = "巴南示例帐篷厂";
const TENTS_CODE = "91500113MA61H7J8KF";

function workbook(header: string[], rows: unknown[][]): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet([header, ...rows]), "Sheet1");
  return XLSX.write(book, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

async function upload(page: Page, card: string, name: string, buffer: Buffer): Promise<void> {
  await page
    .getByTestId(`${card}-import`)
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: XLSX_MIME, buffer });
}

async function issueRows(page: Page, card: string): Promise<string[][]> {
  const rows = page
    .getByTestId(`sheets-${card}`)
    .getByTestId("import-issues")
    .locator("tbody tr.ant-table-row");
  await rows.first().waitFor();
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
  );
}

const districtDate = (days = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() + days * 86_400_000),
  );

describe("商务数据导入导出", () => {
  it("the commerce bureau downloads templates, gets every bad row of a file, and imports agreements", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "shangwu", "/commerce/sheets");
    await page.getByTestId("sheets-agreements").waitFor();

    const download = page.waitForEvent("download");
    await page.getByTestId("agreements-template").click();
    expect((await download).suggestedFilename()).toBe("储备协议导入模板.xlsx");

    const enterpriseHeader = [
      "企业名称",
      "统一社会信用代码",
      "企业类型",
      "重点联系企业",
      "所在镇街",
      "联系人",
      "联系电话",
    ];
    await upload(
      page,
      "enterprises",
      "企业.xlsx",
      workbook(enterpriseHeader, [
        ["甲公司", "91350100M000100Y44", "批发零售", "否", "鱼洞街道", "", ""],
        ["乙公司", "91110000600037341L", "工厂", "否", "火星镇", "", ""],
      ]),
    );
    expect(await issueRows(page, "enterprises")).toEqual([
      ["2", "统一社会信用代码", "统一社会信用代码校验位错误：第 18 位应为“3”，实际为“4”"],
      ["3", "企业类型", "企业类型应为 生产企业、批发零售、物流运输、其他 之一，实际为“工厂”"],
    ]);
    await page.getByTestId("sheets-enterprises").getByText("未导入任何数据").first().waitFor();

    const agreementHeader = [
      "协议编号",
      "企业统一社会信用代码",
      "协议类型",
      "开始日期",
      "结束日期",
      "物资编码",
      "承诺数量",
      "单位",
      "响应时限（小时）",
    ];
    await upload(
      page,
      "agreements",
      "协议.xlsx",
      workbook(agreementHeader, [
        [
          "BNSW-CN-2026-201",
          TENTS_CODE,
          "产能储备",
          districtDate(-1),
          districtDate(200),
          "ZP-12",
          150,
          "顶",
          24,
        ],
      ]),
    );
    await page.getByTestId("sheets-agreements").getByTestId("import-success").waitFor();
    expect(await page.getByTestId("sheets-agreements").getByTestId("import-success").textContent()).toContain(
      "1 份协议，共 1 行",
    );
    await page.goto(new URL("/agreements", app.url).href);
    await page.getByText("BNSW-CN-2026-201").first().waitFor();
    await screenshot(page, "commerce-sheets.png");
    await page.context().close();
  });

  it("an administrator registers an enterprise warehouse that then shows on the enterprise", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "admin", "/warehouses");
    await page.getByTestId("warehouse-create").click();
    await page.getByTestId("warehouse-form-code").fill("QY09");
    await page.getByTestId("warehouse-form-name").fill("示例帐篷厂二号仓");
    await chooseOption(page, "warehouse-form-kind", "企业代储点");
    await chooseOption(page, "warehouse-form-enterprise", TENTS, { search: "帐篷" });
    await chooseOption(page, "warehouse-form-township", "南彭街道", { search: "南彭" });
    await page.getByTestId("warehouse-form-ok").click();
    await page.locator('[data-testid="warehouse-row"][data-code="QY09"]').waitFor();

    await page.goto(new URL("/enterprises", app.url).href);
    await page.getByRole("link", { name: TENTS }).first().click();
    await page.getByTestId("enterprise-tab-warehouses").click();
    await page.getByTestId("enterprise-warehouses").getByText("示例帐篷厂二号仓").waitFor();
    await page.context().close();
  });
});
