import { agreementCalloffs, dispatchOrderLines, dispatchPlans, items, lots } from "@relief/db";
import { renderMessage } from "@relief/domain";
import { eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createCalloff } from "../../agreements/calloffs";
import { quotasAt } from "../../coverage/quotas";
import { DomainError } from "../../errors";
import { issueStock } from "../../stock/issue";
import { listReservations } from "../../stock/reserve";
import { actorFor, contextFor, stockSnapshot, zhThrown } from "../../testing";
import { approvePlan } from "../approve";
import { getOrder, listOrders } from "../orders";
import type { PlanView } from "../types";
import { NOW, ordersWorld } from "./orders-fixture";

/** Planned quantity per source warehouse × item. */
function sentBy(view: PlanView): Map<string, number> {
  const sums = new Map<string, number>();
  for (const r of view.routes)
    for (const s of r.stops)
      for (const d of s.deliveries) {
        const key = `${r.warehouseId}|${d.itemId}`;
        sums.set(key, (sums.get(key) ?? 0) + d.quantity);
      }
  return sums;
}

describe("dispatch.approve", () => {
  it("reserves exactly what each trip carries under its order's number, lot by lot", async () => {
    const w = await ordersWorld();
    const flood = w.incident(["木洞镇", "麻柳嘴镇"]);
    const view = await w.plan(flood.id);
    const planned = sentBy(view);
    const availableBefore = new Map(
      [...planned.keys()].map((k) => [k, w.available(...(k.split("|").map(Number) as [number, number]))]),
    );
    const coverageBefore = w.coverageStock();

    const { orders } = approvePlan({
      ctx: w.ctx,
      input: { planId: view.planId, authorityRef: "巴南减灾委〔2026〕1号" },
    });
    const stops = view.routes.flatMap((r) => r.stops.filter((s) => s.deliveries.length > 0));
    expect(orders).toHaveLength(stops.length);
    for (const o of orders) expect(o.number).toMatch(/^DB-\d{8}-\d{4}$/);

    // Each order's reservation is its own, and equals its lines; together they are the plan.
    const reserved = new Map<string, number>();
    for (const o of orders) {
      const order = getOrder(w.database.db, o.id);
      const held = listReservations(w.database.db, { dispatchRef: o.number });
      expect(held.map((h) => [h.itemId, h.lotId, h.reserved])).toEqual(
        expect.arrayContaining(order.lines.map((l) => [l.itemId, l.lotId, l.quantity])),
      );
      expect(held.reduce((s, h) => s + h.reserved, 0)).toBe(order.lines.reduce((s, l) => s + l.quantity, 0));
      for (const l of order.lines) {
        expect(l.lotId).not.toBeNull();
        const key = `${order.sourceWarehouseId}|${l.itemId}`;
        reserved.set(key, (reserved.get(key) ?? 0) + l.quantity);
      }
      expect(order).toMatchObject({
        status: "reserved",
        drill: false,
        authority: "巴南区减灾委员会",
        authorityRef: "巴南减灾委〔2026〕1号",
        purpose: "救灾调运：洪涝",
        requiredBy: view.deadlineAt,
        incidentNumber: flood.number,
      });
      expect(order.issuingUnit).not.toBe("");
      expect(order.plate).not.toBe("");
      // The receiving township's relief contact, copied from the area register (fixtures/banan/areas.json).
      expect([order.receiverName, order.receiverPhone]).toEqual(
        { 木洞镇: ["喻示例", "023-66221013"], 麻柳嘴镇: ["水示例", "023-66221015"] }[order.area.name],
      );
    }
    expect(reserved).toEqual(planned);

    // Available stock drops by the same amounts, and so does the coverage figure's usable stock.
    for (const [key, q] of planned) {
      const [warehouseId, itemId] = key.split("|").map(Number) as [number, number];
      expect(w.available(warehouseId, itemId)).toBe((availableBefore.get(key) ?? 0) - q);
    }
    const quotas = quotasAt(w.database.db, NOW.toISOString());
    const itemRows = w.database.db.select().from(items).all();
    const expectedDrop = new Map<number, number>();
    for (const [key, q] of planned) {
      const item = itemRows.find((i) => i.id === Number(key.split("|")[1]));
      if (!item) continue;
      const measure = quotas.find((x) => x.categoryId === item.categoryId)?.measure;
      if (!measure) continue;
      expectedDrop.set(
        item.categoryId,
        (expectedDrop.get(item.categoryId) ?? 0) + (measure === "kg" ? q * item.kgPerUnit : q),
      );
    }
    const coverageAfter = w.coverageStock();
    for (const [categoryId, drop] of expectedDrop)
      expect((coverageBefore.get(categoryId) ?? 0) - (coverageAfter.get(categoryId) ?? 0)).toBeCloseTo(
        drop,
        6,
      );

    const plan = w.database.db.select().from(dispatchPlans).where(eq(dispatchPlans.id, view.planId)).get();
    expect(plan?.approvedAt).toBe(NOW.toISOString());
    expect(listOrders(w.database.db, { incidentId: flood.id, pageSize: 1 })).toMatchObject({
      total: orders.length,
    });
    expect(w.verify()).toEqual([]);

    expect(zhThrown(() => approvePlan({ ctx: w.ctx, input: { planId: view.planId } }))).toContain("已于");
  });

  it("refuses an older version, and nothing is written", async () => {
    const w = await ordersWorld();
    const flood = w.incident(["木洞镇"]);
    const first = await w.plan(flood.id);
    await w.plan(flood.id);
    const before = stockSnapshot(w.database);
    expect(zhThrown(() => approvePlan({ ctx: w.ctx, input: { planId: first.planId } }))).toBe(
      "调运方案第 1 版不是最新版本（最新为第 2 版）：请批准最新版本或重新制定方案",
    );
    expect(stockSnapshot(w.database)).toEqual(before);
    expect(w.orderCount()).toBe(0);
  });

  it("refuses a new version while an earlier one stays approved: the relief would go twice", async () => {
    const w = await ordersWorld();
    const flood = w.incident(["木洞镇"]);
    const first = await w.plan(flood.id);
    approvePlan({ ctx: w.ctx, input: { planId: first.planId } });
    const second = await w.plan(flood.id);
    const orders = w.orderCount();
    expect(zhThrown(() => approvePlan({ ctx: w.ctx, input: { planId: second.planId } }))).toBe(
      "本灾情的调运方案第 1 版已批准且未取消：请先取消该方案，再批准新版本",
    );
    expect(w.orderCount()).toBe(orders);
  });

  it("writes nothing when stock the plan counted on was issued meanwhile, and says what changed", async () => {
    const w = await ordersWorld();
    const food = w.ids.item("FBSP-01");
    const reserve = w.ids.warehouse("QJ01");
    w.scarce(food, reserve, 300);
    const flood = w.incident(["木洞镇"]);
    const view = await w.plan(flood.id);
    expect(sentBy(view).get(`${reserve}|${food}`)).toBe(300);
    issueStock({
      ctx: contextFor(w.database),
      input: { warehouseId: reserve, reason: "dispatch", lines: [{ itemId: food, quantity: 100 }] },
    });
    const before = stockSnapshot(w.database);
    const calloffs = w.calloffCount();
    let error: unknown;
    try {
      approvePlan({ ctx: w.ctx, input: { planId: view.planId } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    const domain = error as DomainError;
    expect(domain.message).toBe("方案所依据的物资已有 1 处变化，未生成任何调拨单，请重新制定方案");
    expect(domain.issues.map((i) => renderMessage(i.message, "zh-CN"))).toEqual([
      "巴南区救灾物资储备库 的 方便食品（压缩干粮）：方案调运 300 袋，现可用 200 袋",
    ]);
    expect(renderMessage(domain.text, "en-US")).toBe(
      "1 of the supplies the plan relied on have changed; no dispatch order was created. Plan again",
    );
    expect(stockSnapshot(w.database)).toEqual(before);
    expect(w.calloffCount()).toBe(calloffs);
    expect(w.orderCount()).toBe(0);
    expect(
      w.database.db.select().from(dispatchPlans).where(eq(dispatchPlans.id, view.planId)).get()?.approvedAt,
    ).toBeNull();
    expect(w.verify()).toEqual([]);
  });

  it("serializes two approvals over the same stock: the second is refused with what changed, nothing of it written", async () => {
    const w = await ordersWorld();
    const food = w.ids.item("FBSP-01");
    const reserve = w.ids.warehouse("QJ01");
    w.scarce(food, reserve, 1000);
    // Two incidents planned before either is approved: each plan counts on most of the same 1,000 bags.
    const a = w.incident(["木洞镇"], { relocated: 500 });
    const b = w.incident(["丰盛镇"], { relocated: 500 });
    const planA = await w.plan(a.id);
    const planB = await w.plan(b.id);
    const wantA = sentBy(planA).get(`${reserve}|${food}`) ?? 0;
    const wantB = sentBy(planB).get(`${reserve}|${food}`) ?? 0;
    expect(wantA + wantB).toBeGreaterThan(1000);

    approvePlan({ ctx: w.ctx, input: { planId: planA.planId } });
    const before = stockSnapshot(w.database);
    const other = { ...w.ctx, ...contextFor(w.database, actorFor(w.database, "admin")), now: w.ctx.now };
    const error = zhThrown(() => approvePlan({ ctx: other, input: { planId: planB.planId } }));
    expect(error).toBe("方案所依据的物资已有 1 处变化，未生成任何调拨单，请重新制定方案");
    expect(stockSnapshot(w.database)).toEqual(before);
    expect(listOrders(w.database.db, { incidentId: b.id }).total).toBe(0);
    expect(w.available(reserve, food)).toBe(1000 - wantA);
    expect(w.verify()).toEqual([]);
  });

  it("draws agreement stock from the incident's call-off, and calls nothing off twice", async () => {
    const w = await ordersWorld();
    const food = w.ids.item("FBSP-01");
    const site = w.ids.warehouse("QY05");
    w.scarce(food, w.ids.warehouse("QJ01"), 200);
    const flood = w.incident(["木洞镇"]);
    const line = w.database.sqlite
      .prepare(
        `SELECT l.id FROM agreement_lines l JOIN agreements a ON a.id = l.agreement_id
         WHERE a.number = 'BNSW-XY-2026-008' AND l.line_no = 2`,
      )
      .get() as { id: number };
    const calloff = createCalloff({
      ctx: { ...contextFor(w.database, actorFor(w.database, "shangwu")), now: () => NOW },
      input: { lineId: line.id, quantity: 1500, requestedAt: NOW.toISOString(), dispatchRef: flood.number },
    });
    const view = await w.plan(flood.id);
    const fromSite = sentBy(view).get(`${site}|${food}`) ?? 0;
    expect(fromSite).toBeGreaterThan(0);
    const calloffs = w.calloffCount();

    const { orders } = approvePlan({ ctx: w.ctx, input: { planId: view.planId } });
    const lines = w.database.db
      .select()
      .from(dispatchOrderLines)
      .where(
        inArray(
          dispatchOrderLines.orderId,
          orders.map((o) => o.id),
        ),
      )
      .all()
      .filter((l) => l.ownership === "agreement");
    expect(lines.reduce((s, l) => s + l.quantity, 0)).toBe(fromSite);
    for (const l of lines) expect(l).toMatchObject({ calloffId: calloff.id, lotId: null, itemId: food });
    expect(w.calloffCount()).toBe(calloffs);
    const order = getOrder(w.database.db, lines[0]?.orderId ?? 0);
    expect(order.lines.find((l) => l.ownership === "agreement")?.calloffNumber).toBe(calloff.number);
    expect(w.verify()).toEqual([]);
  });

  it("in a drill, numbers the orders as drills and leaves the ledger, balances and call-offs as they were", async () => {
    const w = await ordersWorld();
    const drill = w.incident(["木洞镇", "麻柳嘴镇"], { drill: true });
    const view = await w.plan(drill.id);
    const before = stockSnapshot(w.database);
    const calloffs = w.database.db.select().from(agreementCalloffs).all();
    const lotRows = w.database.db.select().from(lots).all();

    const { orders } = approvePlan({ ctx: w.ctx, input: { planId: view.planId } });
    expect(orders.length).toBeGreaterThan(0);
    for (const o of orders) {
      expect(o.number).toMatch(/^YL-DB-\d{8}-\d{4}$/);
      const order = getOrder(w.database.db, o.id);
      expect(order.drill).toBe(true);
      expect(order.lines.length).toBeGreaterThan(0);
      expect(listReservations(w.database.db, { dispatchRef: o.number })).toEqual([]);
    }
    // Only the approval's own audit row is new.
    expect(stockSnapshot(w.database)).toEqual({ ...before, audit: before.audit + 1 });
    expect(w.database.db.select().from(agreementCalloffs).all()).toEqual(calloffs);
    expect(w.database.db.select().from(lots).all()).toEqual(lotRows);
    expect(w.verify()).toEqual([]);
  });
});
