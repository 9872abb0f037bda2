import { BLOCKED_DEADLINE, BLOCKED_NO_STOCK, BLOCKED_UNREACHABLE, type Model } from "./model";
import type { DemandOutcome, DispatchPlan, PlannedRoute, PlanStats, ShortfallReason } from "./plan-types";
import { RELOAD, type Route } from "./search/route";
import type { Solution } from "./search/solution";

/** Turns a solution into the documented plan format, with a reason for every shortfall. */
export function toPlan(model: Model, sol: Solution, stats: PlanStats, computeMs: number): DispatchPlan {
  const K = model.itemCount;
  const problem = model.problem;
  const routes: PlannedRoute[] = [];
  const lastStart = new Float64Array(model.demandCount).fill(Number.NEGATIVE_INFINITY);
  let latest: number | null = null;
  let totalKm = 0;
  let vehiclesUsed = 0;
  for (const route of sol.routes) {
    if (route.visits === 0) continue;
    vehiclesUsed++;
    let trip = 0;
    let begin = 0;
    for (let p = 1; p <= route.n + 1; p++) {
      if (p <= route.n && (route.order[p] as number) !== RELOAD) continue;
      trip++;
      const planned = plannedTrip(model, route, trip, begin, p, lastStart);
      for (const s of planned.stops) latest = Math.max(latest ?? s.arriveMinutes, s.arriveMinutes);
      totalKm += planned.km;
      routes.push(planned);
      begin = p;
    }
  }

  const outcomes: DemandOutcome[] = [];
  let people = 0;
  let served = 0;
  problem.demands.forEach((d, i) => {
    const delivered: Record<string, number> = {};
    const shortfall: Record<string, number> = {};
    const short: number[] = [];
    for (let k = 0; k < K; k++) {
      const n = model.need[i * K + k] as number;
      const g = sol.delivered[i * K + k] as number;
      if (n === 0 && g === 0) continue;
      const id = model.itemIds[k] as string;
      delivered[id] = g;
      shortfall[id] = Math.max(0, n - g);
      if (g < n) short.push(k);
    }
    const peopleServed = sol.demandServed(i);
    people += d.people;
    served += peopleServed;
    const complete = lastStart[i] as number;
    outcomes.push({
      demand: d.id,
      people: d.people,
      peopleServed,
      completeAtMinutes: Number.isFinite(complete) ? complete : null,
      delivered,
      shortfall,
      reasons: short.length === 0 ? [] : reasons(model, sol, i, short),
    });
  });

  return {
    routes,
    outcomes,
    summary: { people, peopleServed: served, latestArrivalMinutes: latest, totalKm, vehiclesUsed, computeMs },
    stats,
  };
}

function plannedTrip(
  model: Model,
  route: Route,
  trip: number,
  begin: number,
  end: number,
  lastStart: Float64Array,
): PlannedRoute {
  const K = model.itemCount;
  const stops: PlannedRoute["stops"] = [];
  for (let p = begin + 1; p < end; p++) {
    const o = route.order[p] as number;
    const i = model.orderDemand[o] as number;
    const deliver: Record<string, number> = {};
    for (let k = 0; k < K; k++) {
      const q = route.qty[p * K + k] as number;
      if (q > 0) deliver[model.itemIds[k] as string] = q;
    }
    const start = route.start[p] as number;
    if (start > (lastStart[i] as number)) lastStart[i] = start;
    const demand = model.problem.demands[i] as { id: string; node: string };
    stops.push({
      demand: demand.id,
      node: demand.node,
      arriveMinutes: route.arrive[p] as number,
      startMinutes: start,
      deliver,
    });
  }
  return {
    vehicle: model.vehicleNames[route.vehicle] as string,
    trip,
    depot: (model.problem.depots[route.depot] as { id: string }).id,
    departMinutes: (route.start[begin] as number) + (route.service[begin] as number),
    km: (route.kmTo[end] as number) - (route.kmTo[begin] as number),
    returnMinutes: route.arrive[end] as number,
    stops,
  };
}

/**
 * Why demand i is short of the listed items: unreachable (no open road from any depot with vehicles, and back),
 * deadline (stock exists but no vehicle can get there in time), no_stock (no depot that could get there in time
 * has any left), fleet (stock and time would allow it, but the vehicles and trips were all used). Fleet is named
 * only when it is the whole story: items that could be sent are not, if another item is missing anyway.
 */
function reasons(model: Model, sol: Solution, i: number, short: number[]): ShortfallReason[] {
  const blocked = model.demandBlocked[i];
  if (blocked === BLOCKED_UNREACHABLE) return ["unreachable"];
  if (blocked === BLOCKED_DEADLINE) return ["deadline"];
  if (blocked === BLOCKED_NO_STOCK) return ["no_stock"];
  const K = model.itemCount;
  const P = model.placeCount;
  const vehicles = model.problem.vehicles;
  const E = vehicles.length;
  const at = model.demandPlace[i] as number;
  const reachable = new Uint8Array(model.depotCount);
  const timely = new Uint8Array(model.depotCount);
  for (let e = 0; e < E; e++) {
    if (model.entryReaches[i * E + e] === 0) continue;
    const v = vehicles[e] as (typeof vehicles)[number];
    const d = model.problem.depots.findIndex((x) => x.id === v.depot);
    reachable[d] = 1;
    const home = model.depotPlace[d] as number;
    const slow = 1 / (v.speedFactor ?? 1);
    const start = Math.max(
      (v.availableAtMinutes ?? 0) +
        (model.depotLoad[d] as number) +
        (model.minutes[home * P + at] as number) * slow,
      model.windowStart[i] as number,
    );
    const back = start + (model.service[i] as number) + (model.minutes[at * P + home] as number) * slow;
    if (start <= (model.latest[i] as number) && back <= (v.maxEndMinutes ?? Number.POSITIVE_INFINITY))
      timely[d] = 1;
  }
  // Only the items that stop one more person from being served explain the shortfall; a leftover smaller than
  // one person's quota does not count as stock.
  const served = sol.demandServed(i);
  const people = model.people[i] as number;
  const out = new Set<ShortfallReason>();
  for (const k of short) {
    const n = model.need[i * K + k] as number;
    const more = Math.floor(((served + 1) * n + people - 1) / people) - (sol.delivered[i * K + k] as number);
    if (more <= 0) continue;
    let inTime = 0;
    let anywhere = 0;
    for (let d = 0; d < model.depotCount; d++) {
      const left = (model.stock[d * K + k] as number) - (sol.used[d * K + k] as number);
      if (reachable[d] === 1) anywhere += left;
      if (timely[d] === 1) inTime += left;
    }
    if (inTime >= more) out.add("fleet");
    else if (anywhere >= more) out.add("deadline");
    else out.add("no_stock");
  }
  // More vehicles would not help while another item cannot be had in time at all.
  if (out.size > 1) out.delete("fleet");
  return [...out];
}
