import type { PlanningProblem } from "@relief/planner";
import type { PromisedAid } from "../aid/planning";
import { problemId } from "./ids";

/**
 * Promised mutual aid in the planner's terms: a depot at the neighbour's entry node holding what is still to
 * come, and the neighbour's trucks based there, available from the promised arrival.
 */
export function aidDepots(aid: Map<number, PromisedAid>): PlanningProblem["depots"] {
  return [...aid.values()].map((a) => ({
    id: problemId.aid(a.requestId),
    node: problemId.node(a.entryNodeId),
    // The neighbour's trucks arrive loaded: nothing to load at the entry.
    loadMinutes: 0,
    stock: Object.fromEntries([...a.stock].map(([itemId, q]) => [problemId.item(itemId), q])),
  }));
}

export function aidVehicles(aid: Map<number, PromisedAid>, now: string): PlanningProblem["vehicles"] {
  return [...aid.values()].flatMap((a) => {
    const ready = Math.max(0, (Date.parse(a.readyAt) - Date.parse(now)) / 60_000);
    return a.trucks.map((t) => ({
      id: problemId.aidTruck(t.id),
      depot: problemId.aid(a.requestId),
      capacityKg: t.payloadKg,
      capacityM3: t.volumeM3,
      ...(ready > 0 ? { availableAtMinutes: ready } : {}),
    }));
  });
}
