import type { DbOrTx } from "@relief/db";
import { checkPlan, type DispatchPlan } from "@relief/planner";
import { getPlan, planProblem } from "./plan";
import { problemId } from "./problem";
import type { PlanView } from "./types";

/** A stored plan view back in the planner's own terms, so the planner's independent checker can judge it. */
export function plannerPlanOf(view: PlanView): DispatchPlan {
  const stocked = (lines: Array<{ itemId: number; quantity: number }>) =>
    Object.fromEntries(lines.map((d) => [problemId.item(d.itemId), d.quantity]));
  return {
    routes: view.routes.map((r) => ({
      vehicle:
        r.aidTruckId !== undefined
          ? problemId.aidTruck(r.aidTruckId)
          : r.vehicleId === null
            ? r.vehicleLabel
            : problemId.vehicle(r.vehicleId),
      trip: r.trip,
      depot: r.warehouseId === null ? problemId.aid(r.aidRequestId ?? 0) : problemId.warehouse(r.warehouseId),
      departMinutes: r.departMinutes,
      km: r.km,
      returnMinutes: r.returnMinutes,
      // Plans have no delivery windows: service starts on arrival.
      stops: r.stops.map((s) => ({
        demand: problemId.area(s.areaId),
        node: problemId.node(s.nodeId),
        arriveMinutes: s.arriveMinutes,
        startMinutes: s.arriveMinutes,
        deliver: stocked(s.deliveries),
      })),
    })),
    outcomes: view.outcomes.map((o) => ({
      demand: problemId.area(o.areaId),
      people: o.people,
      peopleServed: o.peopleServed,
      completeAtMinutes: o.completeAtMinutes,
      delivered: Object.fromEntries(o.lines.map((l) => [problemId.item(l.itemId), l.planned])),
      shortfall: Object.fromEntries(o.lines.map((l) => [problemId.item(l.itemId), l.shortfall])),
      reasons: o.reasons,
    })),
    summary: {
      people: view.summary?.people ?? 0,
      peopleServed: view.summary?.peopleServed ?? 0,
      latestArrivalMinutes: view.summary?.latestArrivalMinutes ?? null,
      totalKm: view.summary?.totalKm ?? 0,
      vehiclesUsed: view.summary?.vehiclesUsed ?? 0,
      computeMs: 0,
    },
    stats: {
      phases: { paths: 0, construction: 0, search: 0 },
      iterations: 0,
      stoppedByTime: view.stoppedByTime,
    },
  };
}

/**
 * Checks a stored plan against the problem stored with it, with the planner's independent checker: what an
 * auditor runs to confirm that the plan the dispatcher saw obeys every rule. Empty when it does.
 */
export function checkStoredPlan(db: DbOrTx, planId: number): string[] {
  // A plan row always keeps its problem; checkPlan refuses a missing one as an invalid problem.
  return checkPlan(planProblem(db, planId), plannerPlanOf(getPlan(db, planId)));
}
