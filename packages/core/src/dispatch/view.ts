import type { DispatchPlan, PlannedRoute } from "@relief/planner";
import { type BuiltProblem, databaseId } from "./problem";
import { shortfalls } from "./suggest";
import type { PlanAreaOutcome, PlanRoute, PlanSummaryView, PlanView } from "./types";

/** What the row knows besides the planner's answer. */
export interface PlanHeader {
  planId: number;
  incidentId: number;
  version: number;
  seed: number;
  createdBy: string;
  createdAt: string;
}

const at = (startsAt: string, minutes: number) =>
  new Date(Date.parse(startsAt) + Math.round(minutes * 60_000)).toISOString();

/** The edges a trip drives: out from the depot through each stop in order and back. */
function tripEdges(built: BuiltProblem, route: PlannedRoute, home: number): number[] {
  const nodes = [home, ...route.stops.map((s) => databaseId(s.node)), home];
  const edges: number[] = [];
  for (let i = 1; i < nodes.length; i++)
    edges.push(...(built.graph.path(nodes[i - 1] as number, nodes[i] as number) ?? []));
  return edges;
}

function toRoute(built: BuiltProblem, route: PlannedRoute): PlanRoute {
  // A neighbour's promised aid leaves from its entry node on its own trucks, which are not Banan's fleet.
  const aid = route.depot.startsWith("H") ? built.aid.get(databaseId(route.depot)) : undefined;
  const warehouseId = aid ? null : databaseId(route.depot);
  const warehouse = warehouseId === null ? undefined : built.warehouses.get(warehouseId);
  const vehicleId = aid ? null : databaseId(route.vehicle);
  const home = aid ? aid.entryNodeId : warehouse?.node;
  let loadKg = 0;
  let loadM3 = 0;
  const stops = route.stops.map((s) => {
    const deliveries = Object.entries(s.deliver)
      .filter(([, q]) => q > 0)
      .map(([item, quantity]) => {
        const info = built.items.get(databaseId(item));
        loadKg += quantity * (info?.kg ?? 0);
        loadM3 += quantity * (info?.m3 ?? 0);
        return { itemId: databaseId(item), quantity };
      });
    return {
      areaId: databaseId(s.demand),
      nodeId: databaseId(s.node),
      arriveAt: at(built.startsAt, s.arriveMinutes),
      arriveMinutes: s.arriveMinutes,
      deliveries,
    };
  });
  const loadMinutes = warehouse?.loadMinutes ?? 0;
  return {
    vehicleId,
    vehicleLabel:
      (vehicleId === null ? built.aidPlates.get(databaseId(route.vehicle)) : built.plates.get(vehicleId)) ??
      route.vehicle,
    trip: route.trip,
    warehouseId,
    ...(aid ? { aidRequestId: aid.requestId, aidTruckId: databaseId(route.vehicle) } : {}),
    loadFrom: at(built.startsAt, route.departMinutes - loadMinutes),
    departAt: at(built.startsAt, route.departMinutes),
    departMinutes: route.departMinutes,
    returnAt: at(built.startsAt, route.returnMinutes),
    returnMinutes: route.returnMinutes,
    km: route.km,
    loadKg: Math.round(loadKg * 10) / 10,
    loadM3: Math.round(loadM3 * 100) / 100,
    stops,
    edgeIds: home != null ? tripEdges(built, route, home) : [],
  };
}

function toOutcome(built: BuiltProblem, o: DispatchPlan["outcomes"][number]): PlanAreaOutcome {
  const demand = built.problem.demands.find((d) => d.id === o.demand);
  const need = demand?.need ?? {};
  return {
    areaId: databaseId(o.demand),
    people: o.people,
    peopleServed: o.peopleServed,
    completeAt: o.completeAtMinutes === null ? null : at(built.startsAt, o.completeAtMinutes),
    completeAtMinutes: o.completeAtMinutes,
    // Every delivery the planner makes starts by the deadline: the area is in time when nothing is missing.
    deadlineMet: o.reasons.length === 0 && o.peopleServed === o.people,
    lines: Object.entries(need).map(([item, q]) => ({
      itemId: databaseId(item),
      need: q,
      planned: o.delivered[item] ?? 0,
      shortfall: o.shortfall[item] ?? 0,
    })),
    reasons: o.reasons,
  };
}

function toSummary(built: BuiltProblem, plan: DispatchPlan, outcomes: PlanAreaOutcome[]): PlanSummaryView {
  const s = plan.summary;
  return {
    people: s.people,
    peopleServed: s.peopleServed,
    latestArrivalMinutes: s.latestArrivalMinutes,
    latestArrivalAt: s.latestArrivalMinutes === null ? null : at(built.startsAt, s.latestArrivalMinutes),
    totalKm: s.totalKm,
    vehiclesUsed: s.vehiclesUsed,
    allReachedInTime: outcomes.every((o) => o.deadlineMet),
  };
}

/** The planner's plan with every id mapped back to the district's warehouses, vehicles, areas, items and roads. */
export function toPlanView(
  built: BuiltProblem,
  plan: DispatchPlan,
  header: PlanHeader,
  timings: { readMs: number },
  finishedAt: string,
): PlanView {
  const outcomes = plan.outcomes.map((o) => toOutcome(built, o));
  return {
    ...header,
    status: "done",
    drill: built.needs.incident.drill,
    options: built.options,
    startsAt: built.startsAt,
    deadlineAt: built.deadlineAt,
    deadlineMinutes: built.deadlineMinutes,
    summary: toSummary(built, plan, outcomes),
    routes: plan.routes.map((r) => toRoute(built, r)),
    outcomes,
    shortfalls: shortfalls(built, plan),
    notes: built.notes,
    stoppedByTime: plan.stats.stoppedByTime,
    timings: {
      readMs: Math.round(timings.readMs),
      pathsMs: Math.round(plan.stats.phases.paths),
      searchMs: Math.round(plan.stats.phases.construction + plan.stats.phases.search),
    },
    failure: null,
    finishedAt,
    approvedAt: null,
    flaggedAt: null,
    cancelledAt: null,
    flag: null,
  };
}
