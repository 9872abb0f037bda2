import { auditLog, neighbours, type ReliefDatabase } from "@relief/db";
import { count, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import type { CoreContext } from "../../context";
import { inlinePlanner } from "../../dispatch/pool";
import { createIncident } from "../../incidents/create";
import { setRoadStatus } from "../../roads/status";
import { actorFor, contextFor, createSeededDatabase, demoIds, zhIssues, zhThrown } from "../../testing";
import { listLoans } from "../loans";
import { planAidOutbound } from "../outbound";
import { aidOutboundPlan, issueAidPlanned, planAidOutboundTrips } from "../outbound-plan";
import { requestAid } from "../requests";

const NOW = new Date(Math.floor(Date.now() / 60_000) * 60_000);
const hours = (h: number) => new Date(NOW.getTime() + h * 3_600_000).toISOString();
const planner = { runner: inlinePlanner() };

let database: ReliefDatabase;
let dispatcher: CoreContext;
let admin: CoreContext;
let ids: ReturnType<typeof demoIds>;

beforeEach(async () => {
  database = await createSeededDatabase();
  dispatcher = { ...contextFor(database, actorFor(database, "diaodu")), now: () => NOW };
  admin = { ...contextFor(database, actorFor(database, "admin")), now: () => NOW };
  ids = demoIds(database);
});

/** 江津区 asks Banan for tents, needed at its entry point within `within` hours. */
function jiangjinAsks(tents: number, within: number) {
  const neighbour = database.db.select().from(neighbours).where(eq(neighbours.name, "江津区")).get();
  if (!neighbour) throw new Error("no 江津区");
  return requestAid({
    ctx: dispatcher,
    input: {
      direction: "in",
      neighbourId: neighbour.id,
      neededBy: hours(within),
      lines: [{ itemId: ids.item("ZP-12"), quantity: tents }],
    },
  });
}

/** Banan asks 南岸区 for tents for a flood: a request out, which Banan sends nothing under. */
function askedOut() {
  const neighbour = database.db.select().from(neighbours).where(eq(neighbours.name, "南岸区")).get();
  const area = database.sqlite.prepare("SELECT id FROM areas WHERE name = '李家沱街道'").get() as {
    id: number;
  };
  const incident = createIncident({
    ctx: dispatcher,
    input: {
      type: "flood",
      title: "洪涝",
      startedAt: hours(-0.5),
      areas: [{ areaId: area.id, affected: 1_000, relocated: 500 }],
    },
  });
  return requestAid({
    ctx: dispatcher,
    input: {
      neighbourId: neighbour?.id ?? 0,
      incidentId: incident.id,
      deliveryAreaId: area.id,
      neededBy: hours(3),
      lines: [{ itemId: ids.item("ZP-12"), quantity: 50 }],
    },
  });
}

const plan = (requestId: number, ctx = dispatcher) =>
  planAidOutboundTrips({ ctx, input: { requestId } }, planner);
const audits = () => database.db.select({ n: count() }).from(auditLog).get()?.n ?? 0;
const entryNode = () =>
  (database.sqlite.prepare("SELECT id FROM road_nodes WHERE code = 'B-JIANGJIN'").get() as { id: number }).id;

describe("Banan's planned answer to a neighbour's request", () => {
  it("sends 100 tents needed in 6 h from warehouses whose trucks reach the entry node in time, the same plan twice", async () => {
    const aid = jiangjinAsks(100, 6);
    const first = await plan(aid.id);
    expect(first.entryNodeId).toBe(entryNode());
    expect(first.lines).toEqual([
      { itemId: ids.item("ZP-12"), toSend: 100, planned: 100, short: 0, reasons: [] },
    ]);
    // Every trip leaves a warehouse holding tents and arrives at the entry node by the needed-by time.
    const quick = planAidOutbound(database.db, { requestId: aid.id }, NOW.toISOString());
    const holders = new Set(quick.sources.map((s) => s.warehouseId));
    expect(first.trips.length).toBeGreaterThan(0);
    for (const trip of first.trips) {
      expect(holders.has(trip.warehouseId)).toBe(true);
      expect(Date.parse(trip.arriveAt)).toBeLessThanOrEqual(Date.parse(aid.neededBy));
      expect(Date.parse(trip.departAt)).toBeGreaterThanOrEqual(Date.parse(trip.loadFrom));
      expect(trip.plate).not.toBe("");
    }
    expect(first.trips.flatMap((t) => t.loads).reduce((sum, l) => sum + l.quantity, 0)).toBe(100);
    expect(aidOutboundPlan(database.db, { requestId: aid.id })).toEqual(first);

    const again = await plan(aid.id);
    expect({ trips: again.trips, lines: again.lines }).toEqual({ trips: first.trips, lines: first.lines });
  }, 120_000);

  it("says why nothing can go when a road closure cuts the way to the entry node", async () => {
    const aid = jiangjinAsks(100, 6);
    const open = await plan(aid.id);
    expect(open.lines[0]?.planned).toBe(100);
    const entry = entryNode();
    const cut = database.sqlite
      .prepare("SELECT id FROM road_edges WHERE from_node_id = ? OR to_node_id = ?")
      .all(entry, entry) as Array<{ id: number }>;
    expect(cut.length).toBeGreaterThan(0);
    for (const edge of cut)
      setRoadStatus({ ctx: dispatcher, input: { edgeId: edge.id, status: "closed", reason: "塌方" } });
    const closed = await plan(aid.id);
    expect(closed.trips).toEqual([]);
    expect(closed.lines[0]).toMatchObject({ toSend: 100, planned: 0, short: 100 });
    expect(closed.lines[0]?.reasons).toContain("unreachable");
  }, 120_000);

  it("refuses a needed-by time already past, and a request out, writing nothing", async () => {
    const aid = jiangjinAsks(100, 1);
    const late = { ...dispatcher, now: () => new Date(NOW.getTime() + 2 * 3_600_000) };
    const before = audits();
    const refusal = await plan(aid.id, late).catch((cause: unknown) => cause);
    expect(zhIssues(refusal)).toEqual([
      {
        field: "neededBy",
        message: expect.stringMatching(new RegExp(`^互助请求 ${aid.number} 的需用时间 .+ 已过`)),
      },
    ]);
    expect(audits()).toBe(before);
    const askOut = askedOut();
    const written = audits();
    const out = await plan(askOut.id).catch((cause: unknown) => cause);
    expect(out instanceof Error ? out.message : "").toContain("不由本区发出物资");
    expect(audits()).toBe(written);
    expect(aidOutboundPlan(database.db, { requestId: aid.id })).toBeNull();
  });

  it("issues as planned: one mutual-aid issue per warehouse under the request's number, once", async () => {
    const aid = jiangjinAsks(100, 6);
    const planned = await plan(aid.id);
    expect(
      zhThrown(() => issueAidPlanned({ ctx: admin, input: { requestId: jiangjinAsks(5, 6).id } })),
    ).toContain("尚无调运方案");
    const { aid: sent, documents } = issueAidPlanned({ ctx: admin, input: { requestId: aid.id } });
    const warehouses = new Set(planned.trips.map((t) => t.warehouseId));
    expect(documents.length).toBe(warehouses.size);
    expect(sent.status).toBe("closed");
    const rows = database.sqlite
      .prepare(
        `SELECT d.issue_reason AS reason, d.reference, d.warehouse_id AS warehouseId, -SUM(l.on_hand_delta) AS quantity
         FROM stock_documents d JOIN ledger_lines l ON l.document_id = d.id
         WHERE d.reference = ? GROUP BY d.id ORDER BY d.warehouse_id`,
      )
      .all(aid.number) as Array<{ reason: string; reference: string; warehouseId: number; quantity: number }>;
    expect(rows.map((r) => r.reason)).toEqual(documents.map(() => "mutual_aid"));
    expect(rows.map((r) => r.warehouseId)).toEqual([...warehouses].sort((a, b) => a - b));
    expect(rows.reduce((sum, r) => sum + r.quantity, 0)).toBe(100);
    expect(listLoans(database.db, { direction: "in" }).rows[0]).toMatchObject({ outstanding: 100 });
    expect(aidOutboundPlan(database.db, { requestId: aid.id })).toMatchObject({
      issuedBy: "admin",
      documents,
    });
    const before = audits();
    expect(zhThrown(() => issueAidPlanned({ ctx: admin, input: { requestId: aid.id } }))).toContain("已");
    expect(audits()).toBe(before);
  }, 120_000);
});
