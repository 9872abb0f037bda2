import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  launchBrowser,
  login,
  newPage,
  poll,
  populationWorkbook,
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

const townshipRows = (page: Page) => page.locator('tr[data-level="township"]');

/** The area table's row for one name (names are unique among townships). */
function areaRow(page: Page, name: string) {
  return page
    .locator("tr[data-level]")
    .filter({ has: page.getByTestId("area-name").getByText(name, { exact: true }) });
}

async function shownPopulation(page: Page, name: string): Promise<string> {
  return (await areaRow(page, name).getByTestId("area-population").textContent()) ?? "";
}

/** The import issue table as [行, 列, 问题] triples. */
async function issueRows(page: Page): Promise<string[][]> {
  const rows = page.getByTestId("import-issues").locator("tbody tr.ant-table-row");
  return rows.evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")),
  );
}

async function upload(page: Page, name: string, buffer: Buffer): Promise<void> {
  await page
    .getByTestId("areas-import")
    .locator('input[type="file"]')
    .setInputFiles({ name, mimeType: XLSX_MIME, buffer });
}

describe("地区与人口", () => {
  it("a civil-affairs officer sees the 23 townships, gets every row error of a bad file, then imports a good one", async () => {
    const page = await newPage(browser);
    // Asking for the areas page first: the login page brings the user back to it.
    await login(page, app.url, "minzheng", "/areas");
    expect(new URL(page.url()).pathname).toBe("/areas");
    expect(await page.getByTestId("current-user").textContent()).toBe("区民政局 仓储管理员");
    expect(await page.getByTestId("current-role").textContent()).toBe("民政");

    await poll(() => townshipRows(page).count()).toBe(23);
    const names = await townshipRows(page).getByTestId("area-name").allTextContents();
    expect(names).toHaveLength(23);
    expect(names).toEqual(expect.arrayContaining(["龙洲湾街道", "莲花街道", "鱼洞街道", "石龙镇", "木洞镇"]));
    for (const name of names) expect(name).toMatch(/^\p{Script=Han}+(街道|镇)$/u);
    expect(await shownPopulation(page, "龙洲湾街道")).toBe("178,554");
    expect(await shownPopulation(page, "莲花街道")).toBe("143,500");
    expect(await shownPopulation(page, "鱼洞街道")).toBe("150,000");
    await poll(() => areaRow(page, "鱼洞街道").getByTestId("basis-estimate").count()).toBe(1);
    // The seeded townships add up exactly to the district's census figure.
    expect(await page.getByTestId("population-mismatch").count()).toBe(0);

    // A file with a negative figure, a fraction and a repeated township: every problem is listed at once.
    await upload(
      page,
      "人口-有误.xlsx",
      populationWorkbook([
        ["南泉街道", "", 61000, 2024, "官方统计", null],
        ["莲花街道", "", -5, 2024, "官方统计", null],
        ["木洞镇", "", 12.5, 2024, "官方统计", null],
        ["龙洲湾街道", "", 180000, 2024, "官方统计", null],
        ["龙洲湾街道", "", 181000, 2024, "官方统计", null],
      ]),
    );
    const failure = page.getByTestId("import-error");
    await failure.waitFor();
    expect(await failure.textContent()).toContain("有 3 处错误，未导入任何数据");
    await expect
      .poll(() => issueRows(page))
      .toEqual([
        ["3", "常住人口", "常住人口不能小于 0，实际为 -5"],
        ["4", "常住人口", "常住人口应为整数，实际为 12.5"],
        ["6", "镇街", "与第 5 行重复（龙洲湾街道）"],
      ]);

    // Township names are checked against the register once the sheet itself reads cleanly.
    await upload(
      page,
      "人口-未知镇街.xlsx",
      populationWorkbook([
        ["南泉街道", "", 61000, 2024, "官方统计", null],
        ["不存在镇", "", 1000, 2024, "官方统计", null],
      ]),
    );
    await poll(() => issueRows(page)).toEqual([["3", "镇街", "巴南区没有名为“不存在镇”的街道或镇"]]);
    expect(await failure.textContent()).toContain("人口-未知镇街.xlsx");

    // Nothing was written.
    expect(await shownPopulation(page, "莲花街道")).toBe("143,500");
    expect(await shownPopulation(page, "木洞镇")).toBe("35,000");
    expect(await shownPopulation(page, "龙洲湾街道")).toBe("178,554");
    expect(await shownPopulation(page, "南泉街道")).toBe("60,000");

    await upload(
      page,
      "人口-鱼洞.xlsx",
      populationWorkbook([["鱼洞街道", "", 151234, 2024, "官方统计", 2.6]]),
    );
    await page.getByTestId("import-success").waitFor();
    expect(await page.getByTestId("import-error").count()).toBe(0);
    expect(await page.getByTestId("import-success").textContent()).toContain("更新 1 条");
    await poll(() => shownPopulation(page, "鱼洞街道")).toBe("151,234");
    await poll(() => areaRow(page, "鱼洞街道").getByTestId("basis-official").count()).toBe(1);
    expect(await areaRow(page, "鱼洞街道").textContent()).toContain("2024");
    // The townships now exceed the district's census figure by 1,234, and the page says so.
    const mismatch = page.getByTestId("population-mismatch");
    await mismatch.waitFor();
    expect(await mismatch.textContent()).toContain("1,180,090");

    // Villages open under their township a page at a time, and are found by name across the district.
    await upload(
      page,
      "人口-木洞村社区.xlsx",
      populationWorkbook(
        Array.from({ length: 25 }, (_, i) => [
          "木洞镇",
          `测试村${String(i + 1).padStart(2, "0")}`,
          1000 + i,
          2024,
          "估算",
          null,
        ]),
      ),
    );
    await page.getByTestId("import-success").waitFor();
    await expect
      .poll(async () => (await page.getByTestId("import-success").textContent()) ?? "")
      .toContain("新增 25 条");
    const mudong = areaRow(page, "木洞镇");
    await mudong.locator(".ant-table-row-expand-icon").click();
    // The opened row holds the village table and its pager.
    const villages = page.locator("tr.ant-table-expanded-row");
    await poll(() => villages.locator('tr[data-level="village"]').count()).toBe(20);
    expect(await villages.textContent()).toContain("共 25 条");
    await villages.locator(".ant-pagination-item-2").click();
    await expect
      .poll(() => villages.locator('tr[data-level="village"]').getByTestId("area-name").allTextContents())
      .toEqual(["测试村21", "测试村22", "测试村23", "测试村24", "测试村25"]);
    await page.getByTestId("village-search").locator("input").fill("村07");
    await page.getByTestId("village-search").locator("input").press("Enter");
    const found = page.getByTestId("village-search-table").locator('tr[data-level="village"]');
    await poll(() => found.count()).toBe(1);
    expect(await found.textContent()).toContain("木洞镇");
    expect(await found.getByTestId("area-population").textContent()).toBe("1,006");

    const file = await screenshot(page, "areas.png");
    expect(file).toMatch(/areas\.png$/);
    await page.context().close();
  });

  it("a leader sees the plan targets and reads the areas without any editing control", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "lingdao");
    expect(await page.getByTestId("current-role").textContent()).toBe("领导");

    await page.getByTestId("stat-reserve-target").waitFor();
    expect(await page.getByTestId("stat-reserve-target").textContent()).toContain("117,886");
    expect(await page.getByTestId("stat-shelter-target").textContent()).toContain("235,771");
    expect(await page.getByTestId("stat-population").textContent()).toContain("1,178,856");
    expect(await page.getByTestId("stat-townships").textContent()).toContain("23");
    await screenshot(page, "home.png");

    const menu = page.getByTestId("side-menu");
    expect(await menu.getByTestId("nav-home").count()).toBe(1);
    expect(await menu.getByTestId("nav-areas").count()).toBe(1);
    expect(await menu.getByTestId("nav-users").count()).toBe(0);
    expect(await menu.getByTestId("nav-audit").count()).toBe(0);
    expect(await menu.textContent()).not.toContain("用户管理");
    expect(await menu.textContent()).not.toContain("审计日志");

    await menu.getByTestId("nav-areas").click();
    await poll(() => townshipRows(page).count()).toBe(23);
    expect(await page.getByTestId("areas-export").count()).toBe(1);
    expect(await page.getByTestId("areas-import").count()).toBe(0);
    expect(await page.getByTestId("areas-template").count()).toBe(0);
    expect(await page.locator('input[type="file"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="area-edit-"], [data-testid^="area-add-"]').count()).toBe(0);
    expect(await page.locator('[data-testid^="area-delete-"]').count()).toBe(0);

    // Typing an administrator's address gets a refusal, not the page.
    await page.goto(new URL("/users", app.url).href);
    await page.getByText("无权访问").waitFor();
    expect(await page.getByTestId("users-table").count()).toBe(0);

    // English is one click away and is remembered across reloads.
    await page.getByTestId("language-switch").getByText("English").click();
    await page.getByTestId("side-menu").getByText("Areas", { exact: true }).waitFor();
    await page.reload();
    await page.getByTestId("side-menu").getByText("Areas", { exact: true }).waitFor();
    expect(await page.getByTestId("current-role").textContent()).toBe("Leader");
    await page.context().close();
  });
});
