import { dispatchOrderLines, dispatchOrders } from "@relief/db";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { NOW, ordersWorld } from "../../dispatch/__tests__/orders-fixture";
import { approvePlan } from "../../dispatch/approve";
import { departOrder } from "../../dispatch/depart";
import { inlinePlanner } from "../../dispatch/pool";
import { receiveOrder } from "../../dispatch/receive";
import { replanIncident } from "../../dispatch/replan";
import { zhThrown } from "../../testing";
import { incidentNeeds } from "../needs";
import { type IncidentProgress, incidentProgress, peopleServedBy } from "../progress";

const nowIso = NOW.toISOString();
const hoursLater = (h: number) => new Date(NOW.getTime() + h * 3_600_000);

type World = Awaited<ReturnType<typeof ordersWorld>>;

function linesOf(w: World, orderId: number) {
  return w.database.db
    .select()
    .from(dispatchOrderLines)
    .where(eq(dispatchOrderLines.orderId, orderId))
    .orderBy(asc(dispatchOrderLines.lineNo))
    .all();
}

const ordersOf = (w: World, incidentId: number) =>
  w.database.db
    .select()
    .from(dispatchOrders)
    .where(eq(dispatchOrders.incidentId, incidentId))
    .orderBy(asc(dispatchOrders.id))
    .all();

/** Sums a figure over the area lines of one item. */
const figure = (
  p: IncidentProgress,
  itemId: number,
  key: "planned" | "reserved" | "inTransit" | "delivered",
) => p.areas.flatMap((a) => a.lines).reduce((s, l) => (l.itemId === itemId ? s + l[key] : s), 0);

function receiveInFull(w: World, orderId: number, ctx: CoreContext = w.ctx) {
  receiveOrder({
    ctx,
    input: {
      orderId,
      signer: "木洞镇 李示例",
      lines: linesOf(w, orderId).map((l) => ({ lineId: l.id, quantity: l.quantity })),
    },
  });
}

/** A flood at 木洞镇 planned; every step is read back through `incidentProgress`. */
async function story({ drill = false } = {}) {
  const w = await ordersWorld();
  const flood = w.incident(["木洞镇"], { drill, relocated: 300 });
  const view = await w.plan(flood.id);
  const progress = (at = nowIso) => incidentProgress(w.database.db, { incidentId: flood.id }, at);
  return { w, flood, view, progress };
}

