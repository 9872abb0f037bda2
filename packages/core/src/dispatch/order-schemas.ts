import { m, msg, ORDER_STATUSES } from "@relief/domain";
import { z } from "zod";
import { PageFields } from "../paging";
import { PlanInput } from "./schemas";

const Id = z.number().int().positive();
const text = (max: number) => z.string().trim().max(max, m("common.error.tooLong", { max }));

/**
 * Approving a plan: the authorising body defaults to ORDER_AUTHORITY_DEFAULT and the purpose to 救灾调运 with
 * the incident's title; both, and the reference number, are the dispatcher's to change.
 */
export const ApprovePlanInput = z.object({
  planId: Id,
  authority: text(100).optional(),
  authorityRef: text(100).optional(),
  purpose: text(200).optional(),
});
export type ApprovePlanInput = z.input<typeof ApprovePlanInput>;

const reason = text(500).min(1, m("common.error.required", { field: msg("orders.field.cancelReason") }));

export const CancelOrderInput = z.object({ orderId: Id, reason });
export type CancelOrderInput = z.input<typeof CancelOrderInput>;

export const CancelPlanInput = z.object({ planId: Id, reason });
export type CancelPlanInput = z.input<typeof CancelPlanInput>;

/** `dispatch.cancel`: one order, or every undeparted order of a plan. */
export const CancelDispatchInput = z
  .object({ orderId: Id.optional(), planId: Id.optional(), reason })
  .refine((v) => (v.orderId === undefined) !== (v.planId === undefined), {
    message: m("orders.error.cancelTarget"),
    path: ["orderId"],
  });
export type CancelDispatchInput = z.input<typeof CancelDispatchInput>;

export const OrdersInput = z.object({
  incidentId: Id,
  /** One plan version's orders. */
  planId: Id.optional(),
  status: z.enum(ORDER_STATUSES).optional(),
  ...PageFields,
});
export type OrdersInput = z.input<typeof OrdersInput>;

export const OrderIdInput = z.object({ orderId: Id });

/** `dispatch.replan`: the incident whose approved plan is re-planned; the seed and time cap as for a plan. */
export const ReplanInput = PlanInput.pick({ incidentId: true, seed: true, timeLimitMs: true });
export type ReplanInput = z.input<typeof ReplanInput>;
