import { aidRequests, type DbOrTx, items, warehouses } from "@relief/db";
import { type Message, msg, PLAN_BUDGET, type ShortfallReasonCode } from "@relief/domain";
import type { DispatchPlan, PlanningProblem } from "@relief/planner";
import { eq, inArray } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { databaseId, problemId } from "../dispatch/ids";
import { effectiveEdges } from "../dispatch/network";
import { type PlanRunner, planRunner } from "../dispatch/pool";
import { NO_OPTIONS, UNLOAD_MINUTES, usableStock } from "../dispatch/problem";
import { plannerDepot, plannerNetwork, plannerVehicle, vehiclesOnRoads } from "../dispatch/problem-parts";
import { PLANNING_SOURCES, type PlanningSources } from "../dispatch/sources";
import { ConflictError, UnauthorizedError, ValidationError } from "../errors";
import { localDateTime } from "../time";
import { type AidView, getAid } from "./list";
import { issueAid } from "./moves";
import { assertAidActive } from "./requests";
import { AidIdInput } from "./schemas";

/** One truck's trip from a warehouse to the neighbour's entry node, as planned. */
export interface AidTrip {
  warehouseId: number;
  warehouseCode: string;
  warehouseName: string;
  vehicleId: number;
  plate: string;
  /** 1, 2, … per truck: a truck may go again once back. */
  trip: number;
  loadFrom: string;
  departAt: string;
  /** Arrival at the entry node. */
  arriveAt: string;
  returnAt: string;
  km: number;
  loads: Array<{ itemId: number; quantity: number }>;
}

/** Banan's planned answer to a request in, stored with the request. */
export interface AidOutboundPlanView {
  requestId: number;
  plannedAt: string;
  plannedBy: string;
  neededBy: string;
  entryNodeId: number;
  trips: AidTrip[];
  /** Per item still to send: what the trips carry, and why the rest cannot reach the entry node in time. */
  lines: Array<{
    itemId: number;
    toSend: number;
    planned: number;
    short: number;
    reasons: ShortfallReasonCode[];
  }>;
  /** What the plan leaves out and why (stock without trucks, a truck without a road). */
  notes: Message[];
  /** Set once the plan has been posted as issues (aid.issuePlanned), with their document numbers. */
  issuedAt: string | null;
  issuedBy: string | null;
  documents: string[];
}

/** The planner's problem for a request in, and what mapping its answer back needs. */
interface AidProblem {
  problem: PlanningProblem;
  warehouses: Map<number, { code: string; name: string; loadMinutes: number }>;
  plates: Map<number, string>;
  toSend: Map<number, number>;
  notes: Message[];
}

/**
 * The problem, as the incident plan builds its own (problem-parts): depots are Banan's own warehouses (not
 * enterprise sites, whose goods are not in the ledger aid.issue posts from) holding usable stock of what is
 * still to send as of the needed-by day; the fleet is the available one, agreement trucks only when called off
 * under the request's number; today's roads. The demand is one point per item at the neighbour's entry node,
 * whose "people" are the units asked: the request states no people, Banan's duty is the quantities, so every
 * unit counts and an item the district lacks never holds back another (the planner counts a point's people by
 * its least-covered item). The deadline is the needed-by time.
 */
function aidProblem(
  db: DbOrTx,
  aid: AidView,
  entry: number,
  now: string,
  sources: PlanningSources,
): AidProblem {
  const toSend = new Map(
    aid.lines.filter((l) => l.quantity > l.delivered).map((l) => [l.itemId, l.quantity - l.delivered]),
  );
  if (toSend.size === 0) throw new ConflictError(msg("aid.error.nothingToSend", { number: aid.number }));
  const needed = new Set(toSend.keys());
  const network = sources.roadNetwork(db);
  const warehouseNode = new Map(
    network.nodes.filter((n) => n.warehouseId !== null).map((n) => [n.warehouseId as number, n.id]),
  );
  const own = db
    .select()
    .from(warehouses)
    .all()
    .filter((w) => w.active && w.kind !== "enterprise");
  const ownIds = new Set(own.map((w) => w.id));
  const notes: Message[] = [];
  const fleet = vehiclesOnRoads(
    sources.vehicles(db, { incidentRef: aid.number }),
    warehouseNode,
    (id) => ownIds.has(id),
    new Map(own.map((w) => [w.id, w.name])),
    notes,
  );
  const homes = new Set(fleet.map((v) => v.homeWarehouseId));
  const stock = usableStock(db, needed, now, aid.neededBy, aid.number).byWarehouse;
  const depots = own.flatMap((w) => {
    const held = stock.get(w.id);
    if (!held || held.size === 0) return [];
    if (!homes.has(w.id)) {
      notes.push(msg("dispatch.note.stockWithoutTrucks", { warehouse: w.name }));
      return [];
    }
    return [{ id: w.id, node: warehouseNode.get(w.id) ?? null, loadMinutes: w.loadMinutes, stock: held }];
  });
  const depotIds = new Set(depots.map((d) => d.id));
  const itemRows = db
    .select()
    .from(items)
    .where(inArray(items.id, [...needed]))
    .all();
  return {
    problem: {
      deadlineMinutes: (Date.parse(aid.neededBy) - Date.parse(now)) / 60_000,
      seed: 1,
      maxIterations: PLAN_BUDGET.iterations,
      timeLimitMs: PLAN_BUDGET.timeLimitMs,
      items: itemRows.map((i) => ({ id: problemId.item(i.id), kg: i.kgPerUnit, m3: i.m3PerUnit })),
      network: plannerNetwork(network, effectiveEdges(network, NO_OPTIONS)),
      depots: depots.map(plannerDepot),
      vehicles: fleet.filter((v) => depotIds.has(v.homeWarehouseId)).map((v) => plannerVehicle(v, now, 0)),
      demands: [...toSend].map(([itemId, quantity]) => ({
        id: problemId.item(itemId),
        node: problemId.node(entry),
        people: quantity,
        need: { [problemId.item(itemId)]: quantity },
        serviceMinutes: UNLOAD_MINUTES,
      })),
    },
    warehouses: new Map(own.map((w) => [w.id, { code: w.code, name: w.name, loadMinutes: w.loadMinutes }])),
    plates: new Map(fleet.map((v) => [v.id, v.plate])),
    toSend,
    notes,
  };
}

