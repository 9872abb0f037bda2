import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  choose,
  fieldError,
  launchBrowser,
  login,
  newPage,
  pickDate,
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

// The seeded commerce demo (fixtures/banan/commerce.json), dated relative to the day of seeding.
const SUPERMARKET_STOCK = "BNSW-XY-2026-008"; // 巴南示例超市连锁有限公司: 60,000 瓶 water + 30,000 袋 food, never inspected
const EXPIRING = "BNSW-XY-2026-002"; // ends in 20 days
const EXPIRED = "BNSW-XY-2025-005"; // ended 35 days ago
const SEEDED_PRODUCTION = "BNSW-CN-2026-004";
const TENTS = "巴南示例帐篷厂";
const STORE = "示例百货商贸有限公司"; // failed delivery, refused inspection, a 40% discrepancy: grade D
const NEW_NUMBER = "BNSW-CN-2026-101";

/** A date in the district's time zone, `days` from today, as the date pickers take it. */
function districtDate(days = 0): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() + days * 86_400_000),
  );
}

const agreementRow = (page: Page, number: string) =>
  page.locator(`tr[data-testid="agreement-row"][data-number="${number}"]`);

async function value(locator: Locator): Promise<number> {
  return Number(await locator.getAttribute("data-value"));
}

describe("储备协议", () => {
  it("the commerce bureau registers a production agreement, is told a number is taken, and sees what expires", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "shangwu");
    expect(await page.getByTestId("current-role").textContent()).toBe("商务");

    await page.getByTestId("side-menu").getByTestId("nav-agreements").click();
    await page.waitForURL((url) => url.pathname === "/agreements");
    await agreementRow(page, SUPERMARKET_STOCK).waitFor();
    const seeded = await page.getByTestId("agreement-row").count();
    expect(seeded).toBeGreaterThanOrEqual(10);

    // What expires soon and what has expired; the reminder filters the table.
    const expiring = agreementRow(page, EXPIRING);
    expect(await expiring.getByTestId("agreement-status-expiring").textContent()).toMatch(
      /^即将到期 · 还剩 \d+ 天$/,
    );
    expect(await agreementRow(page, EXPIRED).getByTestId("agreement-status-expired").textContent()).toBe(
      "已到期",
    );
    expect(await page.getByTestId("agreements-alert-expiring").textContent()).toBe(
      "1 份协议将在 30 天内到期",
    );
    expect(await page.getByTestId("agreements-alert-expired").textContent()).toBe("1 份协议已到期");
    await page.getByTestId("agreements-alert-expiring").click();
    await poll(() => page.getByTestId("agreement-row").count()).toBe(1);
    await expiring.waitFor();
    await page.getByTestId("agreements-alert-expired").click();
    await agreementRow(page, EXPIRED).waitFor();
    await poll(() => page.getByTestId("agreement-row").count()).toBe(1);
    await page.goto(new URL("/agreements", app.url).href);
    await poll(() => page.getByTestId("agreement-row").count()).toBe(seeded);

    // The summary of a stock line and of a truck line.
    expect(
      await agreementRow(page, SUPERMARKET_STOCK).getByTestId("agreement-lines").textContent(),
    ).toContain("瓶装饮用水 60,000 瓶");
    expect(await agreementRow(page, "BNSW-YL-2026-006").getByTestId("agreement-lines").textContent()).toBe(
      "6.8 米中型货车 10 辆，4 小时内",
    );

    // A production agreement for the tent maker: no warehouse needed.
    await page.getByTestId("agreement-create").click();
    await page.getByTestId("agreement-form-number").fill(SEEDED_PRODUCTION);
    await choose(page, "agreement-form-enterprise", TENTS, "帐篷");
    await page.getByTestId("agreement-form-kind-production").click();
    await pickDate(page, "agreement-form-start", districtDate());
    // An end before the start is refused beside the end date.
    await pickDate(page, "agreement-form-end", districtDate(-1));
    const endError = fieldError(page, "agreement-form-end");
    await endError.waitFor();
    expect(await endError.textContent()).toBe("结束日期不能早于开始日期");
    await pickDate(page, "agreement-form-end", districtDate(365));
    await endError.waitFor({ state: "detached" });
    await pickDate(page, "agreement-form-signed", districtDate());
    await choose(page, "agreement-line-0-item", "ZP-12", "ZP-12");
    await page.getByTestId("agreement-line-0-quantity").fill("200");
    await page.getByTestId("agreement-line-0-hours").fill("48");
    await page.getByTestId("agreement-line-0-price").fill("1500");
    await page.getByTestId("agreement-form-ok").click();

    // The number is taken: the server's message comes back beside the field, in Chinese.
    const numberError = fieldError(page, "agreement-form-number");
    await numberError.waitFor();
    expect(await numberError.textContent()).toBe("协议编号已存在");
    expect(await page.getByTestId("form-error").textContent()).toContain(
      `协议编号 ${SEEDED_PRODUCTION} 已存在`,
    );

    await page.getByTestId("agreement-form-number").fill(NEW_NUMBER);
    await page.getByTestId("agreement-form-ok").click();
    const row = agreementRow(page, NEW_NUMBER);
    await row.waitFor();
    expect(await page.getByTestId("agreement-form-ok").count()).toBe(0);
    expect(await row.getByTestId("agreement-enterprise").textContent()).toBe(TENTS);
    expect(await row.getByTestId("agreement-kind-production").textContent()).toBe("产能储备");
    expect(await row.getByTestId("agreement-status-active").textContent()).toBe("有效");
    expect(await row.getByTestId("agreement-lines").textContent()).toBe("12平方米单帐篷 产能 200 顶/日");
    expect(await row.getByTestId("agreement-validity").textContent()).toBe(
      `${districtDate()} 至 ${districtDate(365)}`,
    );

    // The kind filter keeps it, the transport filter does not.
    await choose(page, "agreements-filter-kind", "产能储备");
    await row.waitFor();
    await poll(() => page.getByTestId("agreement-row").count()).toBe(3);
    await page.keyboard.press("Escape");
    await settle(page);
    await screenshot(page, "agreements.png");

    // Its detail page shows the line: 200 顶 a day, 48 hours, ¥1,500.00.
    await row.getByTestId("agreement-number").click();
    await poll(() => page.getByTestId("agreement-detail-number").textContent()).toBe(NEW_NUMBER);
    const line = page.locator('[data-testid="agreement-line-row"][data-line="1"]');
    expect(await value(line.getByTestId("line-committed"))).toBe(200);
    expect(await line.textContent()).toContain("/日");
    expect(await line.textContent()).toContain("48 小时");
    expect(await line.textContent()).toContain("¥1,500.00");
    expect(await page.getByTestId("records-section").count()).toBe(0);

    // Terminated today: from now on it no longer counts and cannot be called off.
    await page.getByTestId("agreement-terminate").click();
    expect(await page.getByTestId("terminate-date").inputValue()).toBe(districtDate());
    await page.getByTestId("terminate-reason").fill("测试：企业转产");
    await page.getByTestId("terminate-ok").click();
    await page.getByTestId("agreement-status-terminated").waitFor();
    expect(await page.getByTestId("agreement-detail-termination").textContent()).toBe(
      `${districtDate()} 终止：测试：企业转产`,
    );
    expect(await page.getByTestId("agreement-terminate").count()).toBe(0);
    expect(await page.getByTestId("calloff-create").isDisabled()).toBe(true);
    await page.context().close();
  });

  it("the commerce bureau declares and inspects a stock line, calls it off and confirms the delivery", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "shangwu", "/agreements");
    await agreementRow(page, SUPERMARKET_STOCK).getByTestId("agreement-number").click();
    await poll(() => page.getByTestId("agreement-detail-number").textContent()).toBe(SUPERMARKET_STOCK);
    const water = page.locator('[data-testid="record-row"][data-line="1"]');
    await water.waitFor();
    // Declared a week ago, never inspected.
    expect(await value(water.getByTestId("record-declared-quantity"))).toBe(60000);
    expect(await water.getByTestId("line-flag-unverified").textContent()).toBe("未核查");
    expect(await page.getByTestId("declaration-row").count()).toBe(2);
    expect(await page.getByTestId("verification-row").count()).toBe(0);

    // 申报: 5,100 箱 of 12 bottles.
    await page.getByTestId("line-declare-1").click();
    expect(await page.getByTestId("record-date").inputValue()).toBe(districtDate());
    await page.getByTestId("record-quantity").fill("5100");
    await choose(page, "record-unit", "箱");
    await page.getByTestId("record-note").fill("企业月度申报");
    await page.getByTestId("record-ok").click();
    await poll(() => value(water.getByTestId("record-declared-quantity"))).toBe(61200);
    expect(await water.getByTestId("record-declared-date").textContent()).toBe(districtDate());
    expect(await water.getByTestId("record-declared-quantity").textContent()).toBe("5,100 箱（61,200 瓶）");

    // 核查 finds 59,400 bottles: below the declaration and below the 60,000 committed.
    await page.getByTestId("line-verify-1").click();
    await page.getByTestId("record-quantity").fill("59400");
    await page.getByTestId("record-inspector").fill("区商务委 测试员");
    await page.getByTestId("record-findings").fill("少 1,800 瓶，已要求补足");
    await page.getByTestId("record-ok").click();
    await water.getByTestId("record-verified").waitFor();
    expect(await value(water.getByTestId("record-verified-quantity"))).toBe(59400);
    expect(await water.getByTestId("record-verified-date").textContent()).toBe(
      `${districtDate()} · 区商务委 测试员`,
    );
    const difference = water.getByTestId("record-difference");
    expect(await value(difference)).toBe(-1800);
    expect(await difference.getAttribute("class")).toContain("count-less");
    expect(await water.getByTestId("line-flag-below_commitment").textContent()).toBe("核查数量低于承诺");
    expect(await water.getByTestId("line-flag-unverified").count()).toBe(0);
    expect(await page.getByTestId("declaration-row").count()).toBe(3);
    expect(await page.getByTestId("verification-row").count()).toBe(1);

    // A call-off of 100 箱; required by defaults to now + 4 hours (the line's response time).
    await page.getByTestId("calloff-create").click();
    await page.getByTestId("calloff-quantity-input").fill("100");
    await choose(page, "calloff-quantity-input-unit", "箱");
    await page.getByTestId("calloff-dispatch-ref").fill("测试调度 2026-1");
    await page.getByTestId("calloff-ok").click();
    const open = page.locator('[data-testid="calloff-row"][data-status="open"]');
    await open.waitFor();
    expect(await open.getByTestId("calloff-status-open").textContent()).toBe("待交付");
    expect(await value(open.getByTestId("calloff-quantity"))).toBe(1200);
    const number = (await open.getAttribute("data-number")) ?? "";
    expect(number).toMatch(/^DY-\d{6}-\d{4}$/);
    const requiredBy = Date.parse(
      `${(await open.getByTestId("calloff-required-by").textContent())?.replace(" ", "T")}:00+08:00`,
    );
    expect(Math.abs(requiredBy - (Date.now() + 4 * 3_600_000))).toBeLessThan(10 * 60_000);
    expect(await value(water.getByTestId("record-verified-quantity"))).toBe(59400);
    expect(
      await page
        .locator('[data-testid="agreement-line-row"][data-line="1"]')
        .getByTestId("line-open-calloffs")
        .getAttribute("data-value"),
    ).toBe("1200");

    // Delivered in full now: on time.
    await page.getByTestId(`calloff-confirm-${number}`).click();
    expect(await page.getByTestId("confirm-quantity").inputValue()).toBe("1200");
    expect(await page.getByTestId("confirm-by").inputValue()).not.toBe("");
    await page.getByTestId("confirm-by").fill("龙洲湾街道 测试员");
    await page.getByTestId("confirm-ok").click();
    const done = page.locator(`[data-testid="calloff-row"][data-number="${number}"]`);
    await poll(() => done.getAttribute("data-status")).toBe("on_time");
    expect(await done.getByTestId("calloff-status-on_time").textContent()).toBe("按时交付");
    expect(await value(done.getByTestId("calloff-delivered"))).toBe(1200);
    expect(await done.textContent()).toContain("龙洲湾街道 测试员");
    expect(await page.getByTestId(`calloff-confirm-${number}`).count()).toBe(0);
    await settle(page);
    await screenshot(page, "agreement-detail.png");

    // The call-off is listed with every other one.
    await page.getByTestId("side-menu").getByTestId("nav-agreements").click();
    await page.getByTestId("agreements-tab-calloffs").click();
    const listed = page.locator(`[data-testid="calloff-row"][data-number="${number}"]`);
    await listed.waitFor();
    expect(await listed.getByTestId("calloff-agreement").textContent()).toBe(SUPERMARKET_STOCK);
    expect(await listed.getByTestId("calloff-status-on_time").count()).toBe(1);
    // The seeded call-off nothing came for.
    await choose(page, "calloffs-filter-status", "未交付");
    await poll(() => page.getByTestId("calloff-row").count()).toBe(1);
    const failed = page.locator('[data-testid="calloff-row"][data-status="failed"]');
    expect(await failed.getByTestId("calloff-agreement").textContent()).toBe("BNSW-XY-2025-011");
    expect(await value(failed.getByTestId("calloff-delivered"))).toBe(0);
    await page.context().close();
  });

  it("the credit tab shows a D grade with its terms, and a new event changes the record", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "shangwu", "/enterprises");
    const store = page.locator('tr[data-testid="enterprise-row"]').filter({ hasText: STORE });
    await store.waitFor();
    expect(await store.getByTestId("enterprise-grade").textContent()).toBe("D");
    expect(await store.getByTestId("enterprise-flagged").count()).toBe(1);
    expect(await store.getByTestId("enterprise-in-force").textContent()).toBe("1");

    await store.getByTestId("enterprise-name").click();
    await poll(() => page.getByTestId("enterprise-detail-name").textContent()).toBe(STORE);
    expect(await page.getByTestId("enterprise-flagged-alert").textContent()).toBe(
      "该企业已暂停合作/信用等级为 D，其储备计入时将被标注",
    );
    await page.getByTestId("enterprise-tab-credit").click();
    await page.waitForURL((url) => url.searchParams.get("tab") === "credit");
    expect(await page.getByTestId("credit-grade").textContent()).toBe("D");
    expect(await page.getByTestId("credit-on-time").textContent()).toBe("0.0%");
    expect(await page.getByTestId("credit-discrepancies").textContent()).toBe("1");
    expect(await page.getByTestId("credit-count-failed_delivery").textContent()).toBe("1 次");
    expect(await page.getByTestId("credit-count-refused_inspection").textContent()).toBe("1 次");
    const terms = (await page.getByTestId("credit-terms").textContent()) ?? "";
    for (const term of ["按时交付率", "交付满足率", "核查差异", "未能交付", "拒绝核查"])
      expect(terms).toContain(term);
    expect(await page.getByTestId("credit-formula").textContent()).toContain("A ≥ 90");
    expect(await page.getByTestId("credit-event-row").count()).toBe(2);

    // A commendation is noted on the record.
    await page.getByTestId("credit-event-create").click();
    await choose(page, "credit-event-kind", "表扬");
    await page.getByTestId("credit-event-note").fill("测试：主动补足核查差异");
    await page.getByTestId("credit-event-ok").click();
    await poll(() => page.getByTestId("credit-event-row").count()).toBe(3);
    expect(await page.getByTestId("credit-count-commendation").textContent()).toBe("1 次");
    expect(await page.getByTestId("credit-terms").textContent()).toContain("表扬");
    await settle(page);
    await screenshot(page, "enterprise-credit.png");

    // An enterprise with nothing against it: grade A, no call-offs due.
    await page.getByTestId("side-menu").getByTestId("nav-enterprises").click();
    const tents = page.locator('tr[data-testid="enterprise-row"]').filter({ hasText: TENTS });
    await tents.getByTestId("enterprise-name").click();
    await page.getByTestId("enterprise-tab-credit").click();
    expect(await page.getByTestId("credit-grade").textContent()).toBe("A");
    expect(await page.getByTestId("credit-on-time").textContent()).toBe("无调用记录");
    expect(await page.getByTestId("enterprise-flagged-alert").count()).toBe(0);
    await page.getByTestId("enterprise-tab-warehouses").click();
    expect(await page.getByTestId("enterprise-warehouse-name").textContent()).toBe("示例帐篷厂南彭仓");
    await page.context().close();
  });

  it("a leader reads agreements but gets no button that writes", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "lingdao");
    await page.getByTestId("side-menu").getByTestId("nav-agreements").click();
    await agreementRow(page, SUPERMARKET_STOCK).waitFor();
    expect(await page.getByTestId("agreement-create").count()).toBe(0);
    await agreementRow(page, SUPERMARKET_STOCK).getByTestId("agreement-number").click();
    await page.getByTestId("records-table").waitFor();
    expect(await page.getByTestId("agreement-edit").count()).toBe(0);
    expect(await page.getByTestId("agreement-terminate").count()).toBe(0);
    expect(await page.getByTestId("calloff-create").count()).toBe(0);
    expect(await page.locator('[data-testid^="line-declare-"]').count()).toBe(0);
    await page.getByTestId("agreement-detail-enterprise").click();
    await page.getByTestId("enterprise-tab-credit").click();
    await page.getByTestId("credit-panel").waitFor();
    expect(await page.getByTestId("credit-event-create").count()).toBe(0);
    await page.context().close();
  });
});
