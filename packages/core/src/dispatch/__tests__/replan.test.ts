import { auditLog, dispatchOrderLines, dispatchOrders, lots, roadEdges } from "@relief/db";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { setRoadStatus } from "../../roads/status";
import { listReservations } from "../../stock/reserve";
import { stockSnapshot } from "../../testing";
import { approvePlan } from "../approve";
import { departOrder } from "../depart";
import { getOrder, listOrders } from "../orders";
import { getPlan, listPlans } from "../plan";
import { inlinePlanner, type PlanRunner } from "../pool";
import { replanIncident } from "../replan";
import { ordersWorld } from "./orders-fixture";

const TOWNS = ["木洞镇", "麻柳嘴镇"];

/** An approved plan for two townships with the first 木洞镇 order departed. */
async function departedOne(options: { drill?: boolean } = {}) {
  const w = await ordersWorld();
  const flood = w.incident(TOWNS, options);
  const balancesBefore = stockSnapshot(w.database).balances;
  const view = await w.plan(flood.id);
  approvePlan({ ctx: w.ctx, input: { planId: view.planId, authorityRef: "巴南应急〔2026〕7号" } });
  const orders = () => listOrders(w.database.db, { incidentId: flood.id, pageSize: 100 }).rows;
  const gone = orders().find((o) => o.areaName === "木洞镇");
  if (!gone) throw new Error("no order to 木洞镇");
  departOrder({ ctx: w.ctx, input: { orderId: gone.id } });
  const edge = (code: string) =>
    w.database.db.select().from(roadEdges).where(eq(roadEdges.code, code)).get()?.id ?? 0;
  const close = (code: string) =>
    setRoadStatus({ ctx: w.ctx, input: { edgeId: edge(code), status: "closed", reason: "山体滑坡" } });
  const areaOf = (name: string) => orders().find((o) => o.areaName === name)?.areaId ?? 0;
  const linesOf = (orderIds: number[]) =>
    w.database.db
      .select()
      .from(dispatchOrderLines)
      .where(inArray(dispatchOrderLines.orderId, orderIds))
      .all();
  return { ...w, flood, view, orders, gone, edge, close, areaOf, linesOf, balancesBefore };
}

const replan = (w: Awaited<ReturnType<typeof departedOne>>, runner: PlanRunner = inlinePlanner()) =>
  replanIncident({ ctx: w.ctx, input: { incidentId: w.flood.id, timeLimitMs: 30_000 } }, { runner });

