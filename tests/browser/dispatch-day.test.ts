import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseOption,
  launchBrowser,
  login,
  newPage,
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

const TITLE = "木洞镇、麻柳嘴镇洪涝（调运全程）";
const FOOD = "FBSP-01";
/** The category whose coverage figure the story follows: quilts, counted in units, on the order that leaves first. */
const QUILTS = "quilt";
const SHORT_REASON = "包装破损，随车退回";

interface OrderRow {
  id: number;
  number: string;
  status: string;
  areaName: string;
  warehouseId: number;
  warehouseCode: string;
}

interface LineRow {
  id: number;
  quantity: number;
  itemId: number;
  itemCode: string;
  lotCode: string | null;
  ownership: string;
  calloffId: number | null;
}

function ordersOf(incidentId: number): OrderRow[] {
  return app.rows<OrderRow>(
    `SELECT o.id, o.number, o.status, a.name AS areaName, w.id AS warehouseId, w.code AS warehouseCode
       FROM dispatch_orders o JOIN warehouses w ON w.id = o.source_warehouse_id JOIN areas a ON a.id = o.area_id
      WHERE o.incident_id = ? ORDER BY o.id`,
    incidentId,
  );
}

function linesOf(orderId: number): LineRow[] {
  return app.rows<LineRow>(
    `SELECT l.id, l.quantity, l.item_id AS itemId, i.code AS itemCode, t.lot_code AS lotCode, l.ownership,
            l.calloff_id AS calloffId
       FROM dispatch_order_lines l JOIN items i ON i.id = l.item_id LEFT JOIN lots t ON t.id = l.lot_id
      WHERE l.order_id = ? ORDER BY l.line_no`,
    orderId,
  );
}

/**
 * What the incident's orders take out of a category's usable government stock: reserved while in the warehouse,
 * gone once departed, less what a receipt returned to the warehouse. Cancelled orders take nothing.
 */
function committed(incidentId: number, category: string): number {
  return app.row<{ q: number }>(
    `SELECT COALESCE(SUM(l.quantity - CASE WHEN l.discrepancy_outcome = 'returned' THEN l.discrepancy_quantity
                                           ELSE 0 END), 0) AS q
       FROM dispatch_order_lines l JOIN dispatch_orders o ON o.id = l.order_id
       JOIN items i ON i.id = l.item_id JOIN item_categories c ON c.id = i.category_id
      WHERE o.incident_id = ? AND o.status <> 'cancelled' AND l.lot_id IS NOT NULL AND c.code = ?`,
    incidentId,
    category,
  ).q;
}

/** The stock page's row for one warehouse × item × lot: its on-hand and reserved figures. */
async function stockFigures(page: Page, order: OrderRow, line: LineRow) {
  await page.goto(new URL(`/stock?warehouseId=${order.warehouseId}&itemId=${line.itemId}`, app.url).href);
  const found = page.locator(
    `[data-testid="stock-row"][data-warehouse="${order.warehouseCode}"][data-item="${line.itemCode}"][data-lot="${line.lotCode}"]`,
  );
  await found.first().waitFor();
  await settle(page);
  const figure = async (bucket: string) =>
    Number(await found.first().getByTestId(`qty-${bucket}`).getAttribute("data-value"));
  return { onHand: await figure("onHand"), reserved: await figure("reserved") };
}

/** The reservations page's rows under each order number. */
async function reservationRows(page: Page, numbers: string[]): Promise<number[]> {
  await page.goto(new URL("/reservations", app.url).href);
  await page.getByTestId("reservations-current").waitFor();
  await settle(page);
  const counts: number[] = [];
  for (const number of numbers)
    counts.push(await page.locator(`[data-testid="reservation-row"][data-ref="${number}"]`).count());
  return counts;
}

