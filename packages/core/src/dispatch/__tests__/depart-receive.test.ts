import {
  agreementCalloffs,
  agreementLines,
  agreements,
  areas,
  auditLog,
  balances,
  dispatchOrderLines,
  dispatchOrders,
  incidents,
  items,
  type ReliefDatabase,
  stockDocuments,
  vehicles,
  warehouses,
} from "@relief/db";
import { msg } from "@relief/domain";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { createCalloff } from "../../agreements/calloffs";
import type { CoreContext } from "../../context";
import { createIncident } from "../../incidents/create";
import { availableByWarehouseItem } from "../../stock/balances";
import { releaseReservation, reserveStock } from "../../stock/reserve";
import { verifyBalances } from "../../stock/verify";
import {
  actorFor,
  addUser,
  contextFor,
  createSeededDatabase,
  demoIds,
  stockSnapshot,
  zhThrown,
} from "../../testing";
import { localDate } from "../../time";
import { approvePlan } from "../approve";
import { cancelOrder } from "../cancel";
import { departOrder } from "../depart";
import { stepTime } from "../order-step";
import { planDispatch } from "../plan";
import { inlinePlanner } from "../pool";
import { receiveOrder } from "../receive";

/** The clock is pinned near the real one: the demo lots are dated from the day of seeding. */
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const at = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
const planner = { runner: inlinePlanner() };

let database: ReliefDatabase;
let ctx: CoreContext;

beforeEach(async () => {
  database = await createSeededDatabase();
  ctx = { ...contextFor(database, actorFor(database, "diaodu")), now: () => NOW };
});

const orderRow = (orderId: number) => {
  const row = database.db.select().from(dispatchOrders).where(eq(dispatchOrders.id, orderId)).get();
  if (!row) throw new Error(`no order ${orderId}`);
  return row;
};
const orderLinesOf = (orderId: number) =>
  database.db
    .select({ line: dispatchOrderLines, itemName: items.name, unit: items.baseUnit })
    .from(dispatchOrderLines)
    .innerJoin(items, eq(items.id, dispatchOrderLines.itemId))
    .where(eq(dispatchOrderLines.orderId, orderId))
    .orderBy(dispatchOrderLines.lineNo)
    .all()
    .map((r) => ({ ...r.line, itemName: r.itemName, unit: r.unit }));
const vehicleStatus = (vehicleId: number | null) =>
  database.db
    .select()
    .from(vehicles)
    .where(eq(vehicles.id, vehicleId ?? 0))
    .get()?.status;

function floodAtMuDong({ drill = false } = {}) {
  const area = database.db.select().from(areas).where(eq(areas.name, "木洞镇")).get();
  const incident = createIncident({
    ctx,
    input: {
      type: "flood",
      title: "洪涝",
      drill,
      startedAt: at(-30),
      areas: [{ areaId: area?.id ?? 0, affected: 600, relocated: 300 }],
    },
  });
  const number = database.db.select().from(incidents).where(eq(incidents.id, incident.id)).get()?.number;
  return { incidentId: incident.id, number: number ?? "" };
}

/** The incident planned and approved: its orders as approval left them (stock reserved, lots named). */
async function approve(incidentId: number) {
  const plan = await planDispatch({ ctx, input: { incidentId, timeLimitMs: 30_000 } }, planner);
  const { orders } = approvePlan({ ctx, input: { planId: plan.planId } });
  return orders.map((o) => ({ ...orderRow(o.id), lines: orderLinesOf(o.id) }));
}

/** A flood at 木洞镇, planned and approved. */
const approvedOrders = ({ drill = false } = {}) => approve(floodAtMuDong({ drill }).incidentId);
type Order = Awaited<ReturnType<typeof approvedOrders>>[number];
type Line = Order["lines"][number];