describe("incidents.progress", () => {
  it("follows a plan through approval, departure and receipt, and counts only what arrived as served", async () => {
    const { w, flood, view, progress } = await story();
    const needs = incidentNeeds(w.database.db, flood.id);
    const outcome = view.outcomes[0];
    if (!outcome) throw new Error("the plan has no outcome");

    const planned = progress();
    expect(planned.plan).toEqual({ planId: view.planId, version: view.version, approved: false });
    expect(planned.minutesLeft).toBe(9 * 60 + 30);
    const area = planned.areas[0];
    expect(area?.name).toBe("木洞镇");
    expect(area?.relocated).toBe(300);
    for (const need of needs) {
      const line = area?.lines.find((l) => l.itemId === need.itemId);
      expect(line?.needed).toBe(need.quantity);
      expect(line?.planned).toBe(outcome.lines.find((l) => l.itemId === need.itemId)?.planned ?? 0);
      expect([line?.reserved, line?.inTransit, line?.delivered]).toEqual([0, 0, 0]);
    }
    expect(area?.peopleServed).toBe(0);
    expect(planned.orders).toEqual({ reserved: 0, departed: 0, received: 0, cancelled: 0 });

    approvePlan({ ctx: w.ctx, input: { planId: view.planId } });
    const approved = progress();
    expect(approved.plan?.approved).toBe(true);
    const orders = ordersOf(w, flood.id);
    expect(approved.orders.reserved).toBe(orders.length);
    for (const line of approved.areas[0]?.lines ?? []) expect(line.reserved).toBe(line.planned);

    const [first, ...rest] = orders;
    if (!first) throw new Error("no orders");
    departOrder({ ctx: w.ctx, input: { orderId: first.id } });
    const departed = progress();
    const firstLines = linesOf(w, first.id);
    for (const l of firstLines) {
      const onIt = firstLines.filter((x) => x.itemId === l.itemId).reduce((s, x) => s + x.quantity, 0);
      expect(figure(departed, l.itemId, "inTransit")).toBe(onIt);
      expect(figure(departed, l.itemId, "reserved")).toBe(figure(approved, l.itemId, "reserved") - onIt);
    }
    expect(departed.orders).toMatchObject({ reserved: orders.length - 1, departed: 1 });

    receiveInFull(w, first.id);
    const one = progress();
    for (const l of firstLines) expect(figure(one, l.itemId, "inTransit")).toBe(0);
    const oneArea = one.areas[0];
    expect(oneArea?.peopleServed).toBe(
      peopleServedBy(300, oneArea?.lines.map((l) => ({ needed: l.needed, received: l.delivered })) ?? []),
    );

    for (const order of rest) {
      departOrder({ ctx: w.ctx, input: { orderId: order.id } });
      receiveInFull(w, order.id);
    }
    const done = progress();
    // Everything the plan sent arrived in full before the deadline: the plan's people are served, in time.
    expect(done.areas[0]?.peopleServed).toBe(outcome.peopleServed);
    expect(done.areas[0]?.peopleServedByDeadline).toBe(outcome.peopleServed);
    expect(done.totals).toMatchObject({ relocated: 300, peopleServed: outcome.peopleServed });
    for (const line of done.areas[0]?.lines ?? []) expect(line.delivered).toBe(line.planned);
    expect(done.orders).toEqual({ reserved: 0, departed: 0, received: orders.length, cancelled: 0 });
    if (outcome.peopleServed === 300) expect(done.areas[0]?.servedInFullAt).toBe(nowIso);
    // District totals per item add the areas up.
    for (const item of done.items) expect(item.delivered).toBe(figure(done, item.itemId, "delivered"));
  });

  it("counts a short receipt short: less delivered, fewer people served", async () => {
    const { w, flood, view, progress } = await story();
    approvePlan({ ctx: w.ctx, input: { planId: view.planId } });
    const orders = ordersOf(w, flood.id);
    for (const order of orders) departOrder({ ctx: w.ctx, input: { orderId: order.id } });
    const [short, ...rest] = orders;
    if (!short) throw new Error("no orders");
    for (const order of rest) receiveInFull(w, order.id);
    const lines = linesOf(w, short.id);
    const cut = lines[0];
    if (!cut) throw new Error("no lines");
    const missing = Math.ceil(cut.quantity / 2);
    receiveOrder({
      ctx: w.ctx,
      input: {
        orderId: short.id,
        signer: "木洞镇 李示例",
        lines: lines.map((l) =>
          l.id === cut.id
            ? {
                lineId: l.id,
                quantity: l.quantity - missing,
                discrepancy: { outcome: "lost" as const, reason: "途中遗失" },
              }
            : { lineId: l.id, quantity: l.quantity },
        ),
      },
    });
    const after = progress();
    const line = after.areas[0]?.lines.find((l) => l.itemId === cut.itemId);
    expect(line?.delivered).toBe((line?.planned ?? 0) - missing);
    const served = after.areas[0]?.peopleServed ?? 0;
    expect(served).toBe(Math.floor((300 * (line?.delivered ?? 0)) / (line?.needed ?? 1)));
    expect(served).toBeLessThan(view.outcomes[0]?.peopleServed ?? 0);
    expect(after.areas[0]?.servedInFullAt).toBeNull();
  });

  it("tells what was received after the deadline from what was in time", async () => {
    const { w, flood, view, progress } = await story();
    approvePlan({ ctx: w.ctx, input: { planId: view.planId } });
    const late = { ...w.ctx, now: () => hoursLater(11) };
    for (const order of ordersOf(w, flood.id)) {
      departOrder({ ctx: w.ctx, input: { orderId: order.id } });
      receiveInFull(w, order.id, late);
    }
    const after = progress(hoursLater(11).toISOString());
    expect(after.minutesLeft).toBe(-90);
    expect(after.areas[0]?.peopleServed).toBe(view.outcomes[0]?.peopleServed);
    expect(after.areas[0]?.peopleServedByDeadline).toBe(0);
    for (const line of after.areas[0]?.lines ?? []) expect(line.deliveredByDeadline).toBe(0);
  });

  it("counts a drill's steps the same way, marked as a drill", async () => {
    const { w, flood, view, progress } = await story({ drill: true });
    approvePlan({ ctx: w.ctx, input: { planId: view.planId } });
    const orders = ordersOf(w, flood.id);
    const reserved = progress();
    expect(reserved.incident.drill).toBe(true);
    for (const line of reserved.areas[0]?.lines ?? []) expect(line.reserved).toBe(line.planned);
    for (const order of orders) {
      departOrder({ ctx: w.ctx, input: { orderId: order.id } });
      receiveInFull(w, order.id);
    }
    const done = progress();
    expect(done.areas[0]?.peopleServed).toBe(view.outcomes[0]?.peopleServed);
    expect(done.orders.received).toBe(orders.length);
    expect(w.verify()).toEqual([]);
  });

  it("applies the planner's rule: the smallest share, rounded down, only items needed", () => {
    expect(peopleServedBy(300, [{ needed: 100, received: 100 }])).toBe(300);
    expect(peopleServedBy(3, [{ needed: 3, received: 1 }])).toBe(1);
    expect(
      peopleServedBy(300, [
        { needed: 100, received: 50 },
        { needed: 900, received: 899 },
        { needed: 0, received: 7 },
      ]),
    ).toBe(150);
    expect(peopleServedBy(300, [{ needed: 100, received: 500 }])).toBe(300);
    expect(peopleServedBy(300, [])).toBe(0);
  });

  it("refuses an unknown incident", async () => {
    const w = await ordersWorld();
    expect(zhThrown(() => incidentProgress(w.database.db, { incidentId: 999_999 }, nowIso))).toBe(
      "灾情 #999999 不存在",
    );
  });
});

