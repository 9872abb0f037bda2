import {
  type DbOrTx,
  dispatchOrderLines,
  dispatchOrders,
  dispatchPlans,
  type OrderStatus,
  roadEdges,
  vehicles,
} from "@relief/db";
import { msg, zh } from "@relief/domain";
import { and, eq, gt, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import { type CoreContext, nowIso, withTransaction } from "../context";
import { ConflictError, UnauthorizedError } from "../errors";
import { assertIncidentOpen } from "../incidents/status";
import { approvePlan } from "./approve";
import { cancelOne } from "./cancel";
import { routeOf, undepartedOrders } from "./flag";
import { ReplanInput } from "./order-schemas";
import { type PlanDependencies, planDispatch } from "./plan";
import type { FreedStock } from "./problem";
import { type ReplanAreaChange, replanDifference } from "./replan-difference";
import { type FleetVehicle, PLANNING_SOURCES, type PlanningSources } from "./sources";
import type { PlanOptions, PlanView } from "./types";

type OrderRow = typeof dispatchOrders.$inferSelect;
type PlanRow = typeof dispatchPlans.$inferSelect;

/** What `dispatch.replan` did, and the difference it makes to each area. */
export interface ReplanResult {
  replaced: { planId: number; version: number };
  plan: { planId: number; version: number };
  /** The replaced plan's orders on the road or delivered: they stay as they are. */
  kept: Array<{ id: number; number: string; status: OrderStatus }>;
  /** Its orders that had not left: cancelled, their stock released and call-offs withdrawn. */
  cancelled: Array<{ id: number; number: string }>;
  /** The new version's orders, reserved for what is still needed. */
  orders: Array<{ id: number; number: string }>;
  areas: ReplanAreaChange[];
}

/** What the re-plan starts from: the orders to redo, what has left already, the stock and trucks that frees. */
interface ReplanBasis {
  undeparted: OrderRow[];
  kept: OrderRow[];
  /** Base units per `areaId|itemId` that departed or received orders of the incident carry. */
  carried: Map<string, number>;
  freed: FreedStock[];
  /** Trucks on a departed trip: not free before the trip's planned return. */
  busyUntil: Map<number, string>;
}

function approvedPlan(db: DbOrTx, incidentId: number): PlanRow {
  const plan = db
    .select()
    .from(dispatchPlans)
    .where(
      and(
        eq(dispatchPlans.incidentId, incidentId),
        isNotNull(dispatchPlans.approvedAt),
        isNull(dispatchPlans.cancelledAt),
      ),
    )
    .get();
  if (!plan) throw new ConflictError(msg("orders.error.replanNoApproved"));
  return plan;
}

function replanBasis(db: DbOrTx, incidentId: number, plan: PlanRow, now: string): ReplanBasis {
  const orders = db.select().from(dispatchOrders).where(eq(dispatchOrders.incidentId, incidentId)).all();
  const undeparted = orders.filter((o) => o.planId === plan.id && o.status === "reserved");
  const gone = orders.filter((o) => o.status === "departed" || o.status === "received");
  const ids = [...gone, ...undeparted].map((o) => o.id);
  const lines =
    ids.length === 0
      ? []
      : db.select().from(dispatchOrderLines).where(inArray(dispatchOrderLines.orderId, ids)).all();
  const byId = new Map(orders.map((o) => [o.id, o]));

  const carried = new Map<string, number>();
  const held = new Map<string, FreedStock>();
  for (const line of lines) {
    const order = byId.get(line.orderId) as OrderRow;
    if (order.status === "reserved") {
      // Ledger stock of an undeparted order is reserved under its number until the swap releases it.
      if (order.drill || line.lotId === null) continue;
      const key = `${order.sourceWarehouseId}|${line.itemId}`;
      const f = held.get(key) ?? { warehouseId: order.sourceWarehouseId, itemId: line.itemId, quantity: 0 };
      f.quantity += line.quantity;
      held.set(key, f);
      continue;
    }
    // What arrived counts as delivered; what went missing on the way is still needed.
    const quantity = order.status === "received" ? (line.receivedQuantity ?? line.quantity) : line.quantity;
    const key = `${order.areaId}|${line.itemId}`;
    carried.set(key, (carried.get(key) ?? 0) + quantity);
  }

  const views = new Map<number, PlanView | null>();
  const viewOf = (planId: number) => {
    if (!views.has(planId)) {
      const row = db
        .select({ result: dispatchPlans.result })
        .from(dispatchPlans)
        .where(eq(dispatchPlans.id, planId))
        .get();
      views.set(planId, (row?.result as PlanView | null) ?? null);
    }
    return views.get(planId) ?? null;
  };
  const busyUntil = new Map<number, string>();
  for (const order of gone) {
    if (order.vehicleId === null) continue;
    const view = viewOf(order.planId);
    const route = view ? routeOf(view, order) : undefined;
    // Without its trip (an old plan), the truck drives back the way it came.
    const back =
      route?.returnAt ??
      new Date(2 * Date.parse(order.plannedArrivalAt) - Date.parse(order.plannedDepartAt)).toISOString();
    const until = busyUntil.get(order.vehicleId);
    if (back > now && (until === undefined || back > until)) busyUntil.set(order.vehicleId, back);
  }
  const kept = orders.filter(
    (o) => o.planId === plan.id && (o.status === "departed" || o.status === "received"),
  );
  return { undeparted, kept, carried, freed: [...held.values()], busyUntil };
}

/** Adds the trucks still on a departed trip, each free from its planned return; the fleet keeps its order. */
function withBusyTrucks(db: DbOrTx, fleet: FleetVehicle[], busy: Map<number, string>): FleetVehicle[] {
  const listed = new Set(fleet.map((v) => v.id));
  const away = [...busy.keys()].filter((id) => !listed.has(id));
  const onTask =
    away.length === 0
      ? []
      : db
          .select({
            id: vehicles.id,
            plate: vehicles.plate,
            homeWarehouseId: vehicles.homeWarehouseId,
            payloadKg: vehicles.payloadKg,
            volumeM3: vehicles.volumeM3,
          })
          .from(vehicles)
          .where(and(inArray(vehicles.id, away), eq(vehicles.active, true), eq(vehicles.status, "on_task")))
          .all()
          .map((v) => ({ ...v, availableFrom: null }));
  const later = (from: string | null, until: string | undefined) =>
    until === undefined || (from !== null && from > until) ? from : until;
  return [...fleet, ...onTask]
    .map((v) => ({ ...v, availableFrom: later(v.availableFrom, busy.get(v.id)) }))
    .sort(
      (a, b) => a.homeWarehouseId - b.homeWarehouseId || (a.plate < b.plate ? -1 : a.plate > b.plate ? 1 : 0),
    );
}

/** The planning sources of a re-plan: needs less what has left already, trucks away until they return. */
function replanSources(base: PlanningSources, basis: ReplanBasis): PlanningSources {
  return {
    ...base,
    needs: (db, incidentId) => {
      const needs = base.needs(db, incidentId);
      return {
        ...needs,
        areas: needs.areas.map((a) => ({
          ...a,
          needs: Object.fromEntries(
            Object.entries(a.needs).map(([itemId, q]) => [
              itemId,
              Math.max(0, q - (basis.carried.get(`${a.areaId}|${itemId}`) ?? 0)),
            ]),
          ),
        })),
      };
    },
    vehicles: (db, input) => withBusyTrucks(db, base.vehicles(db, input), basis.busyUntil),
  };
}

/**
 * The replaced plan's choices, as far as they still hold: a road pinned as passable but closed or slowed again
 * since that plan is no longer pinned (the newer report wins), and vehicles no longer in the fleet drop out.
 */
function replanOptions(db: DbOrTx, plan: PlanRow, fleet: Set<number>): PlanOptions {
  const options = plan.options as PlanOptions;
  const changed = new Set(
    db
      .select({ id: roadEdges.id })
      .from(roadEdges)
      .where(and(ne(roadEdges.status, "open"), gt(roadEdges.statusSince, plan.createdAt)))
      .all()
      .map((e) => e.id),
  );
  return {
    ...options,
    pinnedEdgeIds: options.pinnedEdgeIds.filter((id) => !changed.has(id)),
    pinnedVehicleIds: options.pinnedVehicleIds.filter((id) => fleet.has(id)),
    excludedVehicleIds: options.excludedVehicleIds.filter((id) => fleet.has(id)),
  };
}

/**
 * 重新制定: re-plans an incident's approved plan after a road closed (or anything else changed). What has
 * departed or been received stays as it is and counts as delivered; the incident's needs less that are planned
 * again as a new version, from today's roads, stock (counting what the undeparted orders hold) and fleet (a truck
 * on a departed trip joins from its planned return). Then, in one transaction: the undeparted orders are
 * cancelled (reservations released, their call-offs withdrawn), the old plan is marked replaced (cancelled),
 * and the new version is approved as `dispatch.approve` would, with the old orders' authority and purpose. If
 * the approval cannot have what the new plan counts on, none of the swap is written (the new version stays,
 * unapproved) and the refusal names each warehouse and item. A drill follows the same path and posts nothing.
 */
export async function replanIncident(
  { ctx, input }: { ctx: CoreContext; input: ReplanInput },
  deps: Omit<PlanDependencies, "freed"> = {},
): Promise<ReplanResult> {
  if (!ctx.actor) throw new UnauthorizedError();
  const fields = ReplanInput.parse(input);
  const incident = assertIncidentOpen(ctx.db, fields.incidentId);
  const old = approvedPlan(ctx.db, incident.id);
  const basis = replanBasis(ctx.db, incident.id, old, nowIso(ctx));
  if (basis.undeparted.length === 0)
    throw new ConflictError(msg("orders.error.replanNothingLeft", { version: old.version }));
  const sources = replanSources(deps.sources ?? PLANNING_SOURCES, basis);
  const fleet = new Set(sources.vehicles(ctx.db, { incidentRef: incident.number }).map((v) => v.id));
  const view = await planDispatch(
    { ctx, input: { ...fields, options: replanOptions(ctx.db, old, fleet) } },
    { ...deps, sources, freed: basis.freed },
  );
  if (view.status !== "done")
    throw new ConflictError(msg("orders.error.replanFailed", { version: view.version }), [
      ...(view.failure ? [{ message: view.failure }] : []),
    ]);

  const at = nowIso(ctx);
  const swapped = withTransaction(ctx, (tx) => {
    const current = tx.select().from(dispatchPlans).where(eq(dispatchPlans.id, old.id)).get();
    if (!current || current.cancelledAt)
      throw new ConflictError(msg("orders.error.planCancelled", { version: old.version }));
    const open = undepartedOrders(tx, old.id);
    const moved = basis.undeparted.filter((o) => !open.some((x) => x.id === o.id));
    if (moved[0])
      throw new ConflictError(
        msg("orders.error.replanStale", { number: moved[0].number, count: moved.length }),
      );
    const reason = zh(msg("orders.replan.reason", { version: view.version }));
    for (const order of open) cancelOne(tx, ctx, order, reason, at);
    tx.update(dispatchPlans).set({ cancelledAt: at }).where(eq(dispatchPlans.id, old.id)).run();
    const first = open[0];
    let orders: ReplanResult["orders"];
    try {
      orders = approvePlan(
        {
          ctx: { ...ctx, db: tx },
          input: {
            planId: view.planId,
            authority: first?.authority,
            authorityRef: first?.authorityRef,
            purpose: first?.purpose,
          },
        },
        { replanning: true },
      ).orders;
    } catch (error) {
      if (error instanceof ConflictError && error.issues.length > 0)
        throw new ConflictError(
          msg("orders.error.replanRefused", { version: view.version, count: error.issues.length }),
          error.issues,
        );
      throw error;
    }
    recordAudit(tx, ctx, {
      action: "dispatch.replan",
      targetType: "dispatch_plan",
      targetIds: [old.id, view.planId],
      summary: {
        ...fields,
        replaced: old.version,
        version: view.version,
        cancelled: open.map((o) => o.number),
        kept: basis.kept.map((o) => o.number),
        orders: orders.map((o) => o.number),
      },
    });
    return { cancelled: open.map((o) => ({ id: o.id, number: o.number })), orders };
  });
  return {
    replaced: { planId: old.id, version: old.version },
    plan: { planId: view.planId, version: view.version },
    kept: basis.kept.map((o) => ({ id: o.id, number: o.number, status: o.status })),
    ...swapped,
    areas: replanDifference(basis.undeparted, view),
  };
}
