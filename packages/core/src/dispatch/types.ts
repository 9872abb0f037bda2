import type { Message, ShortfallReasonCode } from "@relief/domain";

/**
 * What `dispatch.plan` and `dispatch.get` return: the planner's plan with every id mapped back to the
 * district's warehouses, vehicles, areas, items and roads, and the figures the plan page shows. Times are
 * minutes from `startsAt` (the moment of planning, the planner's time zero) and also ISO instants.
 */

export interface PlanOptions {
  /** Plan only from these warehouses (empty = all). */
  pinnedWarehouseIds: number[];
  excludedWarehouseIds: number[];
  /** Plan only with these vehicles (empty = all available). */
  pinnedVehicleIds: number[];
  excludedVehicleIds: number[];
  /** Roads the dispatcher knows to be passable although marked closed. */
  pinnedEdgeIds: number[];
  /** Roads not to be driven although open. */
  excludedEdgeIds: number[];
}

export interface PlanStop {
  areaId: number;
  nodeId: number;
  arriveAt: string;
  arriveMinutes: number;
  /** Items delivered at this stop, in base units. */
  deliveries: Array<{ itemId: number; quantity: number }>;
}

export interface PlanRoute {
  /** The vehicle; for an agreement truck called off without a plate, null and `vehicleLabel` names it. */
  vehicleId: number | null;
  vehicleLabel: string;
  trip: number;
  /** The source warehouse of this trip. */
  warehouseId: number;
  /** Loading starts at `loadFrom`, the truck leaves at `departAt`. */
  loadFrom: string;
  departAt: string;
  departMinutes: number;
  returnAt: string;
  returnMinutes: number;
  km: number;
  loadKg: number;
  loadM3: number;
  stops: PlanStop[];
  /** The road edges driven, in order, out and back (for the map). */
  edgeIds: number[];
}

export interface PlanAreaOutcome {
  areaId: number;
  people: number;
  peopleServed: number;
  /** Last delivery's arrival; null when nothing arrives. */
  completeAt: string | null;
  deadlineMet: boolean;
  lines: Array<{ itemId: number; need: number; planned: number; shortfall: number }>;
  reasons: ShortfallReasonCode[];
}

/** An unmet need with why, and what would fix it, as messages the page renders in the user's language. */
export interface PlanShortfall {
  areaId: number;
  itemId: number;
  quantity: number;
  reason: ShortfallReasonCode;
  suggestions: Message[];
}

export interface PlanSummaryView {
  people: number;
  peopleServed: number;
  latestArrivalMinutes: number | null;
  latestArrivalAt: string | null;
  totalKm: number;
  vehiclesUsed: number;
  /** Every area served in full by the deadline. */
  allReachedInTime: boolean;
}

export interface PlanView {
  planId: number;
  incidentId: number;
  version: number;
  status: "running" | "done" | "failed";
  drill: boolean;
  seed: number;
  options: PlanOptions;
  /** The planner's time zero. */
  startsAt: string;
  /** Incident start + 10 h. */
  deadlineAt: string;
  deadlineMinutes: number;
  summary: PlanSummaryView | null;
  routes: PlanRoute[];
  outcomes: PlanAreaOutcome[];
  shortfalls: PlanShortfall[];
  /** The search stopped at its time cap rather than its iteration budget: a rerun may differ. */
  stoppedByTime: boolean;
  timings: { readMs: number; pathsMs: number; searchMs: number } | null;
  failure: Message | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
}