describe("re-planning after a road closes", () => {
  it("flags the approved plan, then keeps what left and re-plans the rest around the closed road", async () => {
    const w = await departedOne();
    const departedBefore = getOrder(w.database.db, w.gone.id);

    // A road no undeparted trip drives (the 木洞 point's link) flags nothing.
    w.close("R034");
    expect(getPlan(w.database.db, w.view.planId).flaggedAt).toBeNull();

    // The Taihong bridge link to 麻柳嘴镇 is on the undeparted trips there.
    w.close("R078");
    const flagged = getPlan(w.database.db, w.view.planId);
    const undeparted = w.orders().filter((o) => o.status === "reserved");
    expect(flagged.flaggedAt).not.toBeNull();
    expect(flagged.flag).toEqual({
      at: flagged.flaggedAt,
      roads: [{ id: w.edge("R078"), code: "R078", name: "南两高速麻柳互通连接线", status: "closed" }],
      undeparted: undeparted.length,
    });
    expect(listPlans(w.database.db, { incidentId: w.flood.id })[0]?.flaggedAt).toBe(flagged.flaggedAt);
    expect(w.orders().every((o) => o.planFlaggedAt === flagged.flaggedAt)).toBe(true);
    const audit = w.database.db.select().from(auditLog).where(eq(auditLog.action, "dispatch.flag")).all();
    expect(audit).toHaveLength(1);

    const result = await replan(w);
    expect(result.replaced).toEqual({ planId: w.view.planId, version: 1 });
    expect(result.plan.version).toBe(2);
    expect(result.kept).toEqual([{ id: w.gone.id, number: w.gone.number, status: "departed" }]);
    expect(result.cancelled.map((o) => o.id).sort()).toEqual(undeparted.map((o) => o.id).sort());

    // What left is untouched: still departed, its stock issued, nothing reserved under its number.
    expect(getOrder(w.database.db, w.gone.id)).toEqual({ ...departedBefore, planFlaggedAt: null });
    expect(listReservations(w.database.db, { dispatchRef: w.gone.number })).toEqual([]);
    // What had not left is cancelled and its reservations released.
    for (const o of undeparted) {
      const order = getOrder(w.database.db, o.id);
      expect(order.status).toBe("cancelled");
      expect(order.cancelReason).toBe("道路变化，重新制定为调运方案第 2 版");
      expect(listReservations(w.database.db, { dispatchRef: o.number })).toEqual([]);
    }
    // The new orders are reserved, carry the old authority, and cover only what is still needed.
    expect(result.orders.length).toBeGreaterThan(0);
    for (const o of result.orders) {
      const order = getOrder(w.database.db, o.id);
      expect(order).toMatchObject({
        status: "reserved",
        planId: result.plan.planId,
        authorityRef: "巴南应急〔2026〕7号",
      });
      expect(listReservations(w.database.db, { dispatchRef: o.number }).length).toBeGreaterThan(0);
    }
    const sum = (lines: Array<{ itemId: number; quantity: number }>) => {
      const by = new Map<number, number>();
      for (const l of lines) by.set(l.itemId, (by.get(l.itemId) ?? 0) + l.quantity);
      return by;
    };
    const mudong = w.areaOf("木洞镇");
    const newToMudong = w.orders().filter((o) => o.planId === result.plan.planId && o.areaId === mudong);
    const sent = sum(w.linesOf(newToMudong.map((o) => o.id)));
    const carried = sum(w.linesOf([w.gone.id]));
    const need = w.view.outcomes.find((o) => o.areaId === mudong)?.lines ?? [];
    for (const line of need)
      expect((sent.get(line.itemId) ?? 0) + (carried.get(line.itemId) ?? 0), `item ${line.itemId}`).toBe(
        line.need,
      );

    // The new plan is approved, never drives the closed road; the old one is replaced and no longer flagged.
    const fresh = getPlan(w.database.db, result.plan.planId);
    expect(fresh.approvedAt).not.toBeNull();
    expect(fresh.routes.some((r) => r.edgeIds.includes(w.edge("R078")))).toBe(false);
    const old = getPlan(w.database.db, w.view.planId);
    expect(old.cancelledAt).not.toBeNull();
    expect(old.flag).toBeNull();

    // The difference: 麻柳嘴镇 is still reached, by a detour.
    const maliu = result.areas.find((a) => a.areaId === w.areaOf("麻柳嘴镇"));
    expect(maliu).toMatchObject({ change: "later", shortfalls: [] });
    expect(maliu?.minutes).toBeGreaterThan(0);
    expect(w.verify()).toEqual([]);
  }, 120_000);

  it("lists a township the closures cut off as unreachable, with the reason", async () => {
    const w = await departedOne();
    for (const code of ["R078", "R081", "R082", "R083"]) w.close(code);
    const result = await replan(w);
    const maliu = result.areas.find((a) => a.areaId === w.areaOf("麻柳嘴镇"));
    expect(maliu?.change).toBe("unreachable");
    expect(maliu?.after).toBeNull();
    expect(maliu?.before).not.toBeNull();
    expect(maliu?.shortfalls.length).toBeGreaterThan(0);
    expect(new Set(maliu?.shortfalls.map((s) => s.reason))).toEqual(new Set(["unreachable"]));
    const newOrders = w.orders().filter((o) => o.planId === result.plan.planId);
    expect(newOrders.length).toBeGreaterThan(0);
    expect(newOrders.every((o) => o.areaName === "木洞镇")).toBe(true);
    expect(w.verify()).toEqual([]);
  }, 120_000);

  it("writes none of the swap when the new approval cannot have its stock", async () => {
    const w = await departedOne();
    w.close("R078");
    const statuses = () => w.orders().map((o) => [o.number, o.status]);
    const reserved = () => listReservations(w.database.db, {});
    const before = { statuses: statuses(), reserved: reserved() };
    let snapshot: ReturnType<typeof stockSnapshot> | null = null;
    const inline = inlinePlanner();
    // While the plan is computed, someone marks every lot of the first item damaged.
    const runner: PlanRunner = {
      ...inline,
      run: async (problem) => {
        const plan = await inline.run(problem);
        const itemId = w.view.outcomes[0]?.lines[0]?.itemId ?? 0;
        w.database.db.update(lots).set({ status: "damaged" }).where(eq(lots.itemId, itemId)).run();
        snapshot = stockSnapshot(w.database);
        return plan;
      },
    };
    const message = await replan(w, runner).then(
      () => "approved",
      (e: Error) => e.message,
    );
    expect(message).toMatch(
      /^重新制定的调运方案第 2 版无法批准：所依据的物资已有 \d+ 处变化，原方案保持不变，未取消任何调拨单$/,
    );
    expect(statuses()).toEqual(before.statuses);
    expect(reserved()).toEqual(before.reserved);
    expect(stockSnapshot(w.database)).toEqual(snapshot);
    const [fresh, old] = listPlans(w.database.db, { incidentId: w.flood.id });
    expect(fresh).toMatchObject({ version: 2, approvedAt: null, cancelledAt: null });
    expect(old).toMatchObject({ version: 1, cancelledAt: null });
    expect(old?.flag?.undeparted).toBeGreaterThan(0);
    expect(
      w.database.db
        .select()
        .from(dispatchOrders)
        .where(eq(dispatchOrders.planId, fresh?.planId ?? 0))
        .all(),
    ).toEqual([]);
    expect(w.verify()).toEqual([]);
  }, 120_000);

  it("re-plans a drill the same way and posts nothing", async () => {
    const w = await departedOne({ drill: true });
    w.close("R078");
    expect(getPlan(w.database.db, w.view.planId).flag?.undeparted).toBeGreaterThan(0);
    const result = await replan(w);
    expect(result.orders.every((o) => o.number.startsWith("YL-DB-"))).toBe(true);
    expect(result.kept).toEqual([{ id: w.gone.id, number: w.gone.number, status: "departed" }]);
    expect(stockSnapshot(w.database).balances).toEqual(w.balancesBefore);
    expect(listReservations(w.database.db, {})).toEqual([]);
  }, 120_000);

  it("refuses an incident without an approved plan, and one whose orders have all left", async () => {
    const w = await ordersWorld();
    const flood = w.incident(TOWNS);
    await w.plan(flood.id);
    const call = () =>
      replanIncident({ ctx: w.ctx, input: { incidentId: flood.id } }, { runner: inlinePlanner() });
    expect(await call().catch((e: Error) => e.message)).toBe(
      "本灾情没有已批准且未取消的调运方案，无需重新制定",
    );
    const view = await w.plan(flood.id);
    const { orders } = approvePlan({ ctx: w.ctx, input: { planId: view.planId } });
    for (const o of orders) departOrder({ ctx: w.ctx, input: { orderId: o.id } });
    expect(await call().catch((e: Error) => e.message)).toBe(
      "调运方案第 2 版的调拨单均已出发，没有可重新制定的部分",
    );
  }, 120_000);
});
