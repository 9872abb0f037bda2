import { areas, auditLog, dispatchPlans, lots, type ReliefDatabase, roadEdges } from "@relief/db";
import { renderMessage } from "@relief/domain";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { createIncident } from "../../incidents/create";
import { closeIncident } from "../../incidents/status";
import { setRoadStatus } from "../../roads/status";
import { availableByWarehouseItem } from "../../stock/balances";
import { reserveStock } from "../../stock/reserve";
import { actorFor, contextFor, createSeededDatabase, demoIds } from "../../testing";
import { localDate } from "../../time";
import { checkStoredPlan } from "../check";
import { comparePlans, getPlan, listPlans, planDispatch, planProblem } from "../plan";
import { inlinePlanner } from "../pool";
import { reachByTownship } from "../reach";

/** The clock is pinned near the real one: the demo quotas and lots are dated from the day of seeding. */
const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
/** The story's flood: 30 minutes before planning. */
const STARTED = new Date(NOW.getTime() - 30 * 60_000).toISOString();
const planner = { runner: inlinePlanner() };

let database: ReliefDatabase;
let ctx: CoreContext;
let incidentId: number;

const areaId = (name: string) => {
  const row = database.db.select().from(areas).where(eq(areas.name, name)).get();
  if (!row) throw new Error(`no area ${name}`);
  return row.id;
};

function flood(names: string[], relocated = 800): number {
  return createIncident({
    ctx,
    input: {
      type: "flood",
      title: "洪涝",
      startedAt: STARTED,
      areas: names.map((name) => ({ areaId: areaId(name), affected: relocated * 2, relocated })),
    },
  }).id;
}

const plan = (input: Partial<Parameters<typeof planDispatch>[0]["input"]> = {}) =>
  planDispatch({ ctx, input: { incidentId, timeLimitMs: 30_000, ...input } }, planner);

beforeEach(async () => {
  database = await createSeededDatabase();
  ctx = { ...contextFor(database, actorFor(database, "diaodu")), now: () => NOW };
  incidentId = flood(["木洞镇", "麻柳嘴镇"]);
});