/** The first order from a warehouse `minzheng` keeps, on a truck, carrying stock of the ledger. */
async function anOrder(): Promise<Order> {
  const order = (await approvedOrders()).find(
    (o) => o.vehicleId !== null && o.lines.every((l) => l.lotId !== null && l.quantity >= 10),
  );
  if (!order) throw new Error("the plan left no order on a truck");
  return order;
}

function balanceOf(order: Order, line: Line) {
  const row = database.db
    .select()
    .from(balances)
    .where(
      and(
        eq(balances.warehouseId, order.sourceWarehouseId),
        eq(balances.lotId, line.lotId ?? 0),
        eq(balances.ownership, line.ownership),
      ),
    )
    .get();
  if (!row) throw new Error("no balance");
  return { onHand: row.onHand, reserved: row.reserved, available: row.onHand - row.reserved - row.onHold };
}

const expectLedgerClean = () => expect(verifyBalances(database.db).differences).toEqual([]);
const inFull = (order: Order) => order.lines.map((l) => ({ lineId: l.id, quantity: l.quantity }));
const receiveInFull = (order: Order) =>
  receiveOrder({ ctx, input: { orderId: order.id, signer: "木洞镇 李示例", lines: inFull(order) } });

describe("dispatch.depart", () => {
  it("takes the order's reserved stock out of the warehouse and puts the truck on task", async () => {
    const order = await anOrder();
    const before = order.lines.map((l) => balanceOf(order, l));
    expect(vehicleStatus(order.vehicleId)).toBe("available");

    const departed = departOrder({
      ctx,
      input: { orderId: order.id, driver: "张示例", driverPhone: "13800000000" },
    });

    order.lines.forEach((line, i) => {
      const was = before[i] as ReturnType<typeof balanceOf>;
      expect(balanceOf(order, line)).toEqual({
        onHand: was.onHand - line.quantity,
        reserved: was.reserved - line.quantity,
        available: was.available,
      });
    });
    const issue = database.db
      .select()
      .from(stockDocuments)
      .where(eq(stockDocuments.id, departed.issue?.id ?? 0))
      .get();
    expect(issue).toMatchObject({ type: "issue", issueReason: "dispatch", dispatchRef: order.number });
    expect(orderRow(order.id)).toMatchObject({
      status: "departed",
      departedAt: NOW.toISOString(),
      departedBy: ctx.actor?.userId,
      driver: "张示例",
      driverPhone: "13800000000",
    });
    expect(vehicleStatus(order.vehicleId)).toBe("on_task");
    expectLedgerClean();
  });

  it("refuses a second departure, writing nothing", async () => {
    const order = await anOrder();
    departOrder({ ctx, input: { orderId: order.id } });
    const snapshot = stockSnapshot(database);
    expect(zhThrown(() => departOrder({ ctx, input: { orderId: order.id } }))).toBe(
      `调拨单 ${order.number} 当前状态为“已出发”，只有已预留的调拨单才能发车`,
    );
    expect(stockSnapshot(database)).toEqual(snapshot);
  });

  it("refuses a keeper who may not post in the source warehouse; one assigned to it departs", async () => {
    const order = await anOrder();
    const as = (actor: ReturnType<typeof actorFor>) => ({ ...contextFor(database, actor), now: () => NOW });
    const stranger = as(addUser(database, "xinren", "civil_affairs"));
    const source = database.db
      .select()
      .from(warehouses)
      .where(eq(warehouses.id, order.sourceWarehouseId))
      .get();
    const refusal = `您无权在仓库“${source?.name}”记账`;
    const snapshot = stockSnapshot(database);
    expect(zhThrown(() => departOrder({ ctx: stranger, input: { orderId: order.id } }))).toBe(refusal);
    const commerce = as(actorFor(database, "shangwu"));
    expect(zhThrown(() => departOrder({ ctx: commerce, input: { orderId: order.id } }))).toBe(refusal);
    expect(stockSnapshot(database)).toEqual(snapshot);
    expect(orderRow(order.id).status).toBe("reserved");
    departOrder({ ctx: as(actorFor(database, "minzheng")), input: { orderId: order.id } });
    expect(orderRow(order.id).status).toBe("departed");
    expectLedgerClean();
  });

  it("refuses a departure in the future or before approval", async () => {
    const order = await anOrder();
    const snapshot = stockSnapshot(database);
    const depart = (departedAt: string) => () =>
      departOrder({ ctx, input: { orderId: order.id, departedAt } });
    expect(zhThrown(depart(at(60)))).toContain("发车时间不能晚于当前时间");
    expect(zhThrown(depart(at(-5)))).toContain("发车时间不能早于调拨单的批准时间");
    expect(stockSnapshot(database)).toEqual(snapshot);
  });

  it("takes a time typed in the same minute as the step before it as that step's time", () => {
    const approved = new Date(NOW.getTime() + 20_000).toISOString();
    const late = { ...ctx, now: () => new Date(NOW.getTime() + 50_000) };
    const step = (typed: string) =>
      stepTime(late, typed, "departedAt", msg("orders.field.departedAt"), {
        at: approved,
        message: msg("orders.field.departedAt"),
      });
    // Picked as 00 seconds of the approval's minute: not before the approval, recorded at it.
    expect(step(NOW.toISOString())).toEqual({ at: approved, issues: [] });
    // The minute before is before the approval.
    expect(step(at(-1)).issues).toHaveLength(1);
  });

  it("refuses when the order's reservation was released meanwhile", async () => {
    const order = await anOrder();
    releaseReservation({ ctx, input: { dispatchRef: order.number } });
    const line = order.lines[0] as Line;
    const snapshot = stockSnapshot(database);
    expect(zhThrown(() => departOrder({ ctx, input: { orderId: order.id } }))).toContain(
      `现预留 0 ${line.unit}，应为 ${line.quantity} ${line.unit}`,
    );
    expect(stockSnapshot(database)).toEqual(snapshot);
  });

  it("in a drill records departure and receipt and leaves the ledger and the trucks as they were", async () => {
    const orders = await approvedOrders({ drill: true });
    const order = orders.find((o) => o.vehicleId !== null) as Order;
    const snapshot = stockSnapshot(database);
    const trucks = database.db.select().from(vehicles).all();
    departOrder({ ctx, input: { orderId: order.id } });
    expect(orderRow(order.id).status).toBe("departed");
    receiveOrder({
      ctx,
      input: {
        orderId: order.id,
        signer: "李示例",
        lines: order.lines.map((l) => ({
          lineId: l.id,
          quantity: l.quantity - 1,
          discrepancy: { outcome: "returned" as const, reason: "演练" },
        })),
      },
    });
    expect(orderRow(order.id).status).toBe("received");
    const after = stockSnapshot(database);
    expect({ ...after, audit: snapshot.audit }).toEqual(snapshot);
    expect(after.audit).toBe(snapshot.audit + 2);
    expect(database.db.select().from(vehicles).all()).toEqual(trucks);
  });
});

