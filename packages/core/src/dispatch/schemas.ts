import { m, PLAN_BUDGET } from "@relief/domain";
import { z } from "zod";

/** Bounds of a dispatcher's time cap: at least a first plan, at most what a person waits for. */
const TIME_LIMIT = { min: 100, max: 60_000 } as const;

const Id = z.number().int().positive();
const Ids = z.array(Id).max(1000).default([]);

export const PlanOptionsInput = z.object({
  pinnedWarehouseIds: Ids,
  excludedWarehouseIds: Ids,
  pinnedVehicleIds: Ids,
  excludedVehicleIds: Ids,
  pinnedEdgeIds: Ids,
  excludedEdgeIds: Ids,
});

export const PlanInput = z.object({
  incidentId: Id,
  options: PlanOptionsInput.prefault({}),
  seed: z
    .number()
    .int(m("dispatch.error.seedInteger"))
    .min(0, m("dispatch.error.seedInteger"))
    .max(2 ** 31 - 1, m("dispatch.error.seedInteger"))
    .default(1),
  timeLimitMs: z
    .number()
    .int()
    .min(TIME_LIMIT.min, m("dispatch.error.timeLimitRange", TIME_LIMIT))
    .max(TIME_LIMIT.max, m("dispatch.error.timeLimitRange", TIME_LIMIT))
    .default(PLAN_BUDGET.timeLimitMs),
});
export type PlanInput = z.input<typeof PlanInput>;

export const PlanIdInput = z.object({ planId: Id });
export const PlansInput = z.object({ incidentId: Id });
export const CompareInput = z.object({ a: Id, b: Id });