describe("a dispatch day, from the incident to the last receipt", () => {
  it("leader approval, departure, a closed road and its re-plan, a short receipt and complete progress; stock, reservations, coverage and call-offs follow", async () => {
    // 系统设置: the district has leaders approve plans.
    const admin = await newPage(browser);
    await login(admin, app.url, "admin", "/settings");
    await admin.getByTestId("settings-plan-approval-leader").click();
    await admin.getByTestId("settings-save").click();
    await poll(() => admin.getByTestId("settings-updated").textContent()).toContain("最近修改");
    await screenshot(admin, "settings.png");
    expect(
      app.row<{ value: string }>("SELECT value FROM district_settings WHERE key = 'planApproval'").value,
    ).toBe('"leader"');
    const verify = async () =>
      (await app.query<{ differences: unknown[] }>(admin, "stock.verify")).differences;
    const quilts = async () =>
      (
        await app.query<{ categories: Array<{ code: string; governmentQuantity: number }> }>(
          admin,
          "coverage.summary",
          {},
        )
      ).categories.find((c) => c.code === QUILTS)?.governmentQuantity ?? Number.NaN;
    const quiltsBefore = await quilts();

    // The dispatcher's setting, through the API: food has run short in the district but 200 bags at QJ01, and
    // the commerce bureau has called off 1,500 bags from 商贸 agreement stock at QY05 for the incident.
    const dispatcher = await newPage(browser);
    await login(dispatcher, app.url, "diaodu");
    const food = app.row<{ id: number }>("SELECT id FROM items WHERE code = ?", FOOD).id;
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const stocked = app.rows<{ warehouseId: number; code: string; available: number }>(
      `SELECT b.warehouse_id AS warehouseId, w.code, SUM(b.on_hand - b.reserved - b.on_hold) AS available
         FROM balances b JOIN lots l ON l.id = b.lot_id JOIN warehouses w ON w.id = b.warehouse_id
        WHERE b.item_id = ? AND l.status = 'available' AND (l.expiry_date IS NULL OR l.expiry_date >= ?)
        GROUP BY b.warehouse_id`,
      food,
      today,
    );
    for (const s of stocked) {
      const left = s.code === "QJ01" ? 200 : 0;
      if (s.available > left)
        await app.mutate(dispatcher, "stock.reserve", {
          warehouseId: s.warehouseId,
          dispatchRef: "其他灾情",
          lines: [{ itemId: food, quantity: s.available - left }],
        });
    }
    const township = (name: string) =>
      app.row<{ id: number }>("SELECT id FROM areas WHERE name = ?", name).id;
    const { id: incidentId } = await app.mutate<{ id: number }>(dispatcher, "incidents.create", {
      type: "flood",
      title: TITLE,
      startedAt: new Date(Date.now() - 30 * 60_000).toISOString(),
      areas: [
        { areaId: township("木洞镇"), affected: 1600, relocated: 800 },
        { areaId: township("麻柳嘴镇"), affected: 1200, relocated: 600 },
      ],
    });
    const incidentNumber = app.row<{ number: string }>(
      "SELECT number FROM incidents WHERE id = ?",
      incidentId,
    ).number;
    const commerce = await newPage(browser);
    await login(commerce, app.url, "shangwu");
    const agreementLine = app.row<{ id: number }>(
      `SELECT l.id FROM agreement_lines l JOIN agreements a ON a.id = l.agreement_id
        WHERE a.number = 'BNSW-XY-2026-008' AND l.line_no = 2`,
    ).id;
    await app.mutate(commerce, "agreements.calloff", {
      lineId: agreementLine,
      quantity: 1500,
      dispatchRef: incidentNumber,
    });
    const calloff = () =>
      app.row<{ id: number; delivered: number | null; cancelledAt: string | null }>(
        `SELECT id, delivered_quantity AS delivered, cancelled_at AS cancelledAt FROM agreement_calloffs
          WHERE dispatch_ref = ?`,
        incidentNumber,
      );
    const calloffId = calloff().id;

    // 制定方案 on the plan page (the seed makes it the same plan every run). The dispatcher may not approve it.
    await dispatcher.goto(new URL(`/incidents/${incidentId}/plan`, app.url).href);
    await dispatcher.getByTestId("plan-none").waitFor();
    await dispatcher.getByTestId("plan-run").click();
    await dispatcher.getByTestId("plan-summary").waitFor({ timeout: 60_000 });
    await poll(() => dispatcher.getByTestId("plan-version").textContent()).toMatch(/第 1 版/);
    await poll(() => dispatcher.getByTestId("plan-approval").getAttribute("data-value")).toBe("unapproved");
    await dispatcher.getByTestId("plan-orders-hint").waitFor();
    expect(await dispatcher.getByTestId("plan-approve").count()).toBe(0);

    // 批准方案 by the leader.
    const leader = await newPage(browser);
    await login(leader, app.url, "lingdao", `/incidents/${incidentId}/plan`);
    await leader.getByTestId("plan-approve").click();
    await leader.getByTestId("approve-ref").fill("巴南减灾委〔2026〕12号");
    await leader.getByTestId("approve-ok").click();
    await leader.getByTestId("approve-orders").waitFor({ timeout: 30_000 });
    const approved = ordersOf(incidentId);
    expect(approved.length).toBeGreaterThan(1);
    expect(await leader.getByTestId("approve-order").allTextContents()).toEqual(
      approved.map((o) => o.number),
    );
    await leader.getByTestId("approve-close").click();
    await poll(() => leader.getByTestId("plan-approval").getAttribute("data-value")).toBe("approved");
    expect(
      app.row<{ by: string }>(
        "SELECT u.username AS by FROM dispatch_plans p JOIN users u ON u.id = p.approved_by WHERE p.incident_id = ?",
        incidentId,
      ).by,
    ).toBe("lingdao");

    // Every ledger line is reserved under its order's number; agreement food is drawn from the call-off.
    const ledgerLines = approved.map((o) => linesOf(o.id).filter((l) => l.lotCode !== null).length);
    expect(
      await reservationRows(
        dispatcher,
        approved.map((o) => o.number),
      ),
    ).toEqual(ledgerLines);
    const agreementLines = approved.flatMap((o) => linesOf(o.id)).filter((l) => l.ownership === "agreement");
    expect(agreementLines.length).toBeGreaterThan(0);
    expect(agreementLines.every((l) => l.calloffId === calloffId)).toBe(true);
    expect(calloff()).toMatchObject({ delivered: null, cancelledAt: null });
    expect(committed(incidentId, QUILTS)).toBeGreaterThan(0);
    expect(await quilts()).toBe(quiltsBefore - committed(incidentId, QUILTS));
    expect(await verify()).toEqual([]);

    // 出发确认 by civil affairs: a 木洞镇 order of quilts from a warehouse minzheng keeps.
    const assigned = app
      .rows<{ code: string }>(
        `SELECT w.code FROM user_warehouses wu JOIN warehouses w ON w.id = wu.warehouse_id
         JOIN users u ON u.id = wu.user_id WHERE u.username = 'minzheng'`,
      )
      .map((w) => w.code);
    const leaving = approved.find(
      (o) =>
        o.areaName === "木洞镇" &&
        assigned.includes(o.warehouseCode) &&
        linesOf(o.id).some((l) => l.itemCode.startsWith("MB-")),
    );
    if (!leaving) throw new Error(`no 木洞镇 quilt order from ${assigned.join(", ")}`);
    const leavingLines = linesOf(leaving.id);
    const short = leavingLines.findIndex((l) => l.itemCode.startsWith("MB-"));
    const first = leavingLines[short];
    if (!first) throw new Error("no quilt line");
    const reservedAtApproval = await stockFigures(dispatcher, leaving, first);
    const keeper = await newPage(browser);
    await login(keeper, app.url, "minzheng", `/dispatch/orders/${leaving.id}`);
    await keeper.getByTestId("order-depart").click();
    await keeper.getByTestId("depart-ok").click();
    await poll(() => keeper.getByTestId("order-status").getAttribute("data-value")).toBe("departed");
    await keeper.context().close();
    expect(await reservationRows(dispatcher, [leaving.number])).toEqual([0]);
    expect(await stockFigures(dispatcher, leaving, first)).toEqual({
      onHand: reservedAtApproval.onHand - first.quantity,
      reserved: reservedAtApproval.reserved - first.quantity,
    });
    // Departure turns reserved into gone: usable stock, and so the coverage figure, does not move.
    expect(await quilts()).toBe(quiltsBefore - committed(incidentId, QUILTS));
    expect(await verify()).toEqual([]);

    // A landslide closes the Taihong bridge link on the way to 麻柳嘴镇: the approved plan is flagged.
    await dispatcher.goto(new URL("/roads?name=麻柳", app.url).href);
    await dispatcher.getByTestId("road-close-R078").click();
    await dispatcher.getByTestId("road-reason").fill("山体滑坡");
    await dispatcher.getByTestId("road-status-ok").click();
    await poll(
      () => app.row<{ status: string }>("SELECT status FROM road_edges WHERE code = 'R078'").status,
    ).toBe("closed");
    await dispatcher.goto(new URL(`/incidents/${incidentId}/plan`, app.url).href);
    const flag = dispatcher.getByTestId("replan-flag");
    await flag.waitFor();
    await expect(flag.textContent()).resolves.toContain("南两高速麻柳互通连接线");

    // 重新制定: what left stays, the rest is planned again as version 2 and approved in the same step.
    await dispatcher.getByTestId("replan-run").click();
    await dispatcher.getByTestId("replan-difference").waitFor({ timeout: 60_000 });
    await poll(() => dispatcher.getByTestId("plan-version").textContent()).toMatch(/第 2 版/);
    await settle(dispatcher);
    await screenshot(dispatcher, "dispatch-day-replan.png");
    const afterReplan = ordersOf(incidentId);
    const cancelled = afterReplan.filter((o) => o.status === "cancelled");
    const open = afterReplan.filter((o) => o.status === "reserved");
    expect(cancelled.map((o) => o.id).sort()).toEqual(
      approved
        .filter((o) => o.id !== leaving.id)
        .map((o) => o.id)
        .sort(),
    );
    expect(afterReplan.find((o) => o.id === leaving.id)?.status).toBe("departed");
    expect(open.length).toBeGreaterThan(0);
    expect(
      await reservationRows(dispatcher, [...cancelled.map((o) => o.number), ...open.map((o) => o.number)]),
    ).toEqual([
      ...cancelled.map(() => 0),
      ...open.map((o) => linesOf(o.id).filter((l) => l.lotCode !== null).length),
    ]);
    const replannedAgreement = open.flatMap((o) => linesOf(o.id)).filter((l) => l.ownership === "agreement");
    expect(replannedAgreement.every((l) => l.calloffId === calloffId)).toBe(true);
    const quiltsAfterReplan = await quilts();
    expect(quiltsAfterReplan).toBe(quiltsBefore - committed(incidentId, QUILTS));
    expect(await verify()).toEqual([]);

    // 签收 of the order that left before the closure, one line short and returned to the warehouse.
    await dispatcher.goto(new URL(`/dispatch/orders/${leaving.id}`, app.url).href);
    await dispatcher.getByTestId("order-receive").click();
    await dispatcher.getByTestId("receive-signer").fill("木洞镇 王主任");
    await dispatcher.getByTestId(`receive-quantity-${short}`).fill(String(first.quantity - 1));
    await chooseOption(dispatcher, `receive-outcome-${short}`, "退回仓库");
    await dispatcher.getByTestId(`receive-reason-${short}`).fill(SHORT_REASON);
    await dispatcher.getByTestId("receive-ok").click();
    await poll(() => dispatcher.getByTestId("order-status").getAttribute("data-value")).toBe("received");
    await expect(dispatcher.getByTestId("order-line-discrepancy").textContent()).resolves.toContain(
      SHORT_REASON,
    );
    const departedFigures = {
      onHand: reservedAtApproval.onHand - first.quantity,
      reserved: reservedAtApproval.reserved - first.quantity,
    };
    const returned = await stockFigures(dispatcher, leaving, first);
    expect(returned.onHand).toBe(departedFigures.onHand + 1);
    // The quilt that came back is usable again.
    expect(await quilts()).toBe(quiltsAfterReplan + 1);
    expect(await verify()).toEqual([]);

    // The rest of version 2's orders leave and arrive in full (through the API: the pages are the same).
    for (const order of open) {
      await app.mutate(dispatcher, "dispatch.depart", { orderId: order.id });
      await app.mutate(dispatcher, "dispatch.receive", {
        orderId: order.id,
        signer: `${order.areaName} 签收人`,
        lines: linesOf(order.id).map((l) => ({ lineId: l.id, quantity: l.quantity })),
      });
    }
    expect(ordersOf(incidentId).filter((o) => o.status === "reserved" || o.status === "departed")).toEqual(
      [],
    );
    expect(
      await reservationRows(
        dispatcher,
        open.map((o) => o.number),
      ),
    ).toEqual(open.map(() => 0));
    // The call-off is confirmed with what the township signed for.
    const arrived = open
      .flatMap((o) => linesOf(o.id))
      .filter((l) => l.calloffId === calloffId)
      .reduce((sum, l) => sum + l.quantity, 0);
    expect(calloff()).toMatchObject({ delivered: arrived, cancelledAt: null });
    expect(await quilts()).toBe(quiltsBefore - committed(incidentId, QUILTS));
    expect(await verify()).toEqual([]);

    // 救助进度, as the leader reads it: every order received, nothing reserved or on the road, one unit short.
    await leader.goto(new URL(`/incidents/${incidentId}`, app.url).href);
    await leader.getByTestId("incident-progress-link").click();
    await leader.getByTestId("progress-headline").waitFor();
    await settle(leader);
    const received = ordersOf(incidentId).filter((o) => o.status === "received").length;
    expect(await leader.getByTestId("progress-orders-received").textContent()).toBe(`已签收 ${received}`);
    const progress = await app.query<{
      items: Array<{
        itemCode: string;
        planned: number;
        reserved: number;
        inTransit: number;
        delivered: number;
      }>;
    }>(leader, "incidents.progress", { incidentId });
    expect(progress.items.every((i) => i.reserved === 0 && i.inTransit === 0)).toBe(true);
    expect(progress.items.filter((i) => i.delivered !== i.planned)).toEqual([
      expect.objectContaining({ itemCode: first.itemCode, delivered: expect.any(Number) }),
    ]);
    const shortItem = progress.items.find((i) => i.itemCode === first.itemCode);
    expect((shortItem?.planned ?? 0) - (shortItem?.delivered ?? 0)).toBe(1);
    await screenshot(leader, "dispatch-day-progress.png");
    expect(await verify()).toEqual([]);
    for (const page of [admin, dispatcher, commerce, leader]) await page.context().close();
  });
});
