/** The planner's output format: see the package README for the time rules every figure obeys. */

export type ShortfallReason = "no_stock" | "unreachable" | "deadline" | "fleet";

export interface PlannedStop {
  demand: string;
  node: string;
  arriveMinutes: number;
  /** max(arrival, window start). */
  startMinutes: number;
  deliver: Record<string, number>;
}

export interface PlannedRoute {
  /** The vehicle's id, or id#k for the k-th of a vehicle entry with a count. */
  vehicle: string;
  /** 1, 2, … per vehicle; trips of one vehicle never overlap. */
  trip: number;
  depot: string;
  departMinutes: number;
  /** Includes the way back to the depot. */
  km: number;
  returnMinutes: number;
  stops: PlannedStop[];
}

export interface DemandOutcome {
  demand: string;
  people: number;
  /** people × min over items of min(1, delivered / need), rounded down. */
  peopleServed: number;
  /** Service start of the last delivery; null when nothing was delivered. */
  completeAtMinutes: number | null;
  delivered: Record<string, number>;
  shortfall: Record<string, number>;
  /** Why the point is not fully served; empty when it is. */
  reasons: ShortfallReason[];
}

export interface PlanSummary {
  people: number;
  peopleServed: number;
  latestArrivalMinutes: number | null;
  totalKm: number;
  vehiclesUsed: number;
  computeMs: number;
}

export interface PlanStats {
  /** Milliseconds per phase. */
  phases: { paths: number; construction: number; search: number };
  iterations: number;
  /** True when the time limit, not maxIterations, ended the search: rerunning may then give another plan. */
  stoppedByTime: boolean;
}

export interface DispatchPlan {
  routes: PlannedRoute[];
  outcomes: DemandOutcome[];
  summary: PlanSummary;
  stats: PlanStats;
}