describe("dispatch.plan", () => {
  it("stores a plan that passes the planner's independent checker against the stored problem", async () => {
    const view = await plan();
    expect(view.status).toBe("done");
    expect(view.version).toBe(1);
    expect(view.routes.length).toBeGreaterThan(0);
    expect(view.summary?.peopleServed).toBeGreaterThan(0);
    expect(view.stoppedByTime).toBe(false);
    expect(checkStoredPlan(database.db, view.planId)).toEqual([]);
    expect(getPlan(database.db, view.planId)).toEqual(view);
    // Every route names its warehouse and drives a path of edges out and back.
    for (const route of view.routes) {
      expect(route.warehouseId).toBeGreaterThan(0);
      expect(route.edgeIds.length).toBeGreaterThan(0);
      for (const stop of route.stops) for (const d of stop.deliveries) expect(d.itemId).toBeGreaterThan(0);
    }
    const audit = database.db.select().from(auditLog).where(eq(auditLog.action, "dispatch.plan")).all();
    expect(audit).toHaveLength(1);
  });

  it("never drives a closed road", async () => {
    const first = await plan();
    const driven = new Map<number, number>();
    for (const r of first.routes) for (const e of r.edgeIds) driven.set(e, (driven.get(e) ?? 0) + 1);
    const busiest = [...driven].sort((a, b) => b[1] - a[1])[0]?.[0] as number;
    setRoadStatus({ ctx, input: { edgeId: busiest, status: "closed", reason: "山体滑坡" } });
    const second = await plan();
    expect(second.version).toBe(2);
    expect(second.routes.flatMap((r) => r.edgeIds)).not.toContain(busiest);
    expect(checkStoredPlan(database.db, second.planId)).toEqual([]);
    // Pinned by the dispatcher (known passable), the closed road may be driven again.
    const pinned = await plan({ options: { pinnedEdgeIds: [busiest] } });
    const edge = planProblem(database.db, pinned.planId)?.network?.edges.find((e) => e.closed);
    expect(edge).toBeUndefined();
  });

  it("plans only stock available to promise: never a reserved or an expired lot", async () => {
    const ids = demoIds(database);
    const store = ids.warehouse("QJ01");
    const tents = ids.item("ZP-12");
    const quilts = ids.item("MB-01");
    const today = localDate(NOW);
    const available = (itemId: number) =>
      availableByWarehouseItem(database.db, today).find((r) => r.warehouseId === store && r.itemId === itemId)
        ?.available ?? 0;
    const tentsBefore = available(tents);
    reserveStock({
      ctx: contextFor(database),
      input: {
        warehouseId: store,
        dispatchRef: "其他灾情",
        lines: [{ itemId: tents, quantity: tentsBefore - 10 }],
      },
    });
    // Every quilt lot at the district store expires before the deadline.
    database.db.update(lots).set({ expiryDate: "2026-11-29" }).where(eq(lots.itemId, quilts)).run();
    const view = await plan();
    const problem = planProblem(database.db, view.planId);
    const depot = problem?.depots.find((d) => d.id === `W${store}`);
    expect(depot?.stock[`I${tents}`]).toBe(10);
    expect(depot?.stock[`I${quilts}`]).toBeUndefined();
    const sent = (itemId: number) =>
      view.routes
        .filter((r) => r.warehouseId === store)
        .flatMap((r) => r.stops.flatMap((s) => s.deliveries))
        .filter((d) => d.itemId === itemId)
        .reduce((sum, d) => sum + d.quantity, 0);
    expect(sent(tents)).toBeLessThanOrEqual(10);
    expect(sent(quilts)).toBe(0);
    expect(checkStoredPlan(database.db, view.planId)).toEqual([]);
  });

  it("gives the same plan for the same data and seed", async () => {
    const a = await plan({ seed: 7 });
    const b = await plan({ seed: 7 });
    expect(a.stoppedByTime).toBe(false);
    expect(b.routes).toEqual(a.routes);
    expect(b.outcomes).toEqual(a.outcomes);
    expect(b.shortfalls).toEqual(a.shortfalls);
    const compared = comparePlans(database.db, { a: a.planId, b: b.planId });
    expect(compared.difference).toEqual({
      peopleServed: 0,
      latestArrivalMinutes: 0,
      totalKm: 0,
      vehiclesUsed: 0,
    });
    expect(listPlans(database.db, { incidentId }).map((v) => v.version)).toEqual([2, 1]);
  });

  it("names a reason and a concrete suggestion for every unmet need", async () => {
    // More people than the district's stock equips: 5,000 relocated in each of four townships.
    incidentId = flood(["木洞镇", "麻柳嘴镇", "丰盛镇", "双河口镇"], 5000);
    const view = await plan();
    expect(view.shortfalls.length).toBeGreaterThan(0);
    for (const s of view.shortfalls) {
      expect(s.suggestions.length).toBeGreaterThan(0);
      for (const m of s.suggestions) expect(renderMessage(m, "en-US")).not.toMatch(/\{\w+\}/);
    }
  });

  it("refuses a closed incident and writes nothing", async () => {
    closeIncident({ ctx, input: { id: incidentId } });
    const rows = () => database.db.select({ n: count() }).from(dispatchPlans).get()?.n;
    const audits = () => database.db.select({ n: count() }).from(auditLog).get()?.n;
    const before = [rows(), audits()];
    await expect(plan()).rejects.toThrow(/已结束|关闭|closed/);
    expect([rows(), audits()]).toEqual(before);
  });

  it("refuses once the 10-hour deadline has passed, and unknown pinned warehouses, writing nothing", async () => {
    const late = { ...ctx, now: () => new Date(NOW.getTime() + 9.6 * 3_600_000) };
    await expect(planDispatch({ ctx: late, input: { incidentId } }, planner)).rejects.toThrow(
      /10 小时救助时限已于/,
    );
    await expect(plan({ options: { pinnedWarehouseIds: [99_999] } })).rejects.toThrow(/指定或排除/);
    expect(database.db.select({ n: count() }).from(dispatchPlans).get()?.n).toBe(0);
  });
});

describe("coverage within reach", () => {
  it("counts for each township the stock that reaches its seat within 10 hours, none behind closed roads", () => {
    const before = reachByTownship(database.db, NOW.toISOString());
    expect(before).toHaveLength(23);
    const muDong = before.find((t) => t.name === "木洞镇");
    expect(muDong?.inNetwork).toBe(true);
    expect(muDong?.warehouses.length).toBeGreaterThan(0);
    // With every road closed, only stock in a township's own seat node could count: none stands there.
    const edges = database.db.select().from(roadEdges).all();
    for (const e of edges) setRoadStatus({ ctx, input: { edgeId: e.id, status: "closed", reason: "演练" } });
    const after = reachByTownship(database.db, NOW.toISOString());
    expect(after.find((t) => t.name === "麻柳嘴镇")).toMatchObject({ warehouses: [], peopleWithinReach: 0 });
  });
});
