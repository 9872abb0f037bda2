import { auditLog, dispatchOrders, dispatchPlans, districtSettings, roadEdges } from "@relief/db";
import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { ordersWorld } from "../../dispatch/__tests__/orders-fixture";
import { approvePlan } from "../../dispatch/approve";
import { departOrder } from "../../dispatch/depart";
import { listOrders } from "../../dispatch/orders";
import { inlinePlanner } from "../../dispatch/pool";
import { replanIncident } from "../../dispatch/replan";
import { DomainError } from "../../errors";
import { setRoadStatus } from "../../roads/status";
import { actorFor, contextFor, createSeededDatabase, stockSnapshot, zhThrown } from "../../testing";
import { getSettings } from "../get";
import { updateSettings } from "../update";

describe("district settings", () => {
  it("hold their defaults until an administrator changes one, who and when recorded and audited", async () => {
    const database = await createSeededDatabase();
    expect(getSettings(database.db)).toEqual({
      planApproval: "dispatcher",
      updatedAt: null,
      updatedBy: null,
    });

    const at = new Date("2026-11-30T02:00:00.000Z");
    const admin: CoreContext = { ...contextFor(database, actorFor(database, "admin")), now: () => at };
    const after = updateSettings({ ctx: admin, input: { planApproval: "leader" } });
    expect(after).toMatchObject({ planApproval: "leader", updatedAt: at.toISOString() });
    expect(after.updatedBy).not.toBeNull();
    expect(getSettings(database.db)).toEqual(after);

    const audit = database.db.select().from(auditLog).where(eq(auditLog.action, "settings.update")).all();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.summary ?? "{}")).toEqual({
      before: { planApproval: "dispatcher" },
      after: { planApproval: "leader" },
    });

    // Writing it again updates the one row.
    updateSettings({ ctx: admin, input: { planApproval: "dispatcher" } });
    expect(database.db.select({ n: count() }).from(districtSettings).get()?.n).toBe(1);
    expect(getSettings(database.db).planApproval).toBe("dispatcher");
  });

  it("refuses anyone but an administrator, and a value that is no choice, writing nothing", async () => {
    const database = await createSeededDatabase();
    const audits = () => database.db.select({ n: count() }).from(auditLog).get()?.n;
    const before = audits();
    for (const user of ["diaodu", "lingdao", "minzheng", "shangwu"])
      expect(
        zhThrown(() =>
          updateSettings({
            ctx: contextFor(database, actorFor(database, user)),
            input: { planApproval: "leader" },
          }),
        ),
      ).toBe("只有管理员可以修改系统设置");
    const admin = contextFor(database, actorFor(database, "admin"));
    expect(
      zhThrown(() =>
        updateSettings({
          ctx: admin,
          input: { planApproval: "everyone" } as unknown as { planApproval: "leader" },
        }),
      ),
    ).toBe("方案审批人须为调度人员或领导");
    expect(
      zhThrown(() =>
        updateSettings({ ctx: admin, input: { colour: "red" } as unknown as { planApproval: "leader" } }),
      ),
    ).toBe("没有要修改的设置");
    expect(zhThrown(() => updateSettings({ ctx: admin, input: { planApproval: undefined } }))).toBe(
      "没有要修改的设置",
    );
    expect(getSettings(database.db).updatedAt).toBeNull();
    expect(audits()).toBe(before);
  });
});

describe("who approves a plan", () => {
  it("by default dispatchers and administrators; a leader is told leader approval is off, nothing written", async () => {
    const w = await ordersWorld();
    const view = await w.plan(w.incident(["木洞镇"]).id);
    const leader = { ...w.ctx, actor: actorFor(w.database, "lingdao") };
    const before = stockSnapshot(w.database);
    expect(zhThrown(() => approvePlan({ ctx: leader, input: { planId: view.planId } }))).toBe(
      "本区调运方案由调度人员审批，领导审批未启用（可由管理员在系统设置中开启）",
    );
    expect(stockSnapshot(w.database)).toEqual(before);
    expect(w.orderCount()).toBe(0);
    expect(approvePlan({ ctx: w.ctx, input: { planId: view.planId } }).orders.length).toBeGreaterThan(0);
  });

  it("under leader approval a dispatcher is refused with where to turn, a leader approves, an administrator too", async () => {
    const w = await ordersWorld();
    updateSettings({
      ctx: contextFor(w.database, actorFor(w.database, "admin")),
      input: { planApproval: "leader" },
    });
    const first = await w.plan(w.incident(["木洞镇"]).id);
    const before = stockSnapshot(w.database);
    let refusal: unknown;
    try {
      approvePlan({ ctx: w.ctx, input: { planId: first.planId } });
    } catch (cause) {
      refusal = cause;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).code).toBe("FORBIDDEN");
    expect((refusal as DomainError).message).toBe("本区已设置为由领导审批调运方案，请报领导审批");
    expect(stockSnapshot(w.database)).toEqual(before);
    expect(w.orderCount()).toBe(0);
    expect(
      w.database.db.select().from(dispatchPlans).where(eq(dispatchPlans.id, first.planId)).get()?.approvedAt,
    ).toBeNull();

    const leader = { ...w.ctx, actor: actorFor(w.database, "lingdao") };
    const { orders } = approvePlan({ ctx: leader, input: { planId: first.planId } });
    expect(orders.length).toBeGreaterThan(0);
    const approved = w.database.db
      .select()
      .from(dispatchPlans)
      .where(eq(dispatchPlans.id, first.planId))
      .get();
    expect(approved?.approvedBy).toBe(leader.actor.userId);
    expect(w.database.db.select({ n: count() }).from(dispatchOrders).get()?.n).toBe(orders.length);

    const second = await w.plan(w.incident(["麻柳嘴镇"]).id);
    const admin = { ...w.ctx, actor: actorFor(w.database, "admin") };
    expect(approvePlan({ ctx: admin, input: { planId: second.planId } }).orders.length).toBeGreaterThan(0);
    expect(w.verify()).toEqual([]);
  });
  it("under leader approval a dispatcher still re-plans around a closed road: the leader approved the commitment", async () => {
    const w = await ordersWorld();
    updateSettings({
      ctx: contextFor(w.database, actorFor(w.database, "admin")),
      input: { planApproval: "leader" },
    });
    const flood = w.incident(["木洞镇", "麻柳嘴镇"]);
    const view = await w.plan(flood.id);
    approvePlan({
      ctx: { ...w.ctx, actor: actorFor(w.database, "lingdao") },
      input: { planId: view.planId },
    });
    const orders = () => listOrders(w.database.db, { incidentId: flood.id, pageSize: 100 }).rows;
    const gone = orders().find((o) => o.areaName === "木洞镇");
    if (!gone) throw new Error("no order to 木洞镇");
    departOrder({ ctx: w.ctx, input: { orderId: gone.id } });
    const bridge = w.database.db.select().from(roadEdges).where(eq(roadEdges.code, "R078")).get();
    setRoadStatus({ ctx: w.ctx, input: { edgeId: bridge?.id ?? 0, status: "closed", reason: "山体滑坡" } });

    const result = await replanIncident(
      { ctx: w.ctx, input: { incidentId: flood.id, timeLimitMs: 30_000 } },
      { runner: inlinePlanner() },
    );
    expect(result.plan.version).toBe(2);
    expect(result.orders.length).toBeGreaterThan(0);
    expect(w.verify()).toEqual([]);
  });
});