const at = (startsAt: string, minutes: number) =>
  new Date(Date.parse(startsAt) + Math.round(minutes * 60_000)).toISOString();

function toTrips(built: AidProblem, plan: DispatchPlan, now: string): AidTrip[] {
  return plan.routes.map((r) => {
    const warehouseId = databaseId(r.depot);
    const vehicleId = databaseId(r.vehicle);
    const w = built.warehouses.get(warehouseId);
    const loads = new Map<number, number>();
    for (const stop of r.stops)
      for (const [item, q] of Object.entries(stop.deliver))
        if (q > 0) loads.set(databaseId(item), (loads.get(databaseId(item)) ?? 0) + q);
    return {
      warehouseId,
      warehouseCode: w?.code ?? "",
      warehouseName: w?.name ?? "",
      vehicleId,
      plate: built.plates.get(vehicleId) ?? r.vehicle,
      trip: r.trip,
      loadFrom: at(now, r.departMinutes - (w?.loadMinutes ?? 0)),
      departAt: at(now, r.departMinutes),
      arriveAt: at(now, r.stops[0]?.arriveMinutes ?? r.departMinutes),
      returnAt: at(now, r.returnMinutes),
      km: Math.round(r.km * 10) / 10,
      loads: [...loads].map(([itemId, quantity]) => ({ itemId, quantity })),
    };
  });
}

/**
 * Plans Banan's answer to a neighbour's request: which warehouse sends what, on which truck, to reach the
 * neighbour's entry node by the needed-by time (see aidProblem), computed in the dispatch planner's worker pool
 * and stored with the request, replacing an earlier plan. Refused, with nothing written: a request out, one
 * finished or cancelled, one whose neighbour has no entry node, nothing left to send, a needed-by time already
 * past, a busy planner.
 */
export async function planAidOutboundTrips(
  { ctx, input }: { ctx: CoreContext; input: AidIdInput },
  {
    runner = planRunner(),
    sources = PLANNING_SOURCES,
  }: { runner?: PlanRunner; sources?: PlanningSources } = {},
): Promise<AidOutboundPlanView> {
  if (!ctx.actor) throw new UnauthorizedError();
  const actor = ctx.actor;
  const { requestId } = AidIdInput.parse(input);
  const now = nowIso(ctx);
  const aid = getAid(ctx.db, requestId);
  if (aid.direction !== "in")
    throw new ConflictError(msg("aid.error.outboundOnlyIn", { number: aid.number }));
  assertAidActive(aid, "move");
  if (aid.entryNodeId === null)
    throw new ConflictError(msg("aid.error.noEntryNode", { neighbour: aid.neighbourName }));
  if (Date.parse(aid.neededBy) <= Date.parse(now)) {
    const late = msg("aid.error.planTooLate", {
      number: aid.number,
      neededBy: localDateTime(aid.neededBy),
      now: localDateTime(now),
    });
    throw new ValidationError(late, [{ field: "neededBy", message: late }]);
  }
  const built = aidProblem(ctx.db, aid, aid.entryNodeId, now, sources);
  if (runner.busy()) throw new ConflictError(msg("dispatch.error.plannerBusy"));
  let result: DispatchPlan;
  try {
    result = await runner.run(built.problem);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ConflictError(msg("dispatch.error.plannerFailed", { detail }));
  }
  const outcomes = new Map(result.outcomes.map((o) => [databaseId(o.demand), o]));
  const view: AidOutboundPlanView = {
    requestId,
    plannedAt: now,
    plannedBy: actor.username,
    neededBy: aid.neededBy,
    entryNodeId: aid.entryNodeId,
    trips: toTrips(built, result, now),
    lines: [...built.toSend].map(([itemId, toSend]) => {
      const o = outcomes.get(itemId);
      const planned = o?.delivered[problemId.item(itemId)] ?? 0;
      return { itemId, toSend, planned, short: toSend - planned, reasons: o?.reasons ?? [] };
    }),
    notes: built.notes,
    issuedAt: null,
    issuedBy: null,
    documents: [],
  };
  withTransaction(ctx, (tx) => {
    tx.update(aidRequests).set({ outboundPlan: view }).where(eq(aidRequests.id, requestId)).run();
    recordAudit(tx, ctx, {
      action: "aid.planOutbound",
      targetType: "aid_request",
      targetIds: [requestId],
      summary: {
        number: aid.number,
        trips: view.trips.length,
        lines: view.lines.map((l) => ({ itemId: l.itemId, planned: l.planned, short: l.short })),
      },
    });
  });
  return view;
}

