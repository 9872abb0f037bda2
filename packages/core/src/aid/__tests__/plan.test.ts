import { areas, neighbours, type ReliefDatabase, roadNodes } from "@relief/db";
import { renderMessage } from "@relief/domain";
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { approvePlan } from "../../dispatch/approve";
import { checkStoredPlan } from "../../dispatch/check";
import { planDispatch } from "../../dispatch/plan";
import { inlinePlanner } from "../../dispatch/pool";
import { createIncident } from "../../incidents/create";
import { actorFor, contextFor, createSeededDatabase, demoIds } from "../../testing";
import { replyAid, requestAid } from "../requests";
import { aidDraft } from "../shortfalls";

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();
const planner = { runner: inlinePlanner() };

let database: ReliefDatabase;
let ctx: CoreContext;
let incidentId: number;

const one = <T extends { id: number }>(row: T | undefined, what: string): number => {
  if (!row) throw new Error(`no ${what}`);
  return row.id;
};
const areaId = (name: string) =>
  one(database.db.select().from(areas).where(eq(areas.name, name)).get(), name);

beforeEach(async () => {
  database = await createSeededDatabase();
  ctx = { ...contextFor(database, actorFor(database, "diaodu")), now: () => NOW };
  // 9,000 relocated need 3,000 tents: the district holds 1,800.
  incidentId = createIncident({
    ctx,
    input: {
      type: "flood",
      title: "洪涝",
      startedAt: new Date(NOW.getTime() - 30 * 60_000).toISOString(),
      areas: [{ areaId: areaId("李家沱街道"), affected: 12_000, relocated: 9_000 }],
    },
  }).id;
});

describe("promised mutual aid in the plan", () => {
  it("delivers the tents 南岸 promised from its entry node, no earlier than the promised time", async () => {
    const tent = demoIds(database).item("ZP-12");
    const first = await planDispatch({ ctx, input: { incidentId, timeLimitMs: 30_000 } }, planner);
    const tentShort = first.shortfalls.find((s) => s.itemId === tent);
    // The shortfall names the neighbours whose lendable lists hold tents, the nearest entry first.
    expect(tentShort?.suggestions.map((m) => renderMessage(m))).toContainEqual(
      expect.stringMatching(
        /^向南岸区申请跨区互助：其可借清单（2026-10-15）有12平方米单帐篷 300 顶，自入境道口约 \d+ 分钟可达$/,
      ),
    );
    const draft = aidDraft(database.db, { incidentId });
    const short = draft.lines.find((l) => l.itemId === tent);
    expect(short?.quantity).toBeGreaterThan(200);
    expect(draft.deliveryAreaId).toBe(areaId("李家沱街道"));

    const nanan = database.db.select().from(neighbours).where(eq(neighbours.name, "南岸区")).get();
    const aid = requestAid({
      ctx,
      input: {
        neighbourId: one(nanan, "南岸区"),
        incidentId,
        deliveryAreaId: draft.deliveryAreaId,
        neededBy: hours(3),
        lines: [{ itemId: tent, quantity: 200 }],
      },
    });
    const readyAt = hours(2);
    replyAid({
      ctx,
      input: {
        requestId: aid.id,
        arriveAt: readyAt,
        lines: [{ itemId: tent, quantity: 200 }],
        trucks: [
          { plate: "渝B12345", driver: "陈师傅" },
          { plate: "渝B54321", driver: "李师傅" },
        ],
      },
    });

    const replan = await planDispatch({ ctx, input: { incidentId, timeLimitMs: 30_000 } }, planner);
    const entry = one(
      database.db.select().from(roadNodes).where(eq(roadNodes.code, "B-NANAN")).get(),
      "entry",
    );
    const aidTrips = replan.routes.filter((r) => r.aidRequestId === aid.id);
    expect(aidTrips.length).toBeGreaterThan(0);
    let delivered = 0;
    for (const trip of aidTrips) {
      expect(trip.warehouseId).toBeNull();
      expect(["渝B12345", "渝B54321"]).toContain(trip.vehicleLabel);
      expect(Date.parse(trip.departAt)).toBeGreaterThanOrEqual(Date.parse(readyAt));
      for (const stop of trip.stops) {
        expect(Date.parse(stop.arriveAt)).toBeGreaterThanOrEqual(Date.parse(readyAt));
        delivered += stop.deliveries.find((d) => d.itemId === tent)?.quantity ?? 0;
      }
      const firstEdge = database.sqlite
        .prepare("SELECT from_node_id AS a, to_node_id AS b FROM road_edges WHERE id = ?")
        .get(trip.edgeIds[0]) as { a: number; b: number };
      expect([firstEdge.a, firstEdge.b]).toContain(entry);
    }
    // Never more than was promised; how much goes is the planner's choice against the other needs.
    expect(delivered).toBeGreaterThan(0);
    expect(delivered).toBeLessThanOrEqual(200);
    expect(replan.notes.map((n) => renderMessage(n))).toContainEqual(
      expect.stringMatching(new RegExp(`^互助请求 ${aid.number}：南岸区承诺的物资自 `)),
    );
    expect(checkStoredPlan(database.db, replan.planId)).toEqual([]);

    // Approval makes 调拨单 of Banan's own stock only: the neighbour's trucks are not in its ledger.
    const approved = approvePlan({
      ctx: { ...ctx, actor: actorFor(database, "admin") },
      input: { planId: replan.planId },
    });
    expect(approved.orders.length).toBe(
      replan.routes.filter((r) => r.warehouseId !== null).flatMap((r) => r.stops).length,
    );
  }, 120_000);
});
