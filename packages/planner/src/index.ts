export { checkPlan } from "./check";
export * from "./layout";
export { buildGraph, ShortestPaths, travelTimes } from "./paths";
export type {
  DemandOutcome,
  DispatchPlan,
  PlannedRoute,
  PlannedStop,
  PlanStats,
  PlanSummary,
  ShortfallReason,
} from "./plan-types";
export {
  type PlanningProblem,
  ProblemError,
  type ProblemIssue,
  parseProblem,
  planningProblemSchema,
  type ValidProblem,
} from "./schema";
export { DEFAULT_TIME_LIMIT_MS, plan } from "./solve";