/** The request's stored outbound plan, or null before any. */
export function aidOutboundPlan(db: DbOrTx, input: AidIdInput): AidOutboundPlanView | null {
  const { requestId } = AidIdInput.parse(input);
  getAid(db, requestId);
  const row = db
    .select({ plan: aidRequests.outboundPlan })
    .from(aidRequests)
    .where(eq(aidRequests.id, requestId))
    .get();
  return (row?.plan as AidOutboundPlanView | null) ?? null;
}

/**
 * Posts the stored plan: per warehouse, one issue with reason mutual_aid under the request's number (as
 * aid.issue does) of what its trips carry, all in one transaction, and marks the plan issued. Refused, with
 * nothing written: no plan, a plan already issued, or a plan that no longer fits what is still to send (goods
 * issued since it was made: plan again). Each warehouse's issue needs the actor to post there.
 */
export function issueAidPlanned({ ctx, input }: { ctx: CoreContext; input: AidIdInput }): {
  aid: AidView;
  documents: string[];
} {
  if (!ctx.actor) throw new UnauthorizedError();
  const actor = ctx.actor;
  const { requestId } = AidIdInput.parse(input);
  return withTransaction(ctx, (tx) => {
    const aid = getAid(tx, requestId);
    const plan = aidOutboundPlan(tx, { requestId });
    if (!plan) throw new ConflictError(msg("aid.error.noOutboundPlan", { number: aid.number }));
    if (plan.issuedAt !== null)
      throw new ConflictError(
        msg("aid.error.planIssued", { number: aid.number, at: localDateTime(plan.issuedAt) }),
      );
    const byWarehouse = new Map<number, Map<number, number>>();
    const total = new Map<number, number>();
    for (const trip of plan.trips)
      for (const l of trip.loads) {
        const lines = byWarehouse.get(trip.warehouseId) ?? new Map<number, number>();
        lines.set(l.itemId, (lines.get(l.itemId) ?? 0) + l.quantity);
        byWarehouse.set(trip.warehouseId, lines);
        total.set(l.itemId, (total.get(l.itemId) ?? 0) + l.quantity);
      }
    if (total.size === 0) throw new ConflictError(msg("aid.error.planEmpty", { number: aid.number }));
    for (const [itemId, quantity] of total) {
      const line = aid.lines.find((l) => l.itemId === itemId);
      const left = line ? line.quantity - line.delivered : 0;
      if (quantity > left)
        throw new ConflictError(
          msg("aid.error.planStale", {
            number: aid.number,
            item: line?.itemName ?? `#${itemId}`,
            quantity,
            left,
          }),
        );
    }
    const documents: string[] = [];
    for (const [warehouseId, lines] of [...byWarehouse].sort(([a], [b]) => a - b)) {
      const posted = issueAid({
        ctx: { ...ctx, db: tx },
        input: {
          requestId,
          warehouseId,
          lines: [...lines].map(([itemId, quantity]) => ({ itemId, quantity })),
        },
      });
      documents.push(posted.document.number);
    }
    const issuedAt = nowIso(ctx);
    tx.update(aidRequests)
      .set({ outboundPlan: { ...plan, issuedAt, issuedBy: actor.username, documents } })
      .where(eq(aidRequests.id, requestId))
      .run();
    recordAudit(tx, ctx, {
      action: "aid.issuePlanned",
      targetType: "aid_request",
      targetIds: [requestId],
      summary: { number: aid.number, documents },
    });
    return { aid: getAid(tx, requestId), documents };
  });
}
