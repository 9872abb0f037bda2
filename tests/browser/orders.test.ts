import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  chooseOption,
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

interface OrderRow {
  id: number;
  number: string;
  status: string;
  warehouseId: number;
  warehouseCode: string;
}

interface PlannedDelivery {
  itemId: number;
  quantity: number;
}

interface LineRow {
  quantity: number;
  itemId: number;
  itemCode: string;
  lotCode: string;
  lotId: number;
  ownership: string;
}

const TITLE = "木洞镇洪涝（调拨单测试）";
const REFERENCE = "巴南减灾委〔2026〕9号";

function ordersOf(incidentId: number): OrderRow[] {
  return app.rows<OrderRow>(
    `SELECT o.id, o.number, o.status, w.id AS warehouseId, w.code AS warehouseCode
       FROM dispatch_orders o JOIN warehouses w ON w.id = o.source_warehouse_id
      WHERE o.incident_id = ? ORDER BY o.id`,
    incidentId,
  );
}

function linesOf(orderId: number): LineRow[] {
  return app.rows<LineRow>(
    `SELECT l.quantity, l.item_id AS itemId, i.code AS itemCode, t.lot_code AS lotCode, l.lot_id AS lotId,
            l.ownership
       FROM dispatch_order_lines l JOIN items i ON i.id = l.item_id JOIN lots t ON t.id = l.lot_id
      WHERE l.order_id = ? ORDER BY l.line_no`,
    orderId,
  );
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

async function reservationRows(page: Page, number: string): Promise<number> {
  await page.goto(new URL("/reservations", app.url).href);
  await page.getByTestId("reservations-current").waitFor();
  await settle(page);
  return page.locator(`[data-testid="reservation-row"][data-ref="${number}"]`).count();
}

describe("调拨单", () => {
  it("a dispatcher approves from the plan page, prints an order and cancels another; civil affairs confirms departure; the receipt returns a short line; reservations and stock follow", async () => {
    const page = await newPage(browser);
    await login(page, app.url, "diaodu");
    const township = app.row<{ id: number }>("SELECT id FROM areas WHERE name = '木洞镇'").id;
    await app.mutate(page, "incidents.create", {
      type: "flood",
      title: TITLE,
      startedAt: new Date(Date.now() - 60_000).toISOString(),
      areas: [{ areaId: township, affected: 5000, relocated: 1500 }],
    });
    const incidentId = app.row<{ id: number }>("SELECT id FROM incidents WHERE title = ?", TITLE).id;
    await app.mutate(page, "dispatch.plan", { incidentId });

    // Someone reserves the stock of the plan's first line for another dispatch before it is approved.
    const planned = JSON.parse(
      app.row<{ result: string }>("SELECT result FROM dispatch_plans WHERE incident_id = ?", incidentId)
        .result,
    ) as { routes: Array<{ warehouseId: number; stops: Array<{ deliveries: PlannedDelivery[] }> }> };
    const [route] = planned.routes;
    const taken = route?.stops[0]?.deliveries[0];
    if (!route || !taken) throw new Error("the plan sends nothing");
    const sent = route.stops
      .flatMap((stop) => stop.deliveries)
      .filter((d) => d.itemId === taken.itemId)
      .reduce((sum, d) => sum + d.quantity, 0);
    const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Shanghai" }).format(new Date());
    const available = app.row<{ available: number }>(
      `SELECT SUM(b.on_hand - b.reserved - b.on_hold) AS available FROM balances b JOIN lots l ON l.id = b.lot_id
        WHERE b.warehouse_id = ? AND b.item_id = ? AND l.status = 'available'
          AND (l.expiry_date IS NULL OR l.expiry_date >= ?)`,
      route.warehouseId,
      taken.itemId,
      today,
    ).available;
    await app.mutate(page, "stock.reserve", {
      warehouseId: route.warehouseId,
      dispatchRef: "其他调度",
      lines: [{ itemId: taken.itemId, quantity: available - sent + 1 }],
    });

    // 批准方案 on the plan page is refused with what changed, and nothing is made; re-planning gives version 2.
    await page.goto(new URL(`/incidents/${incidentId}/plan`, app.url).href);
    await poll(() => page.getByTestId("plan-approval").getAttribute("data-value")).toBe("unapproved");
    await page.getByTestId("plan-approve").click();
    await page.getByTestId("approve-ok").click();
    const conflict = page.getByTestId("approve-conflict");
    await conflict.waitFor({ timeout: 30_000 });
    await expect(conflict.textContent()).resolves.toContain("请重新制定方案");
    expect(ordersOf(incidentId)).toEqual([]);
    await page.getByTestId("approve-replan").click();
    await poll(() => page.getByTestId("plan-version").textContent()).toMatch(/第 2 版/);

    // Approving version 2: the reference typed, the body and purpose as defaulted.
    await poll(() => page.getByTestId("plan-approval").getAttribute("data-value")).toBe("unapproved");
    await page.getByTestId("plan-approve").click();
    await page.getByTestId("approve-ref").fill(REFERENCE);
    await page.getByTestId("approve-ok").click();
    await page.getByTestId("approve-orders").waitFor({ timeout: 30_000 });
    const orders = ordersOf(incidentId);
    expect(orders.length).toBeGreaterThan(0);
    expect(await page.getByTestId("approve-order").allTextContents()).toEqual(orders.map((o) => o.number));
    await page.getByTestId("approve-close").click();
    await poll(() => page.getByTestId("plan-approval").getAttribute("data-value")).toBe("approved");
    const planRows = page.getByTestId("plan-orders-table").locator('[data-testid="order-row"]');
    await poll(() => planRows.count()).toBe(orders.length);
    await screenshot(page, "orders-plan.png");

    // The order civil affairs may confirm: one from a warehouse minzheng is assigned to.
    const assigned = app
      .rows<{ code: string }>(
        `SELECT w.code FROM user_warehouses wu JOIN warehouses w ON w.id = wu.warehouse_id
         JOIN users u ON u.id = wu.user_id WHERE u.username = 'minzheng'`,
      )
      .map((w) => w.code);
    const order = orders.find((o) => assigned.includes(o.warehouseCode));
    if (!order) throw new Error(`no order from ${assigned.join(", ")}: ${JSON.stringify(orders)}`);
    const lines = linesOf(order.id);
    const first = lines[0] as LineRow;
    expect(await reservationRows(page, order.number)).toBe(lines.length);
    const before = await stockFigures(page, order, first);

    // The order page: its particulars and lines.
    await page.goto(new URL(`/dispatch/orders/${order.id}`, app.url).href);
    await poll(() => page.getByTestId("order-status").getAttribute("data-value")).toBe("reserved");
    const fields = page.getByTestId("order-fields");
    await expect(fields.textContent()).resolves.toContain(REFERENCE);
    await expect(fields.textContent()).resolves.toContain("巴南区减灾委员会");
    expect(await page.locator('[data-testid="order-line"]').count()).toBe(lines.length);
    // Dispatchers may confirm a departure from any warehouse, the warehouse's keepers from theirs.
    await page.getByTestId("order-depart").waitFor();

    // The A4 paper the driver carries: 打印 opens it and its print dialog once, and a reload does not print again.
    await stubPrint(page);
    await page.reload();
    await page.getByTestId("order-print-link").click();
    await page.getByTestId("order-sheet").waitFor();
    await poll(() => printCount(page)).toBe(1);
    await page.waitForURL(
      (url) => url.pathname === `/dispatch/orders/${order.id}/print` && url.search === "",
    );
    await page.reload();
    await page.getByTestId("order-sheet").waitFor();
    expect(await printCount(page)).toBe(0);
    expect(await page.getByTestId("order-sheet-title").textContent()).toBe("救灾物资调拨单");
    const values = await page.getByTestId("order-sheet-value").allTextContents();
    expect(values).toEqual(expect.arrayContaining([order.number, REFERENCE, "巴南区减灾委员会", "木洞镇"]));
    const quantities = await page.getByTestId("order-sheet-quantity").allTextContents();
    expect(quantities.map((q) => Number(q.replace(/,/g, "")))).toEqual(lines.map((l) => l.quantity));
    const signatures = (await page.getByTestId("order-sheet-signatures").textContent()) ?? "";
    for (const label of ["发货人签字", "司机签字", "收货人签字", "日期"]) expect(signatures).toContain(label);
    await expect(page.getByTestId("order-print").textContent()).resolves.toContain("收货单位（盖章）");
    await settle(page);
    await page.emulateMedia({ media: "print" });
    await screenshot(page, "order-print.png");
    await page.emulateMedia({ media: "screen" });

    // Another order cancelled before it leaves: its reservation is released.
    const other = orders.find((o) => o.id !== order.id);
    if (other) {
      await page.goto(new URL(`/dispatch/orders/${other.id}`, app.url).href);
      await page.getByTestId("order-cancel").click();
      await page.getByTestId("cancel-reason").fill("改由邻近仓库发货");
      await page.getByTestId("cancel-ok").click();
      await poll(() => page.getByTestId("order-status").getAttribute("data-value")).toBe("cancelled");
      expect(await reservationRows(page, other.number)).toBe(0);
    }

    // 出发确认 by civil affairs, from a warehouse it is assigned to.
    const keeper = await newPage(browser);
    await login(keeper, app.url, "minzheng", `/dispatch/orders/${order.id}`);
    await keeper.getByTestId("order-depart").click();
    await keeper.getByTestId("depart-ok").click();
    await poll(() => keeper.getByTestId("order-status").getAttribute("data-value")).toBe("departed");
    await expect(keeper.getByTestId("order-receive").count()).resolves.toBe(0);
    await keeper.context().close();
    expect(await reservationRows(page, order.number)).toBe(0);
    const departed = await stockFigures(page, order, first);
    expect(departed).toEqual({
      onHand: before.onHand - first.quantity,
      reserved: before.reserved - first.quantity,
    });

    // 签收 by the dispatcher for the township: the first line one short, returned to the warehouse.
    await page.goto(new URL(`/dispatch/orders/${order.id}`, app.url).href);
    await page.getByTestId("order-receive").click();
    await page.getByTestId("receive-signer").fill("木洞镇 王主任");
    await page.getByTestId("receive-quantity-0").fill(String(first.quantity - 1));
    await chooseOption(page, "receive-outcome-0", "退回仓库");
    await page.getByTestId("receive-reason-0").fill("包装破损，随车退回");
    await page.getByTestId("receive-ok").click();
    await poll(() => page.getByTestId("order-status").getAttribute("data-value")).toBe("received");
    const discrepancy = page.getByTestId("order-line-discrepancy");
    await expect(discrepancy.getAttribute("data-outcome")).resolves.toBe("returned");
    await expect(discrepancy.textContent()).resolves.toContain("包装破损");
    await expect(page.getByTestId("order-history").textContent()).resolves.toContain("木洞镇 王主任");
    await screenshot(page, "order-received.png");
    const received = await stockFigures(page, order, first);
    expect(received).toEqual({ onHand: departed.onHand + 1, reserved: departed.reserved });

    // 取消方案: what has not left is cancelled; what was received stays.
    if (ordersOf(incidentId).some((o) => o.status === "reserved")) {
      await page.goto(new URL(`/incidents/${incidentId}/plan`, app.url).href);
      await page.getByTestId("plan-cancel").click();
      await page.getByTestId("cancel-reason").fill("灾情缓解，停止调运");
      await page.getByTestId("cancel-ok").click();
      await poll(() => ordersOf(incidentId).filter((o) => o.status === "reserved").length).toBe(0);
      expect(ordersOf(incidentId).find((o) => o.id === order.id)?.status).toBe("received");
    }

    // The incident's list of its orders, by status from the address.
    await page.goto(new URL(`/incidents/${incidentId}?orderStatus=received`, app.url).href);
    const listed = page.getByTestId("incident-orders").locator('[data-testid="order-row"]');
    await poll(() => listed.count()).toBe(1);
    expect(await listed.getAttribute("data-number")).toBe(order.number);
    await page.context().close();
  });
});
