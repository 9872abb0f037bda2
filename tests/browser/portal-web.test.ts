import { DECLARATION_HEADERS } from "@relief/sheets";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as XLSX from "xlsx";
import {
  choose,
  fieldError,
  launchBrowser,
  login,
  newPage,
  pickDate,
  poll,
  settle,
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

/** qiye's enterprise holds one stock line: 200,000 bottles of water at its site QY01. */
const OWN = "巴南示例饮品批发有限公司";
const AGREEMENT = "BNSW-XY-2026-001";
const WATER = "YYS-1L";
const RETURN_REASON = "批次 YYS-B 与入库记录不符";

const districtDay = (daysAgo = 0) =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(
    new Date(Date.now() - daysAgo * 86_400_000),
  );

/** An instant as the district's wall clock shows it, minutes only: how pickers take it and pages show it. */
const districtClock = (ms: number) =>
  new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");

/** The declaration sheet as an enterprise fills it in: one row per date declared (one total per line and date). */
function declarationWorkbook(rows: Array<{ quantity: number; lot: string; daysAgo: number }>): Buffer {
  const H = DECLARATION_HEADERS;
  const workbook = XLSX.utils.book_new();
  const sheet = XLSX.utils.aoa_to_sheet([
    [H.number, H.lineNo, H.item, H.declaredOn, H.quantity, H.unit, H.lotCode],
    ...rows.map((r) => [AGREEMENT, 1, WATER, districtDay(r.daysAgo), r.quantity, "瓶", r.lot]),
  ]);
  XLSX.utils.book_append_sheet(workbook, sheet, "库存申报");
  return XLSX.write(workbook, { type: "buffer", bookType: "xlsx" }) as Buffer;
}

/** The coverage figure with declared agreement stock, for drinking water, as the bureau reads it. */
async function declaredWater(page: Page): Promise<number> {
  const summary = await app.query<{ categories: Array<{ code: string; declaredQuantity: number }> }>(
    page,
    "coverage.summary",
    { countDeclared: true },
  );
  const water = summary.categories.find((c) => c.code === "drinking_water");
  if (!water) throw new Error("no drinking water category");
  return water.declaredQuantity;
}

/** Signs in and records every uncaught page error, which the story expects none of. */
async function signedIn(username: string, errors: string[], path = "/"): Promise<Page> {
  const page = await newPage(browser);
  page.on("pageerror", (error) => errors.push(`${username}: ${error.message}`));
  await login(page, app.url, username, path);
  return page;
}

describe("the enterprise portal in the browser", () => {
  it("an enterprise declares by spreadsheet, commerce returns one line and accepts the other, coverage moves by the accepted line; a call-off acknowledged on the portal shows on the dispatch plan", async () => {
    const errors: string[] = [];
    const line = app.row<{ id: number; committed: number }>(
      `SELECT l.id, l.quantity AS committed FROM agreement_lines l JOIN agreements a ON a.id = l.agreement_id
        WHERE a.number = ? AND l.line_no = 1`,
      AGREEMENT,
    );

    // qiye lands on its own portal, not the district's dashboard, and sees its agreement's next due date.
    const enterprise = await signedIn("qiye", errors);
    await enterprise.getByTestId("portal-home").waitFor();
    expect(new URL(enterprise.url()).pathname).toBe("/portal");
    expect(await enterprise.getByTestId("portal-enterprise").textContent()).toBe(OWN);
    const agreement = enterprise.locator(`[data-testid="portal-agreement"][data-number="${AGREEMENT}"]`);
    await agreement.getByTestId("portal-next-due").waitFor();
    expect(await enterprise.getByTestId("side-menu").getByTestId("nav-home").count()).toBe(0);

    // 申报库存 by spreadsheet: the line as of yesterday and as of today, both 待审核.
    await enterprise.getByTestId("side-menu").getByTestId("nav-portal-declare").click();
    await enterprise
      .getByTestId("portal-import")
      .locator('input[type="file"]')
      .setInputFiles({
        name: "库存申报.xlsx",
        mimeType: XLSX_MIME,
        buffer: declarationWorkbook([
          { quantity: 150_000, lot: "YYS-A", daysAgo: 0 },
          { quantity: 90_000, lot: "YYS-B", daysAgo: 1 },
        ]),
      });
    await poll(() => enterprise.getByTestId("import-success").textContent()).toContain("已提交 2 条申报");
    const submitted = app.rows<{ id: number; lot: string }>(
      "SELECT id, lot_code AS lot FROM agreement_declarations WHERE status = 'submitted' ORDER BY id",
    );
    expect(submitted.map((d) => d.lot)).toEqual(["YYS-A", "YYS-B"]);
    const [accepted, returned] = submitted;
    if (!accepted || !returned) throw new Error("two declarations expected");

    // The bureau's queue: the figure with declared stock does not count submissions.
    const commerce = await signedIn("shangwu", errors, "/agreements?tab=review");
    const before = await declaredWater(commerce);
    const previous = app.row<{ quantity: number }>(
      `SELECT quantity FROM agreement_declarations WHERE line_id = ? AND status = 'accepted'
        ORDER BY declared_on DESC, id DESC LIMIT 1`,
      line.id,
    ).quantity;
    const queue = commerce.getByTestId("review-table");
    await queue.locator(`[data-testid="declaration-row"][data-id="${returned.id}"]`).waitFor();
    expect(await queue.textContent()).toContain(OWN);

    // 退回 needs its reason; then 采纳 the other.
    await commerce.getByTestId(`review-return-${returned.id}`).click();
    await commerce.getByTestId("review-return-ok").click();
    await commerce.locator(".ant-form-item-explain-error").filter({ hasText: "请填写退回原因" }).waitFor();
    await commerce.getByTestId("review-reason").fill(RETURN_REASON);
    await commerce.getByTestId("review-return-ok").click();
    await commerce.getByTestId(`review-accept-${accepted.id}`).click();
    await poll(() =>
      app.rows<{ status: string }>(
        "SELECT status FROM agreement_declarations WHERE id IN (?, ?) ORDER BY id",
        accepted.id,
        returned.id,
      ),
    ).toEqual([{ status: "accepted" }, { status: "returned" }]);
    await poll(() => queue.locator('[data-testid="declaration-row"]').count()).toBe(0);
    // Exactly the accepted line: it replaces the line's previous accepted figure (counted up to the commitment).
    expect(await declaredWater(commerce)).toBe(
      before - Math.min(previous, line.committed) + Math.min(150_000, line.committed),
    );
    await commerce.getByTestId("agreements-tab-overdue").click();
    await poll(() => commerce.getByTestId("overdue-table").textContent()).toContain("BNSW-XY-2025-011");

    // qiye reads why its other line came back.
    await enterprise.goto(new URL("/portal/declarations", app.url).href);
    const back = enterprise.locator(`[data-testid="declaration-row"][data-id="${returned.id}"]`);
    await poll(() => back.getByTestId("declaration-return-reason").textContent()).toBe(RETURN_REASON);
    expect(await back.getByTestId("declaration-status").textContent()).toBe("已退回");

    // An incident short of water: government water is all reserved elsewhere, and the bureau calls off
    // qiye's agreement water for it. The dispatcher plans and approves (the set-up, through the API).
    const dispatcher = await signedIn("diaodu", errors);
    const water = app.row<{ id: number }>("SELECT id FROM items WHERE code = ?", WATER).id;
    const stocked = app.rows<{ warehouseId: number; available: number }>(
      `SELECT b.warehouse_id AS warehouseId, SUM(b.on_hand - b.reserved - b.on_hold) AS available
         FROM balances b JOIN lots l ON l.id = b.lot_id
        WHERE b.item_id = ? AND l.status = 'available' AND (l.expiry_date IS NULL OR l.expiry_date >= ?)
        GROUP BY b.warehouse_id HAVING available > 0`,
      water,
      districtDay(),
    );
    for (const s of stocked) {
      await app.mutate(dispatcher, "stock.reserve", {
        warehouseId: s.warehouseId,
        dispatchRef: "其他灾情",
        lines: [{ itemId: water, quantity: s.available }],
      });
    }
    const township = app.row<{ id: number }>("SELECT id FROM areas WHERE name = '木洞镇'").id;
    const { id: incidentId } = await app.mutate<{ id: number }>(dispatcher, "incidents.create", {
      type: "flood",
      title: "木洞镇洪涝（企业供水）",
      startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      areas: [{ areaId: township, affected: 3000, relocated: 1200 }],
    });
    const incident = app.row<{ number: string }>("SELECT number FROM incidents WHERE id = ?", incidentId);
    const calloff = await app.mutate<{ id: number; number: string; requestedAt: string }>(
      commerce,
      "agreements.calloff",
      { lineId: line.id, quantity: 30_000, dispatchRef: incident.number },
    );
    await app.mutate(dispatcher, "dispatch.plan", { incidentId });
    const planId = app.row<{ id: number }>(
      "SELECT id FROM dispatch_plans WHERE incident_id = ?",
      incidentId,
    ).id;
    await app.mutate(dispatcher, "dispatch.approve", { planId, authorityRef: "巴南减灾委〔2026〕16号" });
    const order = app.row<{ number: string }>(
      `SELECT DISTINCT o.number FROM dispatch_orders o JOIN dispatch_order_lines l ON l.order_id = o.id
        WHERE o.incident_id = ? AND l.calloff_id = ?`,
      incidentId,
      calloff.id,
    );

    // qiye acknowledges the call-off on its portal with an estimated departure.
    const departure = districtClock(Date.parse(calloff.requestedAt) + 3 * 3_600_000);
    await enterprise.goto(new URL("/portal/calloffs", app.url).href);
    await enterprise.getByTestId(`calloff-acknowledge-${calloff.number}`).click();
    const picker = enterprise.getByTestId("answer-departure");
    await picker.click();
    await picker.fill(departure);
    await picker.press("Enter");
    await enterprise.getByTestId("answer-ok").click();
    await poll(
      () =>
        app.row<{ at: string | null }>(
          "SELECT estimated_departure AS at FROM agreement_calloffs WHERE id = ?",
          calloff.id,
        ).at,
    ).toBe(new Date(`${departure.replace(" ", "T")}:00+08:00`).toISOString());
    const row = enterprise.locator(`[data-testid="calloff-row"][data-number="${calloff.number}"]`);
    await poll(() => row.getByTestId("calloff-answer").textContent()).toContain(departure);

    // Dispatch sees it on the plan page: the 调拨单's lines name the call-off and the time it leaves.
    await dispatcher.goto(new URL(`/incidents/${incidentId}/plan`, app.url).href);
    const orderRow = dispatcher
      .getByTestId("plan-orders-table")
      .locator(`[data-testid="order-row"][data-number="${order.number}"]`);
    await orderRow.locator(".ant-table-row-expand-icon").click();
    const answer = dispatcher
      .getByTestId("plan-orders-table")
      .getByTestId("order-line-calloff")
      .filter({ hasText: calloff.number })
      .getByTestId("calloff-answer");
    await poll(() => answer.first().textContent()).toBe(`已确认 · 预计 ${departure} 发车`);

    // A district page opened by address: a plain refusal, no page error.
    await enterprise.goto(new URL("/stock", app.url).href);
    await enterprise.getByTestId("portal-not-available").waitFor();
    expect(await enterprise.getByTestId("portal-not-available").textContent()).toContain("不对企业账号开放");
    await settle(enterprise);
    expect(errors).toEqual([]);
  });

  it("declares a line on the form in boxes; an expiry before production is refused beside its field, and nothing is written", async () => {
    const errors: string[] = [];
    const line = app.row<{ id: number }>(
      `SELECT l.id FROM agreement_lines l JOIN agreements a ON a.id = l.agreement_id
        WHERE a.number = ? AND l.line_no = 1`,
      AGREEMENT,
    ).id;
    const declarations = () => app.row<{ n: number }>("SELECT count(*) AS n FROM agreement_declarations").n;
    const page = await signedIn("qiye", errors, "/portal/declare");
    await page.getByTestId(`declare-quantity-${line}`).fill("100");
    await choose(page, `declare-unit-${line}`, "箱");
    await page.getByTestId(`declare-lot-${line}`).fill("YYS-F1");
    await pickDate(page, `declare-productionDate-${line}`, districtDay(30));
    await pickDate(page, `declare-expiryDate-${line}`, districtDay(31));
    const before = declarations();
    await page.getByTestId("declare-submit").click();
    await poll(() => fieldError(page, `declare-expiryDate-${line}`).textContent()).toContain(
      "应晚于生产日期",
    );
    expect(declarations()).toBe(before);

    await pickDate(page, `declare-expiryDate-${line}`, districtDay(-365));
    await page.getByTestId("declare-submit").click();
    await poll(() => declarations()).toBe(before + 1);
    expect(
      app.row<{ quantity: number; lot: string; status: string }>(
        "SELECT quantity, lot_code AS lot, status FROM agreement_declarations ORDER BY id DESC LIMIT 1",
      ),
    ).toEqual({ quantity: 1200, lot: "YYS-F1", status: "submitted" });
    await settle(page);
    expect(errors).toEqual([]);
  });
});