describe("dispatch.receive", () => {
  it("puts a returned shortfall back on hand in the source warehouse and frees the truck", async () => {
    const order = await anOrder();
    departOrder({ ctx, input: { orderId: order.id } });
    const line = order.lines[0] as Line;
    const out = balanceOf(order, line);

    const received = receiveOrder({
      ctx,
      input: {
        orderId: order.id,
        signer: "木洞镇 李示例",
        receivedAt: at(0),
        lines: order.lines.map((l) =>
          l.id === line.id
            ? {
                lineId: l.id,
                quantity: l.quantity - 2,
                discrepancy: { outcome: "returned", reason: "两件破损，随车带回" },
              }
            : { lineId: l.id, quantity: l.quantity },
        ),
      },
    });

    expect(balanceOf(order, line)).toEqual({
      onHand: out.onHand + 2,
      reserved: out.reserved,
      available: out.available + 2,
    });
    const returned = database.db
      .select()
      .from(stockDocuments)
      .where(eq(stockDocuments.id, received.returned?.id ?? 0))
      .get();
    expect(returned).toMatchObject({ type: "receipt", receiptKind: "return", dispatchRef: order.number });
    expect(orderLinesOf(order.id)[0]).toMatchObject({
      receivedQuantity: line.quantity - 2,
      discrepancyQuantity: 2,
      discrepancyOutcome: "returned",
    });
    expect(orderRow(order.id)).toMatchObject({
      status: "received",
      signer: "木洞镇 李示例",
      receivedAt: at(0),
    });
    expect(vehicleStatus(order.vehicleId)).toBe("available");
    expectLedgerClean();
  });

  it("records a lost shortfall with its reason and posts nothing more", async () => {
    const order = await anOrder();
    departOrder({ ctx, input: { orderId: order.id } });
    const line = order.lines[0] as Line;
    const out = balanceOf(order, line);
    const documents = stockSnapshot(database).documents;
    const received = receiveOrder({
      ctx,
      input: {
        orderId: order.id,
        signer: "李示例",
        lines: order.lines.map((l) => ({
          lineId: l.id,
          quantity: l.quantity - 1,
          discrepancy: { outcome: "lost" as const, reason: "途中遗失" },
        })),
      },
    });
    expect(received.returned).toBeNull();
    expect(stockSnapshot(database).documents).toBe(documents);
    expect(balanceOf(order, line)).toEqual(out);
    expect(orderLinesOf(order.id)[0]).toMatchObject({
      receivedQuantity: line.quantity - 1,
      discrepancyQuantity: 1,
      discrepancyOutcome: "lost",
      discrepancyReason: "途中遗失",
    });
    const audit = database.db.select().from(auditLog).where(eq(auditLog.action, "dispatch.receive")).get();
    expect(JSON.stringify(audit?.summary)).toContain("途中遗失");
    expectLedgerClean();
  });

  it("keeps a truck on task until the last of its trips is received", async () => {
    const orders = await approvedOrders();
    const trips = orders.filter((o) =>
      orders.some((p) => p.id !== o.id && p.vehicleId !== null && p.vehicleId === o.vehicleId),
    );
    const [first, second] = trips as [Order, Order];
    expect(second).toBeDefined();
    departOrder({ ctx, input: { orderId: first.id } });
    departOrder({ ctx, input: { orderId: second.id } });
    receiveInFull(first);
    expect(vehicleStatus(first.vehicleId)).toBe("on_task");
    receiveInFull(second);
    expect(vehicleStatus(first.vehicleId)).toBe("available");
    expectLedgerClean();
  });

  it("refuses receiving more than departed, an unexplained shortfall and a foreign line, naming each", async () => {
    const orders = await approvedOrders();
    const [order, other] = orders as [Order, Order];
    departOrder({ ctx, input: { orderId: order.id } });
    const line = order.lines[0] as Line;
    const snapshot = stockSnapshot(database);
    const receive = (lines: Array<{ lineId: number; quantity: number }>) => () =>
      receiveOrder({ ctx, input: { orderId: order.id, signer: "李示例", lines } });
    const rest = inFull(order).slice(1);
    expect(zhThrown(receive([{ lineId: line.id, quantity: line.quantity + 1 }, ...rest]))).toBe(
      `第 1 行（${line.itemName}）实收 ${line.quantity + 1} ${line.unit}，多于发出的 ${line.quantity} ${line.unit}`,
    );
    expect(zhThrown(receive([{ lineId: line.id, quantity: line.quantity - 1 }, ...rest]))).toBe(
      `第 1 行（${line.itemName}）少收 1 ${line.unit}，请说明差异去向（退回仓库或丢失）及原因`,
    );
    expect(zhThrown(receive([...inFull(order), { lineId: line.id, quantity: 0 }]))).toBe(
      `第 1 行（${line.itemName}）填写了不止一次`,
    );
    const foreign = other.lines[0] as Line;
    expect(zhThrown(receive([{ lineId: foreign.id, quantity: 1 }, ...rest]))).toBe("签收明细有 2 处问题");
    expect(stockSnapshot(database)).toEqual(snapshot);
    expect(orderRow(order.id).status).toBe("departed");
  });

  it("refuses a receipt for an order not departed, a cancelled one and a second receipt", async () => {
    const [order, cancelled] = (await approvedOrders()) as [Order, Order];
    expect(zhThrown(() => receiveInFull(order))).toBe(
      `调拨单 ${order.number} 当前状态为“已预留”，只有已发车的调拨单才能签收`,
    );
    cancelOrder({ ctx, input: { orderId: cancelled.id, reason: "道路中断" } });
    departOrder({ ctx, input: { orderId: order.id } });
    receiveInFull(order);
    const snapshot = stockSnapshot(database);
    expect(zhThrown(() => receiveInFull(order))).toBe(
      `调拨单 ${order.number} 当前状态为“已签收”，只有已发车的调拨单才能签收`,
    );
    expect(zhThrown(() => receiveInFull(cancelled))).toBe(
      `调拨单 ${cancelled.number} 当前状态为“已取消”，只有已发车的调拨单才能签收`,
    );
    expect(stockSnapshot(database)).toEqual(snapshot);
    expectLedgerClean();
  });
});

