import { type DbOrTx, dispatchOrders, dispatchPlans, type RoadStatus, roadEdges, type Tx } from "@relief/db";
import { and, asc, eq, inArray, isNotNull, isNull, ne } from "drizzle-orm";
import { recordAudit } from "../audit/record";
import type { CoreContext } from "../context";
import type { PlanRoute, PlanView } from "./types";

type OrderRow = typeof dispatchOrders.$inferSelect;
type TripOf = Pick<
  OrderRow,
  "sourceWarehouseId" | "areaId" | "trip" | "vehicleId" | "vehicleLabel" | "plannedDepartAt"
>;

/** Why an approved plan wants re-planning (`dispatch.get`, `dispatch.list`): null when it does not. */
export interface PlanFlag {
  /** When a road the plan drives first closed or slowed after approval. */
  at: string;
  /** The roads its undeparted trips drive that are not open now (empty once they reopened). */
  roads: Array<{ id: number; code: string; name: string; status: RoadStatus }>;
  /** Orders of the plan not yet departed: what a re-plan would redo. */
  undeparted: number;
}

/**
 * The plan trip an order was made from: the route from its warehouse with its trip number, planned departure
 * and receiving area, by its truck. A truck changed at departure no longer names the route: then the latest
 * returning of the matching trips stands for it (the one that keeps the truck away longest).
 */
export function routeOf(view: PlanView, order: TripOf): PlanRoute | undefined {
  const same = view.routes.filter(
    (r) =>
      r.warehouseId === order.sourceWarehouseId &&
      r.trip === order.trip &&
      r.departAt === order.plannedDepartAt &&
      r.stops.some((s) => s.areaId === order.areaId),
  );
  return (
    same.find((r) => r.vehicleId === order.vehicleId && r.vehicleLabel === order.vehicleLabel) ??
    same.sort((a, b) => b.returnMinutes - a.returnMinutes)[0]
  );
}

/** A plan's orders still reserved (not departed, not cancelled), in order of creation. */
export function undepartedOrders(db: DbOrTx, planId: number): OrderRow[] {
  return db
    .select()
    .from(dispatchOrders)
    .where(and(eq(dispatchOrders.planId, planId), eq(dispatchOrders.status, "reserved")))
    .orderBy(asc(dispatchOrders.id))
    .all();
}

/**
 * Flags every approved, not cancelled plan with an order not yet departed whose trip drives the edge just
 * closed or slowed: `flaggedAt` is set (the first time) in the caller's transaction, and the audit names the
 * road and the orders concerned. Departed trips are on the road already and are left to the drivers.
 */
export function flagPlansDriving(
  tx: Tx,
  ctx: CoreContext,
  edge: { id: number; code: string; status: RoadStatus },
  at: string,
): void {
  const plans = tx
    .select({ id: dispatchPlans.id, version: dispatchPlans.version, result: dispatchPlans.result })
    .from(dispatchPlans)
    .where(and(isNotNull(dispatchPlans.approvedAt), isNull(dispatchPlans.cancelledAt)))
    .all();
  const hit: Array<{ planId: number; version: number; orders: string[] }> = [];
  for (const plan of plans) {
    const view = plan.result as PlanView | null;
    if (!view) continue;
    const orders = undepartedOrders(tx, plan.id).filter((o) => routeOf(view, o)?.edgeIds.includes(edge.id));
    if (orders.length > 0)
      hit.push({ planId: plan.id, version: plan.version, orders: orders.map((o) => o.number) });
  }
  if (hit.length === 0) return;
  const ids = hit.map((h) => h.planId);
  tx.update(dispatchPlans)
    .set({ flaggedAt: at })
    .where(and(inArray(dispatchPlans.id, ids), isNull(dispatchPlans.flaggedAt)))
    .run();
  recordAudit(tx, ctx, {
    action: "dispatch.flag",
    targetType: "dispatch_plan",
    targetIds: ids,
    summary: { edgeId: edge.id, code: edge.code, status: edge.status, plans: hit },
  });
}

/** The flag of a stored plan as the pages show it: the roads now in the way and the orders still to leave. */
export function planFlag(
  db: DbOrTx,
  plan: Pick<typeof dispatchPlans.$inferSelect, "id" | "flaggedAt" | "cancelledAt" | "result">,
): PlanFlag | null {
  if (plan.flaggedAt === null || plan.cancelledAt !== null || !plan.result) return null;
  const view = plan.result as PlanView;
  const orders = undepartedOrders(db, plan.id);
  if (orders.length === 0) return null;
  const driven = [...new Set(orders.flatMap((o) => routeOf(view, o)?.edgeIds ?? []))];
  const roads =
    driven.length === 0
      ? []
      : db
          .select({ id: roadEdges.id, code: roadEdges.code, name: roadEdges.name, status: roadEdges.status })
          .from(roadEdges)
          .where(and(inArray(roadEdges.id, driven), ne(roadEdges.status, "open")))
          .orderBy(asc(roadEdges.code))
          .all();
  return { at: plan.flaggedAt, roads, undeparted: orders.length };
}
