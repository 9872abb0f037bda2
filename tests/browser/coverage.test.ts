import type { AppRouter } from "@relief/api";
import type { inferRouterOutputs } from "@trpc/server";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseOption,
  fieldError,
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

type Outputs = inferRouterOutputs<AppRouter>;
type Summary = Outputs["coverage"]["summary"];

/** Banan: 1,178,856 residents; 10 % is the reserve target, 20 % the shelter target. */
const TARGET = 117_886;
const SHELTER_TARGET = 235_771;
const NEW_SHELTER = "圣灯山示例广场（测试）";

/** A query of the API with the page's own session cookie: what the UI should be showing. */
async function apiQuery<T>(page: Page, path: string, input: unknown = {}): Promise<T> {
  const url = new URL(`/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, app.url);
  const response = await page.request.get(url.href);
  expect(response.ok()).toBe(true);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

/** Every procedure the page asks the API for, as it asks (batched calls split into their names). */
function procedures(page: Page): string[] {
  const asked: string[] = [];
  page.on("request", (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.startsWith("/trpc/")) asked.push(...pathname.slice("/trpc/".length).split(","));
  });
  return asked;
}

async function value(locator: Locator): Promise<number> {
  return Number(await locator.getAttribute("data-value"));
}

const categoryRow = (page: Page, code: string) =>
  page.locator(`tr[data-testid="coverage-category-row"][data-code="${code}"]`);
const quotaRow = (page: Page, code: string) =>
  page.locator(`tr[data-testid="quota-row"][data-code="${code}"]`);
const shelterTownship = (page: Page, name: string) =>
  page.locator(`tr[data-testid="shelter-township-row"][data-name="${name}"]`);

/** Waits until no select shows its list (one closing still counts as open for the next pick). */
async function dropdownsClosed(page: Page): Promise<void> {
  await poll(() => page.locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden)").count()).toBe(0);
}

describe("保障能力", () => {
  it("a leader reads the dashboard: the headline as the API computes it, the bottleneck, charts and 23 townships", async () => {
    const page = await newPage(browser);
    const asked = procedures(page);
    await login(page, app.url, "lingdao");
    const summary = await apiQuery<Summary>(page, "coverage.summary");
    expect(summary.targetPeople).toBe(TARGET);

    // The headline: people covered against the target, the bottleneck named.
    const people = page.getByTestId("coverage-headline-people");
    await people.waitFor();
    expect(await value(people)).toBe(summary.headline.peopleCovered);
    expect(await people.textContent()).toBe(summary.headline.peopleCovered.toLocaleString("en-US"));
    expect(await value(page.getByTestId("coverage-target"))).toBe(TARGET);
    expect(await page.getByTestId("coverage-target").textContent()).toContain("117,886");
    expect(await page.getByTestId("coverage-bottleneck").textContent()).toBe(
      `短板类别：${summary.headline.bottleneckCategory?.name}`,
    );
    expect(await value(page.getByTestId("coverage-headline-government-people"))).toBe(
      summary.headline.governmentPeopleCovered,
    );
    expect(await value(page.getByTestId("coverage-headline-shelters-people"))).toBe(
      summary.shelters.capacity,
    );
    expect(await page.getByTestId("coverage-headline-shelters").textContent()).toContain("235,771");
    expect(summary.shelters.targetPeople).toBe(SHELTER_TARGET);
    // Quotas are estimates until confirmed; the note leads to them.
    expect(await page.getByTestId("quota-estimate-note").textContent()).toContain("估算值");
    // The plan's facts stay on the page.
    expect(await page.getByTestId("stat-population").textContent()).toContain("1,178,856");
    expect(await page.getByTestId("stat-reserve-target").textContent()).toContain("117,886");

    // The chart by category is drawn, and the table lists every category with its quota.
    await poll(() => page.getByTestId("coverage-category-chart").locator("canvas").count()).toBeGreaterThan(
      0,
    );
    await poll(() => page.getByTestId("coverage-category-row").count()).toBe(summary.categories.length);
    const quilt = categoryRow(page, "quilt");
    expect(await quilt.getByTestId("category-quota").textContent()).toBe("1 床/人");
    expect(await value(quilt.getByTestId("category-required"))).toBe(TARGET);
    expect(await categoryRow(page, "drinking_water").getByTestId("category-quota").textContent()).toBe(
      "3 L/人·日 × 3 日",
    );
    expect(await categoryRow(page, "family_kit").getByTestId("category-not-counted").count()).toBe(1);
    // 示例百货商贸有限公司 (grade D) holds water counted here: flagged.
    expect(await categoryRow(page, "drinking_water").getByTestId("category-flagged").count()).toBe(1);

    // 23 townships, each with its reserve and shelter figures.
    await poll(() => page.getByTestId("township-row").count()).toBe(23);
    // Coverage within reach: each township's figure as dispatch.reach answers it, marked against its target,
    // and the townships below target counted on the dashboard with the worst named.
    const reach = await apiQuery<Outputs["dispatch"]["reach"]>(page, "dispatch.reach");
    const byTownship = await apiQuery<Outputs["coverage"]["byTownship"]>(page, "coverage.byTownship");
    const targetOf = new Map(byTownship.map((row) => [row.areaId, row.targetPeople]));
    const short = reach.filter((row) => row.peopleWithinReach < (targetOf.get(row.areaId) ?? 0));
    expect(short.length).toBeGreaterThan(0);
    await poll(() => value(page.getByTestId("reach-short"))).toBe(short.length);
    expect(await page.getByTestId("reach-short").textContent()).toContain(
      `23 个镇街中有 ${short.length} 个无法由 10 小时内可达的储备保障到 10% 目标`,
    );
    expect(await page.getByTestId("reach-worst").count()).toBe(Math.min(5, short.length));
    for (const row of reach) {
      const cell = page
        .locator(`tr[data-testid="township-row"][data-name="${row.name}"]`)
        .getByTestId("township-reach");
      await poll(() => value(cell)).toBe(row.peopleWithinReach);
      expect(await cell.getAttribute("data-short")).toBe(String(short.includes(row)));
    }
    await poll(() => page.getByTestId("coverage-trend-chart").locator("canvas").count()).toBeGreaterThan(0);

    // Nothing that writes.
    expect(await page.getByTestId("snapshot-take").count()).toBe(0);
    await settle(page);
    await screenshot(page, "coverage-dashboard.png");

    // The page asked for its figures and the first reminders, never for a whole register or report.
    expect(asked).toContain("coverage.dashboard");
    for (const whole of ["areas.list", "stock.expiry", "agreements.list", "enterprises.list"]) {
      expect(asked).not.toContain(whole);
    }
    const dashboard = await apiQuery<Outputs["coverage"]["dashboard"]>(page, "coverage.dashboard");
    expect(await page.getByTestId("dashboard-expiring-agreement").count()).toBe(
      dashboard.expiringAgreements.first.length,
    );
    expect(await page.getByTestId("dashboard-expiring-agreements").textContent()).toContain(
      `查看全部 ${dashboard.expiringAgreements.expiring} 条`,
    );
    expect(await page.getByTestId("dashboard-expiring-lot").count()).toBe(
      dashboard.expiringStock.first.length,
    );
    expect(await page.getByTestId("stat-expiring").textContent()).toContain(
      String(dashboard.expiringStock.expiring),
    );

    // Another target and the declared figures: both ask the server again.
    const declared = await apiQuery<Summary>(page, "coverage.summary", {
      targetRatio: 0.2,
      countDeclared: true,
    });
    await page.getByTestId("coverage-target-ratio").fill("20");
    await poll(() => value(page.getByTestId("coverage-target"))).toBe(declared.targetPeople);
    await page.getByTestId("coverage-count-declared").click();
    await page.waitForURL((url) => url.searchParams.get("declared") === "1");
    expect(new URL(page.url()).searchParams.get("ratio")).toBe("20");
    await poll(() => value(people)).toBe(declared.headline.peopleCovered);
    await poll(() => value(categoryRow(page, "quilt").getByTestId("category-required"))).toBe(
      declared.categories.find((c) => c.code === "quilt")?.requiredQuantity,
    );

    await page.getByTestId("side-menu").getByTestId("nav-quotas").click();
    await poll(() => page.getByTestId("quota-row").count()).toBe(summary.categories.length);
    expect(await page.locator('[data-testid^="quota-edit-"]').count()).toBe(0);
    await page.getByTestId("side-menu").getByTestId("nav-shelters").click();
    await poll(() => page.getByTestId("shelter-township-row").count()).toBe(23);
    await poll(() => page.getByTestId("shelter-row").count()).toBeGreaterThan(0);
    expect(await page.getByTestId("shelter-create").count()).toBe(0);
    expect(await page.locator('[data-testid^="shelter-edit-"]').count()).toBe(0);
    await page.context().close();
  });

  it("civil affairs changes a quota, registers a shelter, takes a snapshot and prints the report", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "minzheng", "/quotas");

    // 棉被: 1 床 per person, the default estimate.
    const quilt = quotaRow(page, "quilt");
    await quilt.waitFor();
    expect(await quilt.getByTestId("quota-text").textContent()).toBe("1 床/人");
    await page.getByTestId("quota-edit-quilt").click();

    // A quota of 0 is refused by the server, its message beside the field.
    await page.getByTestId("quota-form-quantity").fill("0");
    await page.getByTestId("quota-form-note").fill("测试：按区应急预案核定");
    await page.getByTestId("quota-form-ok").click();
    const quantityError = fieldError(page, "quota-form-quantity");
    await quantityError.waitFor();
    expect(await quantityError.textContent()).toBe("定额应大于 0");

    // No reason: refused beside the reason.
    await page.getByTestId("quota-form-quantity").fill("1");
    await page.getByTestId("quota-form-per-persons").fill("2");
    await page.getByTestId("quota-form-note").fill("");
    await page.getByTestId("quota-form-ok").click();
    const reasonError = fieldError(page, "quota-form-note");
    await reasonError.waitFor();
    expect(await reasonError.textContent()).toBe("请填写调整原因");

    // 1 床 per 2 persons, with the reason.
    await page.getByTestId("quota-form-note").fill("测试：按区应急预案核定，每 2 人 1 床");
    expect(await page.getByTestId("quota-form-preview").textContent()).toBe("即：1 床/2 人");
    await page.getByTestId("quota-form-ok").click();
    await poll(() => quilt.getByTestId("quota-text").textContent()).toBe("1 床/2 人");
    expect(await page.getByTestId("quota-form-ok").count()).toBe(0);
    expect(await quilt.getByTestId("quota-reason").textContent()).toBe(
      "测试：按区应急预案核定，每 2 人 1 床",
    );
    // The earlier version stays in the history.
    await page.getByTestId("quota-history-quilt").click();
    await poll(() => page.getByTestId("quota-version-row").count()).toBe(2);
    expect(await page.getByTestId("quota-history").textContent()).toContain("默认定额（估算）");
    await page.keyboard.press("Escape");

    // 发电机 has no quota yet: it is listed apart until one is set.
    await page.getByTestId("quota-unset").waitFor();
    expect(await quotaRow(page, "generator").count()).toBe(0);
    await page.getByTestId("quota-set-generator").click();
    await page.getByTestId("quota-form-unit").fill("台");
    await page.getByTestId("quota-form-per-persons").fill("500");
    await page.getByTestId("quota-form-note").fill("测试：集中安置点每 500 人 1 台");
    await page.getByTestId("quota-form-ok").click();
    await poll(() => quotaRow(page, "generator").count()).toBe(1);
    expect(await quotaRow(page, "generator").getByTestId("quota-text").textContent()).toBe("1 台/500 人");

    // The dashboard: the quilt requirement halves.
    await page.getByTestId("side-menu").getByTestId("nav-home").click();
    const quiltCoverage = categoryRow(page, "quilt");
    await quiltCoverage.waitFor();
    await poll(() => value(quiltCoverage.getByTestId("category-required"))).toBe(58_943);
    expect(await quiltCoverage.getByTestId("category-quota").textContent()).toBe("1 床/2 人");

    // A shelter in 圣灯山镇, which has none yet.
    await page.getByTestId("side-menu").getByTestId("nav-shelters").click();
    const township = shelterTownship(page, "圣灯山镇");
    await township.waitFor();
    expect(await value(township.getByTestId("shelter-township-capacity"))).toBe(0);
    await page.getByTestId("shelter-create").click();
    await page.getByTestId("shelter-form-name").fill(NEW_SHELTER);
    await chooseOption(page, "shelter-form-township", "圣灯山镇", { search: "圣灯山" });
    await dropdownsClosed(page);
    await chooseOption(page, "shelter-form-type", "广场");
    await dropdownsClosed(page);
    // A negative capacity is refused beside the field.
    await page.getByTestId("shelter-form-capacity").fill("-5");
    await page.getByTestId("shelter-form-ok").click();
    const capacityError = fieldError(page, "shelter-form-capacity");
    await capacityError.waitFor();
    expect(await capacityError.textContent()).toBe("容纳人数不能为负数");
    await page.getByTestId("shelter-form-capacity").fill("1500");
    await page.getByTestId("shelter-form-ok").click();
    await page.locator(`tr[data-testid="shelter-row"][data-name="${NEW_SHELTER}"]`).waitFor();
    await poll(() => value(township.getByTestId("shelter-township-capacity"))).toBe(1500);
    const summary = await apiQuery<Summary>(page, "coverage.summary");
    await poll(() =>
      value(page.getByTestId("shelter-district-row").getByTestId("shelter-township-capacity")),
    ).toBe(summary.shelters.capacity);
    await settle(page);
    await screenshot(page, "coverage-shelters.png");

    // A snapshot adds a point to the trend.
    await page.getByTestId("side-menu").getByTestId("nav-home").click();
    const trend = page.getByTestId("coverage-trend");
    await poll(() => trend.getAttribute("data-points")).not.toBeNull();
    const before = Number(await trend.getAttribute("data-points"));
    await page.getByTestId("snapshot-take").click();
    await poll(async () => Number(await trend.getAttribute("data-points"))).toBe(before + 1);

    // The report: 打印报表 opens it and its print dialog once; then the title, the table by category, the figures.
    await stubPrint(page);
    await page.reload();
    await page.getByTestId("coverage-print").click();
    await page.waitForURL((url) => url.pathname === "/coverage/report");
    await poll(() => printCount(page)).toBe(1);
    await page.waitForURL((url) => url.pathname === "/coverage/report" && !url.searchParams.has("print"));
    expect(await page.getByTestId("report-title").textContent()).toBe("巴南区救灾物资储备保障能力报表");
    expect(await page.getByTestId("report-organisation").textContent()).toBe("填报单位：巴南区民政局");
    expect(await page.getByTestId("report-date").textContent()).toBe(`报表日期：${summary.date}`);
    const headers = await page.getByTestId("report-table").locator("th").allTextContents();
    expect(headers).toEqual([
      "序号",
      "物资类别",
      "计量单位",
      "保障定额",
      "是否计入",
      "需储备数量",
      "政府储备",
      "协议储备",
      "合计",
      "可保障人数",
      "覆盖率",
      "缺口数量",
      "缺口重量（吨）",
      "缺口体积（m³）",
    ]);
    await poll(() => page.getByTestId("report-row").count()).toBe(summary.categories.length);
    const quiltLine = page.locator('[data-testid="report-row"][data-code="quilt"]');
    expect(await quiltLine.getByTestId("report-required-quantity").textContent()).toBe("58,943");
    expect(await quiltLine.textContent()).toContain("1 床/2 人");
    expect(await page.getByTestId("report-covered").textContent()).toBe(
      summary.headline.peopleCovered.toLocaleString("en-US"),
    );
    expect(await page.getByTestId("report-shelter-capacity").textContent()).toBe(
      summary.shelters.capacity.toLocaleString("en-US"),
    );
    expect(await page.getByTestId("report-notes").textContent()).toContain("估算值");
    expect(await page.getByTestId("report-signatures").textContent()).toContain("单位负责人");
    await screenshot(page, "coverage-report.png");

    // The government-format workbook.
    const download = page.waitForEvent("download");
    await page.getByTestId("report-download").click();
    expect((await download).suggestedFilename()).toMatch(/^救灾物资储备保障能力报表.*\.xlsx$/);

    // The snapshot just taken prints as it stood.
    const points = await apiQuery<Outputs["coverage"]["snapshots"]>(page, "coverage.snapshots");
    const latest = points[points.length - 1];
    await page.goto(new URL(`/coverage/report?snapshot=${latest?.id}`, app.url).href);
    await page.getByTestId("report-snapshot-note").waitFor();
    await poll(() => page.getByTestId("report-row").count()).toBe(summary.categories.length);
    const stored = page.waitForEvent("download");
    await page.getByTestId("report-download").click();
    expect((await stored).suggestedFilename()).toMatch(/^救灾物资储备保障能力报表_\d{4}-\d{2}-\d{2}\.xlsx$/);
    await page.context().close();
  });
});