describe("agreement stock on an order", () => {
  it("posts nothing on departure and confirms the call-off with what the townships received", async () => {
    const ids = demoIds(database);
    const food = ids.item("FBSP-01");
    // The district's own ready food is all promised elsewhere: the plan draws on 示例超市's call-off at QY05.
    for (const row of availableByWarehouseItem(database.db, localDate(NOW.toISOString())))
      if (row.itemId === food && row.available > 0)
        reserveStock({
          ctx: contextFor(database),
          input: {
            warehouseId: row.warehouseId,
            dispatchRef: "其他灾情",
            lines: [{ itemId: food, quantity: row.available }],
          },
        });
    const supermarket = database.db
      .select({ id: agreementLines.id })
      .from(agreementLines)
      .innerJoin(agreements, eq(agreements.id, agreementLines.agreementId))
      .where(and(eq(agreements.number, "BNSW-XY-2026-008"), eq(agreementLines.lineNo, 2)))
      .get();
    const { incidentId, number } = floodAtMuDong();
    const calloff = createCalloff({
      ctx: { ...contextFor(database, actorFor(database, "shangwu")), now: () => NOW },
      input: { lineId: supermarket?.id ?? 0, quantity: 1500, requestedAt: at(-10), dispatchRef: number },
    });
    const orders = (await approve(incidentId)).filter((o) => o.lines.some((l) => l.calloffId === calloff.id));
    expect(orders.length).toBeGreaterThan(0);
    const snapshot = stockSnapshot(database);
    for (const order of orders) departOrder({ ctx, input: { orderId: order.id } });
    expect({ ...stockSnapshot(database), audit: snapshot.audit }).toEqual(snapshot);

    const calloffRow = () =>
      database.db.select().from(agreementCalloffs).where(eq(agreementCalloffs.id, calloff.id)).get();
    let sent = 0;
    let received = 0;
    orders.forEach((order, i) => {
      expect(calloffRow()?.deliveredAt).toBeNull();
      receiveOrder({
        ctx,
        input: {
          orderId: order.id,
          signer: "李示例",
          lines: order.lines.map((l) => {
            sent += l.quantity;
            const short = i === 0 ? 5 : 0;
            received += l.quantity - short;
            return short
              ? {
                  lineId: l.id,
                  quantity: l.quantity - short,
                  discrepancy: { outcome: "lost" as const, reason: "包装破损" },
                }
              : { lineId: l.id, quantity: l.quantity };
          }),
        },
      });
    });
    expect(sent).toBeGreaterThan(received);
    expect(calloffRow()).toMatchObject({ deliveredQuantity: received, deliveredAt: NOW.toISOString() });
    expectLedgerClean();
  });
});
