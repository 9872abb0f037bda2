import type { Message, ShortfallReasonCode } from "@relief/domain";
import type { PlanFlag } from "./flag";

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
  /** The source warehouse of this trip; null for a neighbour's promised aid (`aidRequestId`). */
  warehouseId: number | null;
  /**
   * The mutual-aid request whose promised goods this trip carries from the neighbour's entry node, on the
   * neighbour's truck: shown in the plan, not made into a 调拨单 (the goods are not in Banan's ledger).
   */
  aidRequestId?: number;
  /** The neighbour's truck (as its reply names it), for a mutual-aid trip. */
  aidTruckId?: number;
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

/** A trip from one of Banan's warehouses: what approval makes into 调拨单. */
export type WarehouseRoute = PlanRoute & { warehouseId: number };

export interface PlanAreaOutcome {
  areaId: number;
  people: number;
  peopleServed: number;
  /** Last delivery's arrival; null when nothing arrives. */
  completeAt: string | null;
  /** The same in minutes from `startsAt`, as the planner reports it. */
  completeAtMinutes: number | null;
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
  /**
   * What the plan left out and why, as messages: a vehicle whose warehouse is not in the road network, a
   * warehouse holding usable stock but no vehicles (its stock cannot leave in this plan).
   */
  notes: Message[];
  /** The search stopped at its time cap rather than its iteration budget: a rerun may differ. */
  stoppedByTime: boolean;
  timings: { readMs: number; pathsMs: number; searchMs: number } | null;
  failure: Message | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  /** Approval, flag and cancellation as the plan's row has them now (null in what the planner stored). */
  approvedAt: string | null;
  flaggedAt: string | null;
  cancelledAt: string | null;
  /** A road closed or slowed after approval on a trip not yet departed: what the re-plan warning says. */
  flag: PlanFlag | null;
}

/** One version of an incident's plan with its headline figures (`dispatch.list`). */
export interface PlanVersion {
  planId: number;
  incidentId: number;
  version: number;
  status: "running" | "done" | "failed";
  seed: number;
  summary: Pick<
    PlanSummaryView,
    "people" | "peopleServed" | "latestArrivalMinutes" | "latestArrivalAt" | "totalKm" | "vehiclesUsed"
  > | null;
  stoppedByTime: boolean | null;
  failure: Message | null;
  createdBy: string;
  createdAt: string;
  finishedAt: string | null;
  /** When the version was approved into dispatch orders (`dispatch.approve`), and when it was cancelled. */
  approvedAt: string | null;
  /** A road it drives closed after approval; cancelled when replaced by a re-plan, too. */
  flaggedAt: string | null;
  cancelledAt: string | null;
  flag: PlanFlag | null;
}

/** Two versions side by side (`dispatch.compare`): b − a for each figure, and per area. */
export interface PlanComparison {
  a: PlanVersion;
  b: PlanVersion;
  difference: {
    peopleServed: number;
    /** Minutes between the two latest arrivals (as instants: the versions may start at different times). */
    latestArrivalMinutes: number | null;
    totalKm: number;
    vehiclesUsed: number;
  };
  areas: Array<{
    areaId: number;
    people: number;
    peopleServedA: number;
    peopleServedB: number;
    completeAtA: string | null;
    completeAtB: string | null;
  }>;
}
