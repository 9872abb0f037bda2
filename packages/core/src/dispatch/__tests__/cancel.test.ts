import { agreementCalloffs, dispatchOrders, dispatchPlans } from "@relief/db";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCalloff } from "../../agreements/calloffs";
import { listReservations } from "../../stock/reserve";
import { actorFor, contextFor, stockSnapshot, zhIssues, zhThrown } from "../../testing";
import { approvePlan } from "../approve";
import { cancelDispatch, cancelOrder, cancelPlan } from "../cancel";
import { getOrder } from "../orders";
import { NOW, ordersWorld } from "./orders-fixture";

async function approved(options: { drill?: boolean } = {}) {
  const w = await ordersWorld();
  const flood = w.incident(["木洞镇", "麻柳嘴镇"], options);
  const availableBefore = w.database.sqlite.prepare("SELECT * FROM balances ORDER BY 1, 2, 3, 4").all();
  const view = await w.plan(flood.id);
  const { orders } = approvePlan({ ctx: w.ctx, input: { planId: view.planId } });
  return { ...w, flood, view, orders, availableBefore };
}

const balances = (w: Awaited<ReturnType<typeof approved>>) =>
  w.database.sqlite.prepare("SELECT * FROM balances ORDER BY 1, 2, 3, 4").all();

describe("dispatch.cancel", () => {
  it("cancels one order: its reservation is released, the others keep theirs", async () => {
    const w = await approved();
    expect(w.orders.length).toBeGreaterThan(1);
    const [first, second] = w.orders as [{ id: number; number: string }, { id: number; number: string }];
    const result = cancelOrder({ ctx: w.ctx, input: { orderId: first.id, reason: "道路受阻，改派" } });
    expect(result).toEqual({ cancelled: [first], remaining: [] });
    expect(listReservations(w.database.db, { dispatchRef: first.number })).toEqual([]);
    expect(listReservations(w.database.db, { dispatchRef: second.number }).length).toBeGreaterThan(0);
    expect(getOrder(w.database.db, first.id)).toMatchObject({
      status: "cancelled",
      cancelledAt: NOW.toISOString(),
      cancelledBy: "diaodu",
      cancelReason: "道路受阻，改派",
    });
    expect(w.verify()).toEqual([]);

    // Refusals write nothing: cancelled already, departed, no reason.
    const before = stockSnapshot(w.database);
    expect(zhThrown(() => cancelOrder({ ctx: w.ctx, input: { orderId: first.id, reason: "再次" } }))).toBe(
      `调拨单 ${first.number} 已取消`,
    );
    w.database.db
      .update(dispatchOrders)
      .set({ status: "departed" })
      .where(eq(dispatchOrders.id, second.id))
      .run();
    expect(zhThrown(() => cancelOrder({ ctx: w.ctx, input: { orderId: second.id, reason: "取消" } }))).toBe(
      `调拨单 ${second.number} 已出发，不能取消`,
    );
    let cause: unknown;
    try {
      cancelDispatch({ ctx: w.ctx, input: { orderId: second.id, reason: " " } });
    } catch (e) {
      cause = e;
    }
    expect(zhIssues(cause)).toEqual([{ field: "reason", message: "请填写取消原因" }]);
    expect(
      zhIssues(
        (() => {
          try {
            cancelDispatch({ ctx: w.ctx, input: { reason: "取消" } });
          } catch (e) {
            return e;
          }
        })(),
      ),
    ).toEqual([{ field: "orderId", message: "请指定一张调拨单或一个调运方案（二者选一）" }]);
    expect(stockSnapshot(w.database)).toEqual(before);
  });

  it("cancels a plan: every undeparted order released, the departed one stays and is named", async () => {
    const w = await approved();
    const [gone, ...rest] = w.orders as [{ id: number; number: string }, ...{ id: number; number: string }[]];
    w.database.db
      .update(dispatchOrders)
      .set({ status: "departed" })
      .where(eq(dispatchOrders.id, gone.id))
      .run();
    const result = cancelPlan({ ctx: w.ctx, input: { planId: w.view.planId, reason: "灾情解除" } });
    expect(result.cancelled).toEqual(rest);
    expect(result.remaining).toEqual([{ ...gone, status: "departed" }]);
    for (const o of rest) expect(listReservations(w.database.db, { dispatchRef: o.number })).toEqual([]);
    expect(listReservations(w.database.db, { dispatchRef: gone.number }).length).toBeGreaterThan(0);
    // Something is still on the road: the plan itself is not cancelled, and cancelling again finds nothing to do.
    expect(
      w.database.db.select().from(dispatchPlans).where(eq(dispatchPlans.id, w.view.planId)).get()
        ?.cancelledAt,
    ).toBeNull();
    expect(zhThrown(() => cancelPlan({ ctx: w.ctx, input: { planId: w.view.planId, reason: "再次" } }))).toBe(
      "调运方案第 1 版没有可取消的调拨单（均已出发、签收或取消）",
    );
    expect(w.verify()).toEqual([]);
  });

  it("cancelling the whole plan gives every balance back as it was before approval", async () => {
    const w = await approved();
    cancelDispatch({ ctx: w.ctx, input: { planId: w.view.planId, reason: "方案作废" } });
    expect(balances(w)).toEqual(w.availableBefore);
    expect(
      w.database.db.select().from(dispatchPlans).where(eq(dispatchPlans.id, w.view.planId)).get()
        ?.cancelledAt,
    ).toBe(NOW.toISOString());
    expect(zhThrown(() => approvePlan({ ctx: w.ctx, input: { planId: w.view.planId } }))).toBe(
      "调运方案第 1 版已取消",
    );
    expect(w.verify()).toEqual([]);
  });

  it("withdraws the call-offs an order made under its number; the incident's own call-off stays", async () => {
    const w = await approved();
    const line = w.database.sqlite
      .prepare(
        `SELECT l.id FROM agreement_lines l JOIN agreements a ON a.id = l.agreement_id
         WHERE a.number = 'BNSW-XY-2026-008' AND l.line_no = 2`,
      )
      .get() as { id: number };
    const shangwu = { ...contextFor(w.database, actorFor(w.database, "shangwu")), now: () => NOW };
    const [order] = w.orders as [{ id: number; number: string }];
    const own = createCalloff({
      ctx: shangwu,
      input: { lineId: line.id, quantity: 10, requestedAt: NOW.toISOString(), dispatchRef: order.number },
    });
    const incidentWide = createCalloff({
      ctx: shangwu,
      input: { lineId: line.id, quantity: 10, requestedAt: NOW.toISOString(), dispatchRef: w.flood.number },
    });
    cancelOrder({ ctx: w.ctx, input: { orderId: order.id, reason: "改由协议企业直送" } });
    const state = (id: number) =>
      w.database.db.select().from(agreementCalloffs).where(eq(agreementCalloffs.id, id)).get()?.cancelledAt;
    expect(state(own.id)).toBe(NOW.toISOString());
    expect(state(incidentWide.id)).toBeNull();
  });

  it("a drill's cancellation releases nothing and leaves the ledger as it was", async () => {
    const w = await approved({ drill: true });
    const before = stockSnapshot(w.database);
    const result = cancelPlan({ ctx: w.ctx, input: { planId: w.view.planId, reason: "演练结束" } });
    expect(result.cancelled).toHaveLength(w.orders.length);
    expect(stockSnapshot(w.database)).toEqual({ ...before, audit: before.audit + 1 });
    expect(w.verify()).toEqual([]);
  });
});