describe("incidents.progress after a re-plan", () => {
  it("keeps what left under the replaced version as planned, beside the new version's deliveries", async () => {
    const w = await ordersWorld();
    const flood = w.incident(["木洞镇", "麻柳嘴镇"]);
    const view = await w.plan(flood.id);
    approvePlan({ ctx: w.ctx, input: { planId: view.planId } });
    const gone = ordersOf(w, flood.id)[0];
    if (!gone) throw new Error("no orders");
    departOrder({ ctx: w.ctx, input: { orderId: gone.id } });
    const before = incidentProgress(w.database.db, { incidentId: flood.id }, nowIso);

    const result = await replanIncident(
      { ctx: w.ctx, input: { incidentId: flood.id, timeLimitMs: 30_000 } },
      { runner: inlinePlanner() },
    );
    const after = incidentProgress(w.database.db, { incidentId: flood.id }, nowIso);
    expect(after.plan).toEqual({ planId: result.plan.planId, version: result.plan.version, approved: true });
    expect(after.orders.cancelled).toBe(result.cancelled.length);
    for (const line of linesOf(w, gone.id)) {
      expect(figure(after, line.itemId, "inTransit")).toBe(figure(before, line.itemId, "inTransit"));
      // Everything on the road or still reserved is part of what is planned.
      expect(figure(after, line.itemId, "planned")).toBeGreaterThanOrEqual(
        figure(after, line.itemId, "inTransit") + figure(after, line.itemId, "reserved"),
      );
    }
  });
});
