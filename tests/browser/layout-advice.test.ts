import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseOption,
  fieldError,
  launchBrowser,
  login,
  newPage,
  poll,
  screenshot,
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

const CUT_OFF_STORES = ["接龙镇救灾物资储备点", "石龙镇救灾物资储备点"];

describe("reserve layout advice (储备布局)", () => {
  it("civil affairs see the worst township, ask for 10 truckloads of advice, read the map, accept it and find the drafts", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "minzheng", "/");
    await page.getByTestId("nav-layout").click();

    // The landslides that cut every road to 接龙镇 and 石龙镇 leave them to their own stores, which hold no tents.
    const worst = page.getByTestId("layout-worst-scenario");
    await worst.waitFor();
    expect(await worst.textContent()).toMatch(/(接龙镇|石龙镇) · 滑坡泥石流：10 小时内可保障 0 \//);
    await page.getByTestId("layout-townships").locator(".ant-table-row").first().waitFor();
    expect(
      await page.getByTestId("layout-townships").locator(".ant-typography-danger").count(),
    ).toBeGreaterThan(0);

    // Ten truckloads of advice: the same inputs give the same advice, kept in the address.
    await page.getByTestId("layout-tab-advice").click();
    await page.getByTestId("advise-truckloads").fill("10");
    await page.getByTestId("advise-submit").click();
    await page.getByTestId("advice-result").waitFor({ timeout: 90_000 });
    const adviceId = Number(new URL(page.url()).searchParams.get("advice"));
    expect(adviceId).toBeGreaterThan(0);
    const transfers = app.rows<{ id: number }>("SELECT id FROM layout_advice WHERE id = ?", adviceId);
    expect(transfers).toHaveLength(1);

    // The map draws an arrow per warehouse pair, into the cut-off townships' stores.
    await expect(page.getByTestId("layout-map").locator("canvas").count()).resolves.toBeGreaterThan(0);
    const arrows = page.getByTestId("layout-map-arrow");
    await poll(() => arrows.count()).toBeGreaterThan(0);
    for (const text of await arrows.allTextContents()) {
      expect(
        CUT_OFF_STORES.some((store) => text.includes(`→ ${store}`)),
        text,
      ).toBe(true);
    }
    // Each move with its reason in words; the worst scenario rises.
    const reasons = await page.getByTestId("advice-transfers").locator(".ant-table-row").allTextContents();
    expect(reasons.length).toBeGreaterThan(0);
    for (const row of reasons) expect(row).toContain("10 小时内");
    expect(await page.getByTestId("advice-worst").textContent()).toMatch(/^.*0% → (?!0%)/);
    // Each township the advice changes, before → after, with its lowest share before and after.
    const townshipTable = page.getByTestId("layout-townships");
    const changedCells = townshipTable.locator('[data-testid^="cell-"]', { hasText: "→" });
    await poll(() => changedCells.count()).toBeGreaterThan(0);
    expect(await changedCells.first().textContent()).toMatch(/^[\d,]+ → [\d,]+ \/ [\d,]+$/);
    expect(
      await townshipTable.locator('[data-testid^="lowest-"]', { hasText: /% → / }).count(),
    ).toBeGreaterThan(0);

    // Accepting makes draft transfers and moves nothing.
    const ledger = app.row<{ n: number }>("SELECT COUNT(*) AS n FROM ledger_lines").n;
    await page.getByTestId("advice-accept").click();
    await page.locator(".ant-popconfirm .ant-btn-primary").click();
    await page.getByTestId("advice-accepted").waitFor();
    expect(app.row<{ n: number }>("SELECT COUNT(*) AS n FROM ledger_lines").n).toBe(ledger);
    const drafts = app.rows<{ id: number; status: string }>(
      "SELECT id, status FROM transfer_drafts WHERE advice_id = ? ORDER BY id",
      adviceId,
    );
    expect(drafts.map((d) => d.status)).toEqual(["draft", "draft"]);

    // The leader's question, answered on the page: the full planner checks the advised layout on every scenario.
    await page.getByTestId("advice-confirm").click();
    // It plans every scenario twice (seconds at least), polled every half second: its stage and count show.
    await page
      .getByTestId("run-progress")
      .filter({ hasText: /^正在(计算|用调度规划).* · \d+ \/ \d+$/ })
      .waitFor({ timeout: 60_000 });
    await page.getByTestId("advice-confirmation").waitFor({ timeout: 90_000 });
    const header = await page.getByTestId("advice-scenarios").locator("thead").textContent();
    expect(header).toContain("调度规划校核");
    const checked = app.row<{ confirmation: string | null }>(
      "SELECT json_extract(result, '$.confirmation') AS confirmation FROM layout_advice WHERE id = ?",
      adviceId,
    );
    expect(checked.confirmation).not.toBeNull();
    await screenshot(page, "layout-advice.png");

    await page.getByTestId("advice-to-drafts").click();
    const rows = page.getByTestId("drafts-table").locator(".ant-table-row");
    await poll(() => rows.count()).toBe(2);
    expect((await rows.allTextContents()).every((r) => r.includes("草稿"))).toBe(true);
    await page.context().close();

    // An administrator posts one draft as the usual transfer, and discards the other.
    const admin = await newPage(browser);
    await login(admin, app.url, "admin", "/layout?tab=drafts");
    const [first, second] = drafts;
    if (!first || !second) throw new Error("two drafts expected");
    await admin.getByTestId(`draft-post-${first.id}`).click();
    await admin.locator(".ant-popconfirm .ant-btn-primary").click();
    await poll(
      () => app.row<{ status: string }>("SELECT status FROM transfer_drafts WHERE id = ?", first.id).status,
    ).toBe("posted");
    const posted = app.row<{ documentId: number }>(
      "SELECT document_id AS documentId FROM transfer_drafts WHERE id = ?",
      first.id,
    );
    expect(
      app.row<{ type: string }>("SELECT type FROM stock_documents WHERE id = ?", posted.documentId).type,
    ).toBe("transfer_out");
    await admin.getByTestId(`draft-discard-${second.id}`).click();
    await admin.locator(".ant-popconfirm:visible .ant-btn-primary").click();
    await poll(
      () => app.row<{ status: string }>("SELECT status FROM transfer_drafts WHERE id = ?", second.id).status,
    ).toBe("discarded");
    await admin.context().close();
  });

  it("civil affairs change a hazard of the register with a reason: a new version; without a reason nothing is written", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "minzheng", "/risks");
    const risk = app.row<{ areaId: number; hazard: string; weight: number }>(
      `SELECT area_id AS areaId, hazard, weight FROM risk_versions ORDER BY id LIMIT 1`,
    );
    const versions = () => app.row<{ n: number }>("SELECT COUNT(*) AS n FROM risk_versions").n;
    const before = versions();
    await page.getByTestId(`risk-edit-${risk.areaId}-${risk.hazard}`).click();
    await page.getByTestId("risk-weight").fill("7");
    await page.getByTestId("risk-form-ok").click();
    await poll(() => fieldError(page, "risk-note").textContent()).toBe("请填写修改原因");
    expect(versions()).toBe(before);

    await page.getByTestId("risk-note").fill("复核后调整权重");
    await page.getByTestId("risk-form-ok").click();
    await poll(() => versions()).toBe(before + 1);
    const latest = app.row<{ weight: number; note: string }>(
      "SELECT weight, note FROM risk_versions WHERE area_id = ? AND hazard = ? ORDER BY id DESC LIMIT 1",
      risk.areaId,
      risk.hazard,
    );
    expect(latest).toEqual({ weight: 7, note: "复核后调整权重" });
    await poll(() => page.getByTestId("risks-table").textContent()).toContain("7");
    // The hazard's history shows the change, who made it and why.
    await page.getByTestId(`risk-history-${risk.areaId}-${risk.hazard}`).click();
    const versionsShown = page.getByTestId("risk-history").locator(".ant-table-row");
    await poll(() => versionsShown.count()).toBe(2);
    const latestShown = await versionsShown.first().textContent();
    expect(latestShown).toContain(`可能性权重：${risk.weight} → 7`);
    expect(latestShown).toContain("复核后调整权重");
    await page.context().close();
  });
  it("civil affairs register a hazard a township lacked, then take it off the register with a reason", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "minzheng", "/risks");
    const township = app.row<{ id: number }>("SELECT id FROM areas WHERE name = '木洞镇'");
    const latest = () =>
      app.rows<{ active: number; relocated: number; note: string }>(
        "SELECT active, relocated, note FROM risk_versions WHERE area_id = ? AND hazard = 'fire' ORDER BY id DESC LIMIT 1",
        township.id,
      )[0];
    expect(latest()).toBeUndefined();

    await page.getByTestId("risk-create").click();
    await chooseOption(page, "risk-township", "木洞镇", { search: "木洞" });
    // 木洞镇's flood is registered already: offered only as a row to edit.
    await page.getByTestId("risk-hazard").click();
    const flood = page.locator(".ant-select-item-option-disabled", { hasText: "洪水" });
    await flood.waitFor();
    await page
      .locator(".ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option", {
        hasText: "火灾",
      })
      .click();
    await poll(() => page.getByTestId("risk-hazard").textContent()).toBe("火灾");
    await page.getByTestId("risk-relocated").fill("300");
    await page.getByTestId("risk-weight").fill("0.5");
    await page.getByTestId("risk-note").fill("新建工业园区，按园区从业人员估算");
    await page.getByTestId("risk-form-ok").click();
    await poll(() => latest()?.relocated ?? null).toBe(300);
    const edit = page.getByTestId(`risk-edit-${township.id}-fire`);
    await edit.waitFor();

    // Off the register: a version of its own, the row gone from the list.
    await edit.click();
    await page.getByTestId("risk-active").click();
    await page.getByTestId("risk-relocated").waitFor({ state: "detached" });
    await page.getByTestId("risk-note").fill("园区未建成，移出登记");
    await page.getByTestId("risk-form-ok").click();
    await poll(() => latest()?.active ?? null).toBe(0);
    expect(latest()?.note).toBe("园区未建成，移出登记");
    await poll(() => edit.count()).toBe(0);
    await page.context().close();
  });
});
